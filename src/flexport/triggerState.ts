import { decodeFingerprint, fingerprintOf, markAbsent, splitFingerprint } from './fingerprint';
import { releaseStatusMatcher } from './filters';
import type { CustomsEntry } from './types';

/**
 * What the Customs Entry Trigger remembers between polls, and the pure step that turns one
 * complete listing into events. Flexport's listing has no sort, no status filter and no
 * updated-since (providers.md, Flexport), so every poll reads everything and compares it with a
 * compact fingerprint per entry.
 *
 * Decisions, in short:
 * - First activation (no or unreadable state) records a baseline and emits nothing, unless
 *   `emitExistingOnBaseline` asks for entries already in a release status.
 * - An entry missing from a listing is no event: it is marked absent and compared as usual if it
 *   comes back. After `retentionMs` of continuous absence it is forgotten; should it come back
 *   later still, it counts as a new entry (a caveat of pruning).
 * - An entry in a final state (a release status) whose release date is older than `retentionMs`
 *   is history: it is not kept, and when the listing shows it again it is recognised by that old
 *   release date and stays silent. So the state holds open entries and recent releases only, and
 *   its size stays bounded however long the account's history grows. A released entry without a
 *   release date is kept (its age cannot be told). Should a forgotten release later change (a
 *   hold after release), it is reported as a new entry, since its earlier status is forgotten.
 * - Changing the shipment filter re-baselines only the entries not tracked yet.
 * - An entry first seen after the baseline whose release date is surely before the baseline
 *   existed when the baseline was taken (a listing that shifted while read can miss one): it is
 *   recorded as the baseline would have recorded it, not announced as new or released.
 * - Release statuses compare as `releaseStatusMatcher` says (trimmed, any case).
 */

export type CustomsEntryEventName = 'released' | 'statusChanged' | 'newEntry';

export const CUSTOMS_ENTRY_EVENTS: readonly CustomsEntryEventName[] = ['released', 'statusChanged', 'newEntry'];

/** Release statuses that count as "Entry Released" unless configured otherwise. */
export const DEFAULT_RELEASE_STATUSES: readonly string[] = ['released', 'cleared'];

export const DEFAULT_RETENTION_MS = 30 * 86_400_000;

export const TRIGGER_STATE_VERSION = 1;

/** JSON-serialisable; the node keeps it in workflow static data and rewrites it only on change. */
export interface CustomsEntryTriggerState {
	version: typeof TRIGGER_STATE_VERSION;
	/** The shipment filter the entries were recorded under ('' = all shipments). */
	scope: string;
	/** When the baseline was taken (ISO 8601). */
	baselineAt: string;
	/** Entry id -> fingerprint (see fingerprint.ts). */
	entries: Record<string, string>;
}

export interface CustomsEntryEvent {
	/** The event this item reports; when several apply the first of released, statusChanged, newEntry. */
	event: CustomsEntryEventName;
	/** Every watched event that applies to this change. */
	events: CustomsEntryEventName[];
	entry: CustomsEntry;
	/** Before the change; null for a new entry (or when it was null). */
	previousReleaseStatus: string | null;
	/** Before the change, as `YYYY-MM-DD` or an ISO 8601 UTC instant; null for a new entry. */
	previousReleaseDate: string | null;
	/** When the poll that saw the change ran (ISO 8601). */
	detectedAt: string;
}

export interface AdvanceOptions {
	/** The poll's time in ms since the epoch (from `port.now()`). */
	now: number;
	/** Events to emit; default all three. */
	events?: readonly CustomsEntryEventName[];
	/** Statuses that count as released; default `released` and `cleared`. */
	releaseStatuses?: readonly string[];
	/** Only entries of these shipments are watched; default all. */
	shipmentIds?: ReadonlyArray<string | number>;
	/** On the first poll, emit `released` for entries already in a release status. */
	emitExistingOnBaseline?: boolean;
	/**
	 * How long an entry may be missing from the listing, or released (by its release date),
	 * before it is forgotten; default 30 days.
	 */
	retentionMs?: number;
}

export interface AdvanceResult {
	/** The state to keep; the very same object as given when nothing changed. */
	state: CustomsEntryTriggerState;
	emitted: CustomsEntryEvent[];
	/** False when the node need not write the state back. */
	changed: boolean;
	/** True when this poll took the baseline. */
	baseline: boolean;
}

const EVENT_PRIORITY: readonly CustomsEntryEventName[] = ['released', 'statusChanged', 'newEntry'];

const HOUR_MS = 3_600_000;

/** Flexport's clock against the poll's: a release is "before the baseline" only by more than this. */
const CLOCK_MARGIN_MS = HOUR_MS;

/** A date without a time is a day somewhere between UTC+14 and UTC-12: it ends by 36 h after its UTC start. */
const DATE_ONLY_SPAN_MS = 36 * HOUR_MS;

/** True only when the release date certainly lies before `instantMs`, whatever its zone and clock. */
function releasedSurelyBefore(releaseDate: string | null, instantMs: number): boolean {
	if (releaseDate === null) return false;
	const time = Date.parse(releaseDate);
	if (Number.isNaN(time)) return false;
	const latest = /^\d{4}-\d{2}-\d{2}$/.test(releaseDate) ? time + DATE_ONLY_SPAN_MS : time;
	return latest + CLOCK_MARGIN_MS < instantMs;
}

/** A release older than the cutoff is history: neither kept nor announced. */
function releasedBefore(releaseDate: string | null, cutoffMs: number): boolean {
	if (releaseDate === null) return false;
	const time = Date.parse(releaseDate);
	return !Number.isNaN(time) && time < cutoffMs;
}

