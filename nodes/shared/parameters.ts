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
