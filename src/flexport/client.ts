import { InputValidationError } from '../errors';
import type { FieldIssue } from '../errors';
import { baseUrlIssue, normaliseBaseUrl } from '../http/baseUrl';
import type { HttpPort, HttpRequest } from '../http/port';
import { TransportError } from '../http/port';
import { sendWithRetry } from '../http/retry';
import { withBudget } from './budget';
import { parseCustomsEntriesPage, parseCustomsEntry, unwrapFlexportResponse } from './envelope';
import { FlexportApiError } from './errors';
import type { CustomsEntriesPage, CustomsEntry, FlexportConfig, FlexportListControl, FlexportRetryConfig } from './types';

/** Flexport documents `per` between 1 and 100 (providers.md, Flexport). */
export const FLEXPORT_MAX_PER_PAGE = 100;

export interface ResolvedFlexportConfig {
	baseUrl: string;
	origin: string;
	apiVersion: string;
	perPage: number;
	concurrency: number;
	maxPages: number;
	timeoutMs: number;
	retry: FlexportRetryConfig;
}

function isPositiveInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** Fills defaults and checks the configuration once, naming every bad field. */
export function resolveFlexportConfig(config: FlexportConfig): ResolvedFlexportConfig {
	const issues: FieldIssue[] = [];
	let origin = '';
	let baseUrl = '';
	// The credentials' one rule (https, or http to loopback), also for callers outside n8n.
	const urlIssue = baseUrlIssue(config.baseUrl, 'baseUrl');
	if (urlIssue) {
		issues.push(urlIssue);
	} else {
		baseUrl = normaliseBaseUrl(config.baseUrl, 'baseUrl');
		origin = new URL(baseUrl).origin;
	}
	const perPage = config.perPage ?? FLEXPORT_MAX_PER_PAGE;
	if (!isPositiveInteger(perPage) || perPage > FLEXPORT_MAX_PER_PAGE) {
		issues.push({ path: 'perPage', message: `must be a whole number from 1 to ${FLEXPORT_MAX_PER_PAGE}` });
	}
	const concurrency = config.concurrency ?? 4;
	if (!isPositiveInteger(concurrency)) issues.push({ path: 'concurrency', message: 'must be a whole number of at least 1' });
	const maxPages = config.maxPages ?? 10_000;
	if (!isPositiveInteger(maxPages)) issues.push({ path: 'maxPages', message: 'must be a whole number of at least 1' });
	const timeoutMs = config.timeoutMs ?? 30_000;
	if (!isPositiveInteger(timeoutMs)) issues.push({ path: 'timeoutMs', message: 'must be a whole number of milliseconds' });
	const apiVersion = String(config.apiVersion ?? '2').trim();
	if (apiVersion === '') issues.push({ path: 'apiVersion', message: 'must not be empty' });
	if (issues.length > 0) throw new InputValidationError(issues, 'Invalid Flexport configuration');
	return { baseUrl, origin, apiVersion, perPage, concurrency, maxPages, timeoutMs, retry: config.retry ?? {} };
}

function transportFailure(error: TransportError, what: string, attempts: number): FlexportApiError {
	return new FlexportApiError({
		reason: 'transport',
		message: `Could not reach Flexport for ${what} (${error.kind}) after ${attempts} attempt${attempts === 1 ? '' : 's'}`,
		delivery: error.certainlyNotSent ? 'not-sent' : 'unknown',
		providerMessages: error.kind === 'other' ? [error.message] : [],
		hint: 'Check the network path to the Flexport API and the credential; the request is safe to repeat.',
	});
}

/**
 * One GET through the port: Flexport-Version header, idempotent retries (429 with Retry-After,
 * 5xx, timeouts, resets), envelope unwrapped. Returns the envelope's `data`.
 */
