import type { HttpPort } from '../http/port';
import type { ResolvedFlexportConfig } from './client';
import { resolveFlexportConfig } from './client';
import { FlexportApiError } from './errors';
import { listAllCustomsEntries } from './completeListing';
import { iterateCustomsEntryPages } from './paginate';
import type { AdvanceOptions, AdvanceResult, CustomsEntryEvent, CustomsEntryEventName } from './triggerState';
import { CUSTOMS_ENTRY_EVENTS, advance, readTriggerState, shipmentScope } from './triggerState';
import type { CustomsEntry, FlexportConfig } from './types';

/** Up to this many shipments are listed one by one with `f.shipment.id`; more read the whole listing. */
export const MAX_FILTERED_LISTINGS = 20;

export const DEFAULT_POLL_BUDGET_MS = 120_000;

export interface PollCustomsEntriesOptions extends Omit<AdvanceOptions, 'now'> {
	/** The whole scan must finish within this many ms of the port's clock; default 120,000. */
	budgetMs?: number;
	signal?: { readonly aborted: boolean };
}

export interface PollCustomsEntriesResult extends AdvanceResult {
	/** Entries read in this poll (after de-duplication). */
	scanned: number;
	/** Listing pages read. */
	pages: number;
}

interface Scan {
	entries: CustomsEntry[];
	pages: number;
}

async function scan(
	port: HttpPort,
	config: ResolvedFlexportConfig,
	shipmentIds: string[],
	control: { deadline: number; signal?: { readonly aborted: boolean } },
	limit: number | undefined,
	progress: { pages: number },
	complete: boolean,
): Promise<Scan> {
	const seen = new Set<string>();
	const entries: CustomsEntry[] = [];
	const perShipment = shipmentIds.length > 0 && shipmentIds.length <= MAX_FILTERED_LISTINGS;
	// With many shipments the whole listing is read and filtered here instead.
	const filter = shipmentIds.length > 0 && !perShipment ? new Set(shipmentIds) : undefined;
	const inScope = (entry: CustomsEntry): boolean => filter === undefined || filter.has(String(entry.shipment?.id ?? ''));
	const listings: Array<string | undefined> = perShipment ? shipmentIds : [undefined];
	const keep = (entry: CustomsEntry): void => {
		if (seen.has(entry.id) || !inScope(entry)) return;
		seen.add(entry.id);
		entries.push(entry);
	};
	const enough = (): boolean => limit !== undefined && entries.length >= limit;
	listing: for (const shipmentId of listings) {
		if (complete) {
			// Read until two passes agree (completeListing.ts): no entry lost to a shifting page.
			const listed = await listAllCustomsEntries(port, config, { ...control, shipmentId, filter: inScope, onPage: () => progress.pages++ });
			for (const entry of listed) keep(entry);
			continue;
		}
		const pages = iterateCustomsEntryPages(port, config, { ...control, shipmentId, limit: filter ? undefined : limit });
		for await (const page of pages) {
			progress.pages++;
			for (const entry of page.entries) {
				keep(entry);
				if (enough()) break listing;
			}
		}
	}
	return { entries, pages: progress.pages };
}

function budgetExhausted(budgetMs: number, pages: number): FlexportApiError {
	return new FlexportApiError({
		reason: 'deadline',
		message: `The poll budget of ${budgetMs} ms ran out after ${pages} page${pages === 1 ? '' : 's'} of the Flexport customs entries listing; nothing was emitted and the trigger state was kept, so the next poll sees every change`,
		delivery: 'not-sent',
		hint: 'Raise the poll budget, or narrow the trigger with a shipment filter.',
	});
}

/**
 * One poll of the Customs Entry Trigger: read the listing (complete, see `scan`), then `advance`. The new
 * state comes back only after every page was read; any failure (a page that still fails after
 * retries, the budget running out) throws, emits nothing and leaves the caller's state as it
 * was, so the next poll sees every change and none twice.
 */
export async function pollCustomsEntries(
	port: HttpPort,
	config: FlexportConfig | ResolvedFlexportConfig,
	state: unknown,
	options: PollCustomsEntriesOptions = {},
): Promise<PollCustomsEntriesResult> {
	const resolved = 'origin' in config ? config : resolveFlexportConfig(config);
	const startedAt = port.now();
	const budgetMs = options.budgetMs ?? DEFAULT_POLL_BUDGET_MS;
	const progress = { pages: 0 };
	const scope = shipmentScope(options.shipmentIds);
	// A poll that records entries silently (the first one, or one under a new shipment filter)
	// must see every entry: one it missed would later be announced as new. Later polls need not:
	// an entry missing from one listing is no event (triggerState.ts), just seen on the next poll.
	const stored = readTriggerState(state);
	const baseline = stored === undefined || stored.scope !== scope;
	let fetched: Scan;
	try {
		fetched = await scan(
			port,
			resolved,
			scope === '' ? [] : scope.split(','),
			{ deadline: startedAt + budgetMs, signal: options.signal },
			undefined,
			progress,
			baseline,
		);
	} catch (error) {
		if (error instanceof FlexportApiError && error.reason === 'deadline') throw budgetExhausted(budgetMs, progress.pages);
		throw error;
	}
	const result = advance(state, fetched.entries, { ...options, now: startedAt });
	return { ...result, scanned: fetched.entries.length, pages: fetched.pages };
}

export interface SampleCustomsEntriesOptions {
	/** How many entries to show; default 5. */
	limit?: number;
	shipmentIds?: ReadonlyArray<string | number>;
	events?: readonly CustomsEntryEventName[];
	budgetMs?: number;
}

/**
 * For a manual test run of the trigger: the first entries of the listing shaped like real
 * events, so the user can map fields. Reads only as many pages as needed; no state is involved.
 */
export async function sampleCustomsEntryEvents(
	port: HttpPort,
	config: FlexportConfig | ResolvedFlexportConfig,
	options: SampleCustomsEntriesOptions = {},
): Promise<CustomsEntryEvent[]> {
	const resolved = 'origin' in config ? config : resolveFlexportConfig(config);
	const limit = options.limit ?? 5;
	const scope = shipmentScope(options.shipmentIds);
	const shipmentIds = scope === '' ? [] : scope.split(',');
	const startedAt = port.now();
	const small: ResolvedFlexportConfig = { ...resolved, perPage: Math.max(1, Math.min(resolved.perPage, limit)) };
	const { entries } = await scan(
		port,
		small,
		shipmentIds,
		{ deadline: startedAt + (options.budgetMs ?? DEFAULT_POLL_BUDGET_MS) },
		limit,
		{ pages: 0 },
		false,
	);
	const enabled = CUSTOMS_ENTRY_EVENTS.filter((name) => (options.events ?? CUSTOMS_ENTRY_EVENTS).includes(name));
	const event = enabled[0] ?? 'statusChanged';
	const detectedAt = new Date(startedAt).toISOString();
	return entries.map((entry) => ({ event, events: [event], entry, previousReleaseStatus: null, previousReleaseDate: null, detectedAt }));
}
