import type { HttpPort } from '../http/port';
import { InputValidationError } from '../errors';
import type { ResolvedFlexportConfig } from './client';
import { fetchCustomsEntriesPageAt, listCustomsEntries, resolveFlexportConfig } from './client';
import { FlexportApiError } from './errors';
import type { CustomsEntriesPage, CustomsEntry, FlexportConfig, FlexportListControl } from './types';

export interface ListAllCustomsEntriesOptions extends FlexportListControl {
	/** Flexport's `f.shipment.id` filter. */
	shipmentId?: string | number;
	/** Stop once this many entries are in hand (fewer pages fetched). */
	limit?: number;
}

/** One page as the paginator hands it out, numbered from 1 in Flexport's order. */
export interface CustomsEntriesPageResult {
	pageNumber: number;
	entries: CustomsEntry[];
	totalCount?: number;
}

type Settled = { ok: true; page: CustomsEntriesPage } | { ok: false; error: unknown };

async function settle(promise: Promise<CustomsEntriesPage>): Promise<Settled> {
	try {
		return { ok: true, page: await promise };
	} catch (error) {
		return { ok: false, error };
	}
}

function normaliseUrl(url: URL): string {
	const copy = new URL(url.href);
	copy.searchParams.sort();
	copy.hash = '';
	return copy.href;
}

function tooManyPages(pages: number, maxPages: number): FlexportApiError {
	return new FlexportApiError({
		reason: 'too-many-pages',
		message: `The Flexport customs entries listing runs past ${maxPages} pages (${pages} or more); stopped as a runaway`,
		delivery: 'sent',
		hint: 'Raise maxPages if the account really holds that many entries, or narrow the listing with a shipment filter.',
	});
}

/**
 * Checks a `next` link before the port (which adds the bearer token) may follow it: only the
 * configured base URL's origin (scheme, host and port) is allowed.
 */
export function checkNextLink(next: string, config: ResolvedFlexportConfig): URL {
	let url: URL;
	try {
		url = new URL(next);
	} catch {
		throw new FlexportApiError({
			reason: 'unsafe-next-link',
			message: 'Flexport returned a `next` page link that is not an absolute URL; not followed',
			delivery: 'not-sent',
		});
	}
	if (url.origin !== config.origin) {
		throw new FlexportApiError({
			reason: 'unsafe-next-link',
			message: `Flexport returned a \`next\` page link to ${url.origin}, not to the configured ${config.origin}; not followed so the credential never leaves the Flexport API`,
			delivery: 'not-sent',
			hint: 'Check that the base URL matches the Flexport environment (production or sandbox) the credential belongs to.',
		});
	}
	return url;
}

function pagesFromTotal(first: CustomsEntriesPage, per: number, limit: number | undefined): number {
	const total = first.totalCount ?? 0;
	const got = first.entries.length;
	if (got === 0 || total <= got) return 1;
	// Flexport may serve fewer than `per` per page; the page numbers then follow its own size.
	const effectivePer = got < per ? got : per;
	let pages = Math.ceil(total / effectivePer);
	if (limit !== undefined) pages = Math.min(pages, Math.ceil(limit / effectivePer));
	return Math.max(pages, 1);
}

/**
 * Every page of `GET /customs_entries`, in page order. When page 1 carries `total_count` the
 * remaining pages are fetched by number, at most `concurrency` at once; otherwise `next` links
 * are followed one by one (same origin only, never the same link twice, at most `maxPages`).
 * Requests still in flight are awaited before the generator ends, even when it fails.
 */
export async function* iterateCustomsEntryPages(
	port: HttpPort,
	config: FlexportConfig | ResolvedFlexportConfig,
	options: ListAllCustomsEntriesOptions = {},
): AsyncGenerator<CustomsEntriesPageResult, void, void> {
	const cfg = 'origin' in config ? config : resolveFlexportConfig(config);
	const { shipmentId, limit } = options;
	if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
		throw new InputValidationError([{ path: 'limit', message: 'must be a whole number of at least 1' }], 'Invalid customs entries listing');
	}
	const control: FlexportListControl = { deadline: options.deadline, signal: options.signal };
	const per = cfg.perPage;
	const first = await listCustomsEntries(port, cfg, { page: 1, per, shipmentId }, control);
	yield { pageNumber: 1, entries: first.entries, totalCount: first.totalCount };
	let delivered = first.entries.length;
	if (limit !== undefined && delivered >= limit) return;

	if (first.totalCount !== undefined) {
		const totalPages = pagesFromTotal(first, per, limit);
		if (totalPages > cfg.maxPages) throw tooManyPages(totalPages, cfg.maxPages);
		const pending = new Map<number, Promise<Settled>>();
		let launched = 1;
		try {
			for (let page = 2; page <= totalPages; page++) {
				// A sliding window: never more than `concurrency` pages requested but not yet handed out.
				while (launched < totalPages && launched < page + cfg.concurrency - 1) {
					launched++;
					pending.set(launched, settle(listCustomsEntries(port, cfg, { page: launched, per, shipmentId }, control)));
				}
				const result = await pending.get(page)!;
				pending.delete(page);
				if ('error' in result) throw result.error;
				yield { pageNumber: page, entries: result.page.entries, totalCount: result.page.totalCount };
			}
		} finally {
			await Promise.all(pending.values());
		}
		return;
	}

	const firstQuery = new URL(`${cfg.baseUrl}/customs_entries`);
	firstQuery.searchParams.set('page', '1');
	firstQuery.searchParams.set('per', String(per));
	if (shipmentId !== undefined) firstQuery.searchParams.set('f.shipment.id', String(shipmentId));
	const visited = new Set<string>([normaliseUrl(firstQuery)]);
	let next = first.next;
	let pageNumber = 1;
	while (next !== undefined) {
		const url = checkNextLink(next, cfg);
		const key = normaliseUrl(url);
		if (visited.has(key)) {
			throw new FlexportApiError({
				reason: 'pagination-loop',
				message: `Flexport's \`next\` link after page ${pageNumber} points back at a page already read; stopped instead of looping`,
				delivery: 'not-sent',
			});
		}
		if (pageNumber >= cfg.maxPages) throw tooManyPages(pageNumber + 1, cfg.maxPages);
		visited.add(key);
		pageNumber++;
		const page = await fetchCustomsEntriesPageAt(port, cfg, url.href, pageNumber, control);
		yield { pageNumber, entries: page.entries, totalCount: page.totalCount };
		delivered += page.entries.length;
		if (limit !== undefined && delivered >= limit) return;
		next = page.next;
	}
}
