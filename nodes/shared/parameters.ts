import type { IExecuteFunctions, IDataObject } from 'n8n-workflow';

import { InputValidationError } from '../../src/errors';
import { isJsonRecord } from '../../src/json';

const NOT_JSON = Symbol('not JSON');

function parseJsonText(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

/** A `json` parameter's value: n8n hands it over as text, or from an expression as a value. */
function parseJsonValue(value: unknown, path: string, subject?: string): unknown {
	const parsed = typeof value === 'string' ? parseJsonText(value) : value;
	if (parsed === NOT_JSON) throw new InputValidationError([{ path, message: 'is not valid JSON' }], subject);
	return parsed;
}

/** Reads a `json` parameter that must hold one object (a shipment, a request). */
export function jsonParameter(context: IExecuteFunctions, name: string, itemIndex: number, label: string): IDataObject {
	const parsed = parseJsonValue(context.getNodeParameter(name, itemIndex) as unknown, label);
	if (!isJsonRecord(parsed)) throw new InputValidationError([{ path: label, message: 'must be a JSON object' }]);
	return parsed as IDataObject;
}

/** A JSON-list parameter (text, or a list from an expression) of objects, one per line; undefined when empty. */
export function jsonList<T>(value: unknown, path: string, subject: string): Array<T | undefined> | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = parseJsonValue(value, path, subject);
	if (!Array.isArray(parsed) || parsed.some((line) => line !== null && !isJsonRecord(line))) {
		throw new InputValidationError([{ path, message: 'must be a JSON list of objects, one per line, in order' }], subject);
	}
	return parsed as Array<T | undefined>;
}

function containsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(containsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(containsExpression);
	return false;
}

/**
 * A reader for a parameter that may differ per item. When the node's raw parameter holds no
 * expression, its value is the same for every item, so it is resolved once instead of per item
 * (parameter resolution is the main per-item cost of a node in the engine).
 */
export function parameterReader<T>(context: IExecuteFunctions, name: string, fallback: T): (itemIndex: number) => T {
	const raw = context.getNode().parameters[name];
	if (context.getInputData().length === 0) return () => fallback;
	if (!containsExpression(raw)) {
		const value = context.getNodeParameter(name, 0, fallback) as T;
		return () => value;
	}
	return (itemIndex) => context.getNodeParameter(name, itemIndex, fallback) as T;
}

/** Splits a comma-separated list the way users type it, dropping blanks and repeats. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return [...new Set(value.map((part) => String(part).trim()).filter((part) => part !== ''))];
	if (typeof value === 'number') return [String(value)];
	if (typeof value !== 'string') return [];
	return [...new Set(value.split(',').map((part) => part.trim()).filter((part) => part !== ''))];
}
