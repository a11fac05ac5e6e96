/**
 * How deep a document from an item or a JSON parameter may nest. A shipment, a Delivery or a
 * Shipium label request is a few levels deep; 64 leaves ample room for extra fields. A document
 * nested thousands of levels deep would overflow the call stack of whatever walks it recursively
 * (hashing it for a transaction number, writing it as JSON for the provider) with a bare "Maximum
 * call stack size exceeded": it is refused first, naming where it gets too deep.
 */
import { InputValidationError } from '../errors';
import { joinPath } from './sourceReader';

export const MAX_DOCUMENT_DEPTH = 64;

interface Visit {
	value: unknown;
	depth: number;
	parent?: Visit;
	key?: string | number;
}

function pathOf(visit: Visit, root: string): string {
	const keys: Array<string | number> = [];
	for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.push(at.key);
	return keys.reverse().reduce<string>((path, key) => joinPath(path, key), root);
}

/** Whether `document` nests deeper than MAX_DOCUMENT_DEPTH: the fast pass, on every item, without paths. */
function tooDeep(document: unknown): boolean {
	const values: unknown[] = [document];
	const depths: number[] = [0];
	while (values.length > 0) {
		const value = values.pop() as object;
		const depth = depths.pop() as number;
		if (depth >= MAX_DOCUMENT_DEPTH) return true;
		const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
		for (const child of children) {
			if (child !== null && typeof child === 'object') {
				values.push(child);
				depths.push(depth + 1);
			}
		}
	}
	return false;
}

/** Throws an InputValidationError at the first path nested deeper than MAX_DOCUMENT_DEPTH; walks with its own stack. */
export function assertDocumentDepth(document: unknown, root: string, subject: string): void {
	if (document === null || typeof document !== 'object' || !tooDeep(document)) return;
	// Only for a document that is refused: the walk again, remembering where it is.
	const pending: Visit[] = [{ value: document, depth: 0 }];
	for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
		const { value, depth } = visit;
		if (value === null || typeof value !== 'object') continue;
		if (depth >= MAX_DOCUMENT_DEPTH) {
			throw new InputValidationError(
				[{ path: pathOf(visit, root) || '(item)', message: `is nested more than ${MAX_DOCUMENT_DEPTH} levels deep: no customs document is` }],
				subject,
			);
		}
		// Only lists and objects are visited: leaves cannot nest.
		if (Array.isArray(value)) {
			for (let index = 0; index < value.length; index++) {
				const child: unknown = value[index];
				if (child !== null && typeof child === 'object') pending.push({ value: child, depth: depth + 1, parent: visit, key: index });
			}
		} else {
			const record = value as Record<string, unknown>;
			for (const key of Object.keys(record)) {
				const child = record[key];
				if (child !== null && typeof child === 'object') pending.push({ value: child, depth: depth + 1, parent: visit, key });
			}
		}
	}
}
