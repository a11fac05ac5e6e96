/**
 * A compact, reversible text form of what the trigger watches on a customs entry: its release
 * status and release date. Kept per entry in n8n's workflow static data, so every byte counts
 * (about 35 bytes per entry in JSON with Flexport's 22-character ids).
 *
 * Form: `<status>|<release date>` plus `|<absent since>` while the entry is missing from the
 * listing. Neither part ever contains `|` (free text is URI-encoded).
 */

/** Documented statuses (cleared, customs_hold, pending) and `released` from the examples. */
const STATUS_CODE: Record<string, string> = { released: 'r', cleared: 'c', customs_hold: 'h', pending: 'p' };
const CODE_STATUS: Record<string, string> = Object.fromEntries(Object.entries(STATUS_CODE).map(([s, c]) => [c, s]));

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Only instants with an explicit zone: a zoneless time would be read in the server's local zone.
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function raw(value: string): string {
	return `=${encodeURIComponent(value)}`;
}

/** `null` (not yet decided) is the empty string; unknown statuses are kept verbatim. */
export function encodeReleaseStatus(status: string | null): string {
	if (status === null) return '';
	return STATUS_CODE[status] ?? raw(status);
}

export function decodeReleaseStatus(code: string): string | null {
	if (code === '') return null;
	if (code.startsWith('=')) return decodeURIComponent(code.slice(1));
	return CODE_STATUS[code] ?? code;
}

/**
 * Dates compare by the day or instant they denote, so a change of format alone is no release
 * date change; decoding gives `YYYY-MM-DD` or an ISO 8601 UTC instant.
 */
export function encodeReleaseDate(date: string | null): string {
	if (date === null) return '';
	const dateOnly = DATE_ONLY.exec(date);
	if (dateOnly) {
		const ms = Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
		if (new Date(ms).toISOString().slice(0, 10) === date) return `d${(ms / DAY_MS).toString(36)}`;
		return raw(date);
	}
	if (ZONED_DATE_TIME.test(date)) {
		const ms = Date.parse(date);
		if (!Number.isNaN(ms)) return ms % 1000 === 0 ? `s${(ms / 1000).toString(36)}` : `m${ms.toString(36)}`;
	}
	return raw(date);
}

export function decodeReleaseDate(code: string): string | null {
	if (code === '') return null;
	const kind = code[0];
	const body = code.slice(1);
	if (kind === 'd') return new Date(parseInt(body, 36) * DAY_MS).toISOString().slice(0, 10);
	if (kind === 's') return new Date(parseInt(body, 36) * 1000).toISOString();
	if (kind === 'm') return new Date(parseInt(body, 36)).toISOString();
	return decodeURIComponent(body);
}

/** The watched part of an entry: equal fingerprints mean no status or release date change. */
export function fingerprintOf(entry: { release_status: string | null; release_date: string | null }): string {
	return `${encodeReleaseStatus(entry.release_status)}|${encodeReleaseDate(entry.release_date)}`;
}

export interface DecodedFingerprint {
	/** `status|date` without the absence mark. */
	watched: string;
	releaseStatus: string | null;
	releaseDate: string | null;
	/** Since when (ms, minute precision) the entry has been missing from the listing. */
	absentSince?: number;
}

export function splitFingerprint(fingerprint: string): { watched: string; absentSince?: number } {
	const first = fingerprint.indexOf('|');
	const second = first < 0 ? -1 : fingerprint.indexOf('|', first + 1);
	if (second < 0) return { watched: fingerprint };
	const minutes = parseInt(fingerprint.slice(second + 1), 36);
	return {
		watched: fingerprint.slice(0, second),
		absentSince: Number.isNaN(minutes) ? undefined : minutes * MINUTE_MS,
	};
}

export function decodeFingerprint(fingerprint: string): DecodedFingerprint {
	const { watched, absentSince } = splitFingerprint(fingerprint);
	const bar = watched.indexOf('|');
	const status = bar < 0 ? watched : watched.slice(0, bar);
	const date = bar < 0 ? '' : watched.slice(bar + 1);
	return { watched, releaseStatus: decodeReleaseStatus(status), releaseDate: decodeReleaseDate(date), absentSince };
}

/** Marks a watched fingerprint as missing from the listing since `nowMs` (minute precision). */
export function markAbsent(watched: string, nowMs: number): string {
	return `${watched}|${Math.floor(nowMs / MINUTE_MS).toString(36)}`;
}
