import type { IExecuteFunctions, IDataObject } from 'n8n-workflow';

import { InputValidationError } from '../../src/errors';

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

/** Reads a `json` parameter, which n8n hands over as text or, from an expression, as an object. */
export function jsonParameter(context: IExecuteFunctions, name: string, itemIndex: number, label: string): IDataObject {
	const value = context.getNodeParameter(name, itemIndex) as unknown;
	const parsed = typeof value === 'string' ? parseJson(value) : value;
	if (parsed === NOT_JSON) throw new InputValidationError([{ path: label, message: 'is not valid JSON' }]);
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputValidationError([{ path: label, message: 'must be a JSON object' }]);
	}
	return parsed as IDataObject;
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
