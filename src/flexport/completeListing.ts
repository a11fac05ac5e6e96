import type { HttpPort } from '../http/port';
import type { ResolvedFlexportConfig } from './client';
import { resolveFlexportConfig } from './client';
import { FlexportApiError } from './errors';
import type { CustomsEntriesPageResult, ListAllCustomsEntriesOptions } from './paginate';
import { iterateCustomsEntryPages } from './paginate';
import type { CustomsEntry, FlexportConfig } from './types';

/**
 * A complete customs entries listing although Flexport's can change while it is read.
 *
 * Flexport pages by offset (`page`, `per`) over a listing with no sort and no snapshot
 * (providers.md), so an entry inserted, removed or moved ahead of a page not yet read shifts that
 * page: an entry is read twice or not at all. One read of the listing (a pass) cannot tell a
 * shifted page from a steady one, so a listing is returned only when
 * - it fits on one page (one answer is one moment of the listing), or
 * - two passes in a row read the same ids on every page, each pass with the same `total_count`
 *   on every page and no id twice.
 * When a pass differs from the one before, the listing is read again, up to `maxPasses` passes;
 * then the listing fails as unsettled. Of two equal passes at least one ran while the listing
 * was still unless it changed during both and came back to the same pages, so every entry
 * present for the whole scan is in it, exactly once.
 */

/** Passes over a changing listing before giving up: any one burst of changes is outlasted. */
export const MAX_LISTING_PASSES = 4;

export interface CompleteListingOptions extends ListAllCustomsEntriesOptions {
	/** Keep only the entries it accepts; `limit` then counts kept entries. */
	filter?: (entry: CustomsEntry) => boolean;
	/** Passes before the listing fails as unsettled; default 4, at least 2. */
	maxPasses?: number;
	/** Called for every page read, in every pass (progress figures). */
	onPage?: (page: CustomsEntriesPageResult) => void;
}

interface Pass {
	/** Page by page: `total_count` and the ids in Flexport's order. */
	shape: string[];
	/** Every page reported page 1's `total_count` and no id came twice. */
	settled: boolean;
	/** The listing fitted on page 1: one answer, one moment. */
	onePage: boolean;
	/** Kept entries, each id once, in listing order. */
	kept: CustomsEntry[];
	/** The pass stopped because `limit` entries were kept. */
	full: boolean;
}

async function readPass(
	port: HttpPort,
	config: ResolvedFlexportConfig,
	options: CompleteListingOptions,
	keep: (entry: CustomsEntry) => boolean,
): Promise<Pass> {
	const { limit } = options;
	const pass: Pass = { shape: [], settled: true, onePage: false, kept: [], full: false };
	const seen = new Set<string>();
	let firstTotal: number | undefined;
	// Without a filter the paginator itself reads only the pages `limit` needs.
	const pageLimit = options.filter === undefined ? limit : undefined;
	const pages = iterateCustomsEntryPages(port, config, { shipmentId: options.shipmentId, limit: pageLimit, deadline: options.deadline, signal: options.signal });
	for await (const page of pages) {
		options.onPage?.(page);
		if (page.pageNumber === 1) {
			firstTotal = page.totalCount;
			pass.onePage = page.totalCount === undefined ? true : page.totalCount <= page.entries.length;
		} else {
			pass.onePage = false;
			// A page without a count tells nothing (Flexport's collection carries one on every page).
			if (page.totalCount !== undefined && page.totalCount !== firstTotal) pass.settled = false;
		}
		pass.shape.push(`${page.totalCount ?? ''}:${page.entries.map((entry) => entry.id).join('\n')}`);
		for (const entry of page.entries) {
			if (seen.has(entry.id)) {
				pass.settled = false;
				continue;
			}
			seen.add(entry.id);
			if (!keep(entry)) continue;
			pass.kept.push(entry);
			if (limit !== undefined && pass.kept.length >= limit) {
				pass.full = true;
				return pass;
			}
		}
	}
	return pass;
}

function samePages(a: Pass, b: Pass): boolean {
	return a.shape.length === b.shape.length && a.shape.every((page, index) => page === b.shape[index]);
}

function unsettled(passes: number): FlexportApiError {
	return new FlexportApiError({
		reason: 'listing-unsettled',
		message: `The Flexport customs entries listing kept changing while it was read: ${passes} reads of it never gave the same pages twice in a row, so no list is returned rather than one that may be missing entries`,
		delivery: 'sent',
		hint: 'Flexport pages its listing by position and entries were added, removed or reordered during the reads. Run it again, or narrow it with a shipment filter so that it fits on fewer pages.',
	});
}

/**
 * All customs entries (or the first `limit` kept), in Flexport's order, each id once. Unless
 * `limit` entries were kept first, the list is complete as described above, or the call fails
 * with reason `listing-unsettled`.
 */
export async function listAllCustomsEntries(
	port: HttpPort,
	config: FlexportConfig | ResolvedFlexportConfig,
	options: CompleteListingOptions = {},
): Promise<CustomsEntry[]> {
	const cfg = 'origin' in config ? config : resolveFlexportConfig(config);
	const maxPasses = Math.max(2, options.maxPasses ?? MAX_LISTING_PASSES);
	const keep = options.filter ?? (() => true);
	let previous: Pass | undefined;
	for (let passes = 1; passes <= maxPasses; passes++) {
		const pass = await readPass(port, cfg, options, keep);
		// `limit` entries in hand (what was asked for, each once), or one page: one answer, one moment.
		if (pass.full || pass.onePage) return pass.kept;
		if (previous !== undefined && previous.settled && pass.settled && samePages(previous, pass)) return pass.kept;
		// Only its page shapes are compared from now on: its entries may go (memory).
		previous = { ...pass, kept: [] };
	}
	throw unsettled(maxPasses);
}
