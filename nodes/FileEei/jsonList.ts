import { InputValidationError } from '../../src/errors';

const NOT_JSON = Symbol('not JSON');

function parse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

/** A JSON-list parameter (text, or a list from an expression) of objects; undefined when empty. */
export function jsonList<T>(value: unknown, path: string, subject: string): Array<T | undefined> | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = typeof value === 'string' ? parse(value) : value;
	if (parsed === NOT_JSON) throw new InputValidationError([{ path, message: 'is not valid JSON' }], subject);
	if (!Array.isArray(parsed) || parsed.some((line) => line !== null && (typeof line !== 'object' || Array.isArray(line)))) {
		throw new InputValidationError([{ path, message: 'must be a JSON list of objects, one per line, in order' }], subject);
	}
	return parsed as Array<T | undefined>;
}