/** The canonical form of a shipment filter, stored to notice when the filter changes. */
export function shipmentScope(shipmentIds: ReadonlyArray<string | number> | undefined): string {
	if (shipmentIds === undefined || shipmentIds.length === 0) return '';
	return [...new Set(shipmentIds.map((id) => String(id).trim()).filter((id) => id !== ''))].sort().join(',');
}

/** Reads stored state; anything unreadable or of another version means "no state" (re-baseline). */
export function readTriggerState(stored: unknown): CustomsEntryTriggerState | undefined {
	if (typeof stored !== 'object' || stored === null) return undefined;
	const candidate = stored as Partial<CustomsEntryTriggerState>;
	if (candidate.version !== TRIGGER_STATE_VERSION) return undefined;
	if (typeof candidate.scope !== 'string' || typeof candidate.baselineAt !== 'string') return undefined;
	if (typeof candidate.entries !== 'object' || candidate.entries === null || Array.isArray(candidate.entries)) return undefined;
	return candidate as CustomsEntryTriggerState;
}

function eventFor(
	matched: CustomsEntryEventName[],
	enabled: ReadonlySet<CustomsEntryEventName>,
): { event: CustomsEntryEventName; events: CustomsEntryEventName[] } | undefined {
	const events = EVENT_PRIORITY.filter((name) => matched.includes(name) && enabled.has(name));
	return events.length === 0 ? undefined : { event: events[0], events };
}

/**
 * One poll's step: compares a complete listing with the state and returns the new state and the
 * events to emit. Pure: the input state is not modified, time comes from `options.now`.
 */
export function advance(
	storedState: CustomsEntryTriggerState | undefined | unknown,
	fetched: readonly CustomsEntry[],
	options: AdvanceOptions,
): AdvanceResult {
	const previous = readTriggerState(storedState);
	const enabled = new Set(options.events ?? CUSTOMS_ENTRY_EVENTS);
	const isReleaseStatus = releaseStatusMatcher(options.releaseStatuses ?? DEFAULT_RELEASE_STATUSES);
	const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
	const scope = shipmentScope(options.shipmentIds);
	const shipmentFilter = scope === '' ? undefined : new Set(scope.split(','));
	const detectedAt = new Date(options.now).toISOString();
	const isBaseline = previous === undefined;
	// Entries first met under a new filter are recorded silently, as on the first activation.
	const silentForNew = isBaseline || previous.scope !== scope;
	const baselineMs = isBaseline ? options.now : Date.parse(previous.baselineAt);
	const before = previous?.entries ?? {};
	const after: Record<string, string> = {};
	const emitted: CustomsEntryEvent[] = [];
	let changed = silentForNew;

	const emit = (
		entry: CustomsEntry,
		matched: CustomsEntryEventName[],
		previousReleaseStatus: string | null,
		previousReleaseDate: string | null,
	): void => {
		const chosen = eventFor(matched, enabled);
		if (chosen) emitted.push({ ...chosen, entry, previousReleaseStatus, previousReleaseDate, detectedAt });
	};

	const cutoff = options.now - retentionMs;
	const seen = new Set<string>();
	for (const entry of fetched) {
		if (shipmentFilter && !shipmentFilter.has(String(entry.shipment?.id ?? ''))) continue;
		if (seen.has(entry.id)) continue;
		seen.add(entry.id);
		const current = fingerprintOf(entry);
		const isReleased = entry.release_status !== null && isReleaseStatus(entry.release_status);
		const history = isReleased && releasedBefore(entry.release_date, cutoff);
		if (!history) after[entry.id] = current;
		const stored = Object.prototype.hasOwnProperty.call(before, entry.id) ? before[entry.id] : undefined;
		if (typeof stored !== 'string') {
			if (history) {
				// An old release, forgotten or never tracked: known history, nothing to remember.
				if (silentForNew && options.emitExistingOnBaseline) emit(entry, ['released'], null, null);
				continue;
			}
			changed = true;
			// Released before the baseline, so there at the baseline: missed by it, not new.
			const missedByBaseline = !silentForNew && isReleased && releasedSurelyBefore(entry.release_date, baselineMs);
			if (!silentForNew && !missedByBaseline) emit(entry, isReleased ? ['newEntry', 'released'] : ['newEntry'], null, null);
			else if (options.emitExistingOnBaseline && isReleased) emit(entry, ['released'], null, null);
			continue;
		}
		const old = decodeFingerprint(stored);
		if (history || stored !== current) changed = true;
		if (old.watched === current) continue;
		const wasReleased = old.releaseStatus !== null && isReleaseStatus(old.releaseStatus);
		emit(entry, isReleased && !wasReleased ? ['statusChanged', 'released'] : ['statusChanged'], old.releaseStatus, old.releaseDate);
	}

	for (const id of Object.keys(before)) {
		if (seen.has(id)) continue;
		const stored = before[id];
		if (typeof stored !== 'string') {
			changed = true;
			continue;
		}
		const { watched, absentSince } = splitFingerprint(stored);
		if (absentSince === undefined) {
			after[id] = markAbsent(watched, options.now);
			changed = true;
		} else if (options.now - absentSince >= retentionMs) {
			changed = true;
		} else {
			after[id] = stored;
		}
	}

	if (!changed && previous !== undefined) return { state: previous, emitted, changed: false, baseline: false };
	const state: CustomsEntryTriggerState = {
		version: TRIGGER_STATE_VERSION,
		scope,
		baselineAt: isBaseline ? detectedAt : previous.baselineAt,
		entries: after,
	};
	return { state, emitted, changed: true, baseline: isBaseline };
}
