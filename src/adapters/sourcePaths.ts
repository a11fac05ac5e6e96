/**
 * Where each canonical field came from in the provider's document. Validation of the canonical
 * shipment reports paths like `items[0].commodityCode`; users must see the field of THEIR input
 * instead (`Delivery.Items[0].HarmonizedCode`), or they cannot fix it.
 */
import type { FieldIssue } from '../errors';

interface Origin {
	source: string;
	/** Said after the message when the canonical value is derived (e.g. value = unit value x quantity). */
	note?: string;
}

export class SourcePathMap {
	private readonly origins = new Map<string, Origin>();

	/** @param root Source path reported when nothing more precise is known (e.g. `Delivery`). */
	constructor(private readonly root: string) {}

	set(canonicalPath: string, sourcePath: string, note?: string): void {
		this.origins.set(canonicalPath, { source: sourcePath, note });
	}

	/**
	 * The issue at its source path: an exact entry, else the nearest mapped ancestor (with the
	 * canonical field named in the message, so nothing is lost), else the root.
	 */
	translate(issue: FieldIssue): FieldIssue {
		const exact = this.origins.get(issue.path);
		if (exact) {
			return { path: exact.source, message: exact.note ? `${issue.message} (${exact.note})` : issue.message };
		}
		for (let prefix = parentPath(issue.path); prefix !== undefined; prefix = parentPath(prefix)) {
			const ancestor = this.origins.get(prefix);
			if (ancestor) return { path: ancestor.source, message: `${issue.path}: ${issue.message}` };
		}
		return { path: this.root, message: issue.path ? `${issue.path}: ${issue.message}` : issue.message };
	}
}

/** `items[0].commodityCode` -> `items[0]` -> `items` -> `` -> undefined. */
function parentPath(path: string): string | undefined {
	if (path === '') return undefined;
	const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
	return cut <= 0 ? '' : path.slice(0, cut);
}
