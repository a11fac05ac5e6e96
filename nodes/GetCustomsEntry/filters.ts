import type { CustomsEntry } from '../../src/flexport';

/**
 * Filters Flexport's listing does not offer (providers.md: only `f.shipment.id`), applied here to
 * each entry as pages arrive. The README lists them as client-side: every page is still read.
 */
export interface ClientSideFilters {
	/** Release statuses to keep; `none` stands for an entry CBP has not decided (`release_status: null`). */
	releaseStatuses?: string[];
	/** An entry number, compared without dashes, spaces or case (`CHQ-4981387-4` = `chq49813874`). */
	entryNumber?: string;
}

/** The status a user types for "not decided yet", since `null` cannot be typed. */
export const UNDECIDED_STATUS = 'none';

export function comparableEntryNumber(value: string): string {
	return value.replace(/[^0-9a-z]/gi, '').toLowerCase();
}

export function hasClientSideFilters(filters: ClientSideFilters): boolean {
	return (filters.releaseStatuses?.length ?? 0) > 0 || (filters.entryNumber ?? '') !== '';
}

/** A predicate for the listing; statuses compare case-insensitively since Flexport's enum is open. */
export function entryMatcher(filters: ClientSideFilters): (entry: CustomsEntry) => boolean {
	const statuses = filters.releaseStatuses?.length ? new Set(filters.releaseStatuses.map((status) => status.toLowerCase())) : undefined;
	const entryNumber = filters.entryNumber ? comparableEntryNumber(filters.entryNumber) : undefined;
	return (entry) => {
		if (statuses) {
			const status = entry.release_status === null ? UNDECIDED_STATUS : entry.release_status.toLowerCase();
			if (!statuses.has(status)) return false;
		}
		if (entryNumber !== undefined && (entry.entry_number === null || comparableEntryNumber(entry.entry_number) !== entryNumber)) return false;
		return true;
	};
}
