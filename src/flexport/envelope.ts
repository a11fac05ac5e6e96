import type { HttpResponse } from '../http/port';
import { FlexportApiError } from './errors';
import type { CustomsEntriesPage, CustomsEntry } from './types';
import { isJsonRecord } from '../json';

/**
 * Flexport wraps every answer in `{_object:"/api/response", self, version, data, error}` and
 * reports failures as `{_object:"/api/error", status, code, message}`, either inside the
 * envelope's `error` or as the whole body (seed 004, "Customs Entries API Tutorial").
 */

interface FlexportErrorObject {
	status?: number;
	code?: string;
	message?: string;
}


/** A port may hand back JSON as text (wrong content type); read it when it is JSON. */
function readBody(body: unknown): { json: unknown } | { text: string } {
	if (typeof body !== 'string') return { json: body };
	const trimmed = body.trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return { json: JSON.parse(trimmed) as unknown };
		} catch {
			return { text: body };
		}
	}
	return { text: body };
}

function describeText(text: string): string {
	const trimmed = text.trim();
	if (trimmed === '') return 'an empty body';
	if (trimmed.startsWith('<')) return 'an HTML page';
	return 'a body that is not JSON';
}

function asErrorObject(value: unknown): FlexportErrorObject | undefined {
	if (!isJsonRecord(value)) return undefined;
	const looksLikeError =
		value._object === '/api/error' || typeof value.code === 'string' || typeof value.message === 'string';
	if (!looksLikeError) return undefined;
	return {
		status: typeof value.status === 'number' ? value.status : undefined,
		code: typeof value.code === 'string' ? value.code : undefined,
		message: typeof value.message === 'string' ? value.message : undefined,
	};
}

function findErrorObject(json: unknown): FlexportErrorObject | undefined {
	if (!isJsonRecord(json)) return undefined;
	if (json._object === '/api/error') return asErrorObject(json);
	if (json.error !== null && json.error !== undefined) return asErrorObject(json.error);
	return undefined;
}

function statusHint(status: number): string | undefined {
	if (status === 401) return 'Check the Flexport API key or OAuth client credentials.';
	if (status === 403) return 'The Flexport credential is not allowed to read customs entries.';
	if (status === 404) return 'No such customs entry for this Flexport account.';
	if (status === 429) return 'Flexport rate limit reached even after retries; poll less often.';
	if (status >= 500) return 'Flexport had a server error even after retries; try again later.';
	return undefined;
}

function apiError(status: number, error: FlexportErrorObject, body: unknown, what: string): FlexportApiError {
	const effectiveStatus = status >= 400 ? status : (error.status ?? status);
	const detail = [error.code, error.message].filter((part) => part !== undefined).join(': ');
	return new FlexportApiError({
		reason: 'api-error',
		message: `Flexport refused ${what} (HTTP ${effectiveStatus}${detail ? `, ${detail}` : ''})`,
		status: effectiveStatus,
		code: error.code,
		providerMessages: error.message !== undefined ? [error.message] : [],
		body,
		delivery: 'sent',
		hint: statusHint(effectiveStatus),
	});
}

/**
 * Returns the envelope's `data`, or throws a FlexportApiError: Flexport's own error object when
 * there is one, else a message saying what came back instead of JSON.
 */
export function unwrapFlexportResponse(response: HttpResponse, what: string): unknown {
	const read = readBody(response.body);
	const ok = response.status >= 200 && response.status < 300;
	if ('text' in read) {
		throw new FlexportApiError({
			reason: ok ? 'unreadable-response' : 'api-error',
			message: `Flexport answered ${what} with HTTP ${response.status} and ${describeText(read.text)} instead of JSON`,
			status: response.status,
			body: read.text.slice(0, 500),
			delivery: 'sent',
			hint: ok ? 'Check that the base URL points at the Flexport API.' : statusHint(response.status),
		});
	}
	const errorObject = findErrorObject(read.json);
	if (errorObject !== undefined) throw apiError(response.status, errorObject, read.json, what);
	if (!ok) {
		throw new FlexportApiError({
			reason: 'api-error',
			message: `Flexport refused ${what} (HTTP ${response.status})`,
			status: response.status,
			body: read.json,
			delivery: 'sent',
			hint: statusHint(response.status),
		});
	}
	if (!isJsonRecord(read.json) || !('data' in read.json)) {
		throw unexpected(what, 'the response has no Flexport envelope (`_object: "/api/response"` with `data`)', read.json);
	}
	return read.json.data;
}

function unexpected(what: string, problem: string, body: unknown): FlexportApiError {
	return new FlexportApiError({
		reason: 'unexpected-response',
		message: `Flexport answered ${what} in an unexpected shape: ${problem}`,
		body,
		status: 200,
		delivery: 'sent',
	});
}

function textOrNull(value: unknown): string | null | undefined {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

/**
 * Validates one entry by hand (it runs for every entry of every page of every poll); unknown
 * fields and unknown release statuses pass through untouched, a missing status reads as null.
 */
export function parseCustomsEntry(raw: unknown, what: string, path = 'data'): CustomsEntry {
	if (!isJsonRecord(raw)) throw unexpected(what, `${path}: expected a customs entry object`, raw);
	const problems: string[] = [];
	const id = raw.id;
	if (!((typeof id === 'string' && id !== '') || typeof id === 'number')) problems.push(`${path}.id: expected a non-empty string`);
	const fields = { entry_number: textOrNull(raw.entry_number), release_status: textOrNull(raw.release_status), release_date: textOrNull(raw.release_date) };
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined) problems.push(`${path}.${name}: expected a string or null`);
	}
	const shipment = raw.shipment ?? null;
	if (shipment !== null && !isJsonRecord(shipment)) problems.push(`${path}.shipment: expected an object or null`);
	if (problems.length > 0) throw unexpected(what, problems.join('; '), raw);
	return {
		...raw,
		id: String(id),
		entry_number: fields.entry_number ?? null,
		release_status: fields.release_status ?? null,
		release_date: fields.release_date ?? null,
		shipment: shipment as CustomsEntry['shipment'],
	};
}

function optionalLink(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads `/api/collections/paginated` into a page; `next`/`prev` stay absolute URLs. */
export function parseCustomsEntriesPage(data: unknown, what: string): CustomsEntriesPage {
	if (!isJsonRecord(data) || !Array.isArray(data.data)) {
		throw unexpected(what, 'data.data: expected the list of customs entries', data);
	}
	const total = data.total_count;
	if (total !== undefined && total !== null && !(typeof total === 'number' && Number.isInteger(total) && total >= 0)) {
		throw unexpected(what, 'data.total_count: expected a whole number', data);
	}
	const page: CustomsEntriesPage = {
		entries: data.data.map((raw, i) => parseCustomsEntry(raw, what, `data.data[${i}]`)),
	};
	if (typeof total === 'number') page.totalCount = total;
	const next = optionalLink(data.next);
	const prev = optionalLink(data.prev);
	if (next !== undefined) page.next = next;
	if (prev !== undefined) page.prev = prev;
	return page;
}
