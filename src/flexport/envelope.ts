import { z } from 'zod';

import type { HttpResponse } from '../http/port';
import { FlexportApiError } from './errors';
import type { CustomsEntriesPage, CustomsEntry } from './types';

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

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
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
	if (!isRecord(value)) return undefined;
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
	if (!isRecord(json)) return undefined;
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
	if (!isRecord(read.json) || !('data' in read.json)) {
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

const idSchema = z.union([z.string().min(1), z.number()]).transform(String);
const nullableText = z
	.union([z.string(), z.number()])
	.nullish()
	.transform((v) => (v === undefined || v === null ? null : String(v)));

const shipmentSchema = z
	.object({ id: z.union([z.number(), z.string()]).nullish(), link: z.string().nullish() })
	.passthrough();

const entrySchema = z
	.object({
		id: idSchema,
		entry_number: nullableText,
		release_status: nullableText,
		release_date: nullableText,
		shipment: shipmentSchema.nullish().transform((s) => s ?? null),
	})
	.passthrough();

function zodProblem(error: z.ZodError, prefix: string): string {
	return error.issues
		.map((issue) => `${[prefix, ...issue.path].filter((p) => p !== '').join('.')}: ${issue.message}`)
		.join('; ');
}

/** Validates one entry; unknown fields and unknown release statuses pass through untouched. */
export function parseCustomsEntry(raw: unknown, what: string, path = 'data'): CustomsEntry {
	const parsed = entrySchema.safeParse(raw);
	if (!parsed.success) throw unexpected(what, zodProblem(parsed.error, path), raw);
	return parsed.data as CustomsEntry;
}

const paginatedSchema = z
	.object({
		data: z.array(z.unknown()),
		total_count: z.number().int().nonnegative().nullish(),
		next: z.string().nullish(),
		prev: z.string().nullish(),
	})
	.passthrough();

/** Reads `/api/collections/paginated` into a page; `next`/`prev` stay absolute URLs. */
export function parseCustomsEntriesPage(data: unknown, what: string): CustomsEntriesPage {
	const parsed = paginatedSchema.safeParse(data);
	if (!parsed.success) throw unexpected(what, zodProblem(parsed.error, 'data'), data);
	const page: CustomsEntriesPage = {
		entries: parsed.data.data.map((raw, i) => parseCustomsEntry(raw, what, `data.data[${i}]`)),
	};
	if (typeof parsed.data.total_count === 'number') page.totalCount = parsed.data.total_count;
	if (parsed.data.next) page.next = parsed.data.next;
	if (parsed.data.prev) page.prev = parsed.data.prev;
	return page;
}