export async function flexportGet(
	port: HttpPort,
	config: ResolvedFlexportConfig,
	request: { url: string; query?: HttpRequest['query'] },
	what: string,
	control?: FlexportListControl,
): Promise<unknown> {
	const bounded = withBudget(port, control);
	let attempts = 0;
	let response;
	try {
		response = await sendWithRetry(
			bounded,
			{
				method: 'GET',
				url: request.url,
				query: request.query,
				headers: { Accept: 'application/json', 'Flexport-Version': config.apiVersion },
				timeoutMs: config.timeoutMs,
			},
			{ ...config.retry, policy: 'idempotent' },
			(attempt) => {
				attempts = attempt;
			},
		);
	} catch (error) {
		if (error instanceof TransportError) throw transportFailure(error, what, attempts);
		throw error;
	}
	return unwrapFlexportResponse(response, what);
}

export interface ListCustomsEntriesParams {
	page: number;
	per: number;
	/** Flexport's `f.shipment.id` filter. */
	shipmentId?: string | number;
}

function validateListParams(params: ListCustomsEntriesParams): void {
	const issues: FieldIssue[] = [];
	if (!isPositiveInteger(params.page)) issues.push({ path: 'page', message: 'must be a whole number of at least 1' });
	if (!isPositiveInteger(params.per) || params.per > FLEXPORT_MAX_PER_PAGE) {
		issues.push({ path: 'per', message: `must be a whole number from 1 to ${FLEXPORT_MAX_PER_PAGE}` });
	}
	if (params.shipmentId !== undefined && String(params.shipmentId).trim() === '') {
		issues.push({ path: 'shipmentId', message: 'must not be empty' });
	}
	if (issues.length > 0) throw new InputValidationError(issues, 'Invalid customs entries listing');
}

/** `GET {baseUrl}/customs_entries?page=&per=&f.shipment.id=`: one page of customs entries. */
export async function listCustomsEntries(
	port: HttpPort,
	config: FlexportConfig | ResolvedFlexportConfig,
	params: ListCustomsEntriesParams,
	control?: FlexportListControl,
): Promise<CustomsEntriesPage> {
	validateListParams(params);
	const resolved = 'origin' in config ? config : resolveFlexportConfig(config);
	const what = `the customs entries listing (page ${params.page})`;
	const query: HttpRequest['query'] = { page: params.page, per: params.per };
	if (params.shipmentId !== undefined) query['f.shipment.id'] = String(params.shipmentId).trim();
	const data = await flexportGet(port, resolved, { url: `${resolved.baseUrl}/customs_entries`, query }, what, control);
	return parseCustomsEntriesPage(data, what);
}

/** Follows an absolute `next` link already checked against the base URL's origin. */
export async function fetchCustomsEntriesPageAt(
	port: HttpPort,
	config: ResolvedFlexportConfig,
	url: string,
	pageNumber: number,
	control?: FlexportListControl,
): Promise<CustomsEntriesPage> {
	const what = `the customs entries listing (page ${pageNumber})`;
	const data = await flexportGet(port, config, { url }, what, control);
	return parseCustomsEntriesPage(data, what);
}

/** `GET {baseUrl}/customs_entries/{id}`: one customs entry; the id is URL-encoded. */
export async function getCustomsEntry(
	port: HttpPort,
	config: FlexportConfig | ResolvedFlexportConfig,
	id: string,
	control?: FlexportListControl,
): Promise<CustomsEntry> {
	if (typeof id !== 'string' || id.trim() === '') {
		throw new InputValidationError([{ path: 'customsEntryId', message: 'must not be empty' }], 'Invalid customs entry request');
	}
	let encoded: string;
	try {
		encoded = encodeURIComponent(id.trim());
	} catch {
		// A lone UTF-16 surrogate cannot be put in a URL.
		throw new InputValidationError([{ path: 'customsEntryId', message: 'is not valid text' }], 'Invalid customs entry request');
	}
	const resolved = 'origin' in config ? config : resolveFlexportConfig(config);
	const what = `customs entry ${id.trim()}`;
	const data = await flexportGet(
		port,
		resolved,
		{ url: `${resolved.baseUrl}/customs_entries/${encoded}` },
		what,
		control,
	);
	return parseCustomsEntry(data, what);
}
