import type { CustomsEntry } from './types';

/**
 * How a user's words select customs entries, for Get Many's filters and the trigger's release
 * statuses alike. Flexport's listing filters only by shipment (providers.md: `f.shipment.id`), so
 * these are applied to each entry read.
 */

/** What a user types for "CBP has not decided yet", since `release_status: null` cannot be typed. */
export const UNDECIDED_STATUS = 'none';

/**
 * The one release-status comparison. Statuses are open strings (providers.md: enum values can
 * grow; documented `cleared | customs_hold | pending`, examples also `released`), written by
 * Flexport in lower-case snake case and typed by users: so they compare trimmed and without case,
 * and `none` stands for `null`.
 */
export function releaseStatusMatcher(statuses: readonly string[]): (status: string | null) => boolean {
	const wanted = new Set(statuses.map(comparableStatus).filter((status) => status !== ''));
	return (status) => wanted.has(status === null ? UNDECIDED_STATUS : comparableStatus(status));
}

function comparableStatus(status: string): string {
	return status.trim().toLowerCase();
}

/** True when `none` (no decision yet) is among the statuses. */
export function namesUndecidedStatus(statuses: readonly string[]): boolean {
	return statuses.some((status) => comparableStatus(status) === UNDECIDED_STATUS);
}

/** Filters Get Many applies to each entry it reads (every page is still read). */
export interface CustomsEntryFilters {
	/** Release statuses to keep (see `releaseStatusMatcher`). */
	releaseStatuses?: string[];
	/** An entry number, compared without dashes, spaces or case (`CHQ-4981387-4` = `chq49813874`). */
	entryNumber?: string;
}

export function comparableEntryNumber(value: string): string {
	return value.replace(/[^0-9a-z]/gi, '').toLowerCase();
}

export function hasEntryFilters(filters: CustomsEntryFilters): boolean {
	return (filters.releaseStatuses?.length ?? 0) > 0 || (filters.entryNumber ?? '') !== '';
}

/** A predicate over entries; no filter given keeps everything. */
export function customsEntryMatcher(filters: CustomsEntryFilters): (entry: CustomsEntry) => boolean {
	const status = filters.releaseStatuses?.length ? releaseStatusMatcher(filters.releaseStatuses) : undefined;
	const entryNumber = filters.entryNumber ? comparableEntryNumber(filters.entryNumber) : undefined;
	return (entry) => {
		if (status && !status(entry.release_status)) return false;
		if (entryNumber !== undefined && (entry.entry_number === null || comparableEntryNumber(entry.entry_number) !== entryNumber)) return false;
		return true;
	};
}
