/**
 * Reading a provider's JSON (untyped, user-supplied) while remembering where each value came
 * from, so that every problem is reported at the path the user must fix in their own input
 * (e.g. `Delivery.Items[0].HarmonizedCode`), never at a path of our internal model.
 */
import type { FieldIssue } from '../errors';
import { isJsonRecord, type JsonRecord } from '../json';

/** `joinPath('Delivery', 'Items')` = `Delivery.Items`; `joinPath('Delivery.Items', 0)` = `Delivery.Items[0]`. */
export function joinPath(base: string, key: string | number): string {
	if (typeof key === 'number') return `${base}[${key}]`;
	return base === '' ? key : `${base}.${key}`;
}

/** A plain decimal number written as text, e.g. `"251.00"`: spreadsheets and CSV imports produce these. */
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Reads typed values out of untyped JSON; a present value of the wrong type becomes an issue. */
export class SourceReader {
	readonly issues: FieldIssue[] = [];

	issue(path: string, message: string): void {
		this.issues.push({ path, message });
	}

	/** Trimmed text; absent, null and blank are `undefined`; numbers are accepted as their text. */
	text(obj: JsonRecord | undefined, key: string, path: string): string | undefined {
		const value = obj?.[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		if (typeof value !== 'string') {
			this.issue(path, 'must be text');
			return undefined;
		}
		const trimmed = value.trim();
		return trimmed === '' ? undefined : trimmed;
	}

	/** A finite number, or plain decimal text such as `"18.31"`; anything else present is an issue. */
	number(obj: JsonRecord | undefined, key: string, path: string): number | undefined {
		const value = obj?.[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'number' && Number.isFinite(value)) return value;
		if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return Number(value.trim());
		if (typeof value === 'string' && value.trim() === '') return undefined;
		this.issue(path, 'must be a number');
		return undefined;
	}

	record(obj: JsonRecord | undefined, key: string, path: string): JsonRecord | undefined {
		const value = obj?.[key];
		if (value === undefined || value === null) return undefined;
		if (!isJsonRecord(value)) {
			this.issue(path, 'must be an object');
			return undefined;
		}
		return value;
	}

	array(obj: JsonRecord | undefined, key: string, path: string): unknown[] | undefined {
		const value = obj?.[key];
		if (value === undefined || value === null) return undefined;
		if (!Array.isArray(value)) {
			this.issue(path, 'must be a list');
			return undefined;
		}
		return value;
	}

	/** `true`/`false`, or the text `"true"`/`"false"` (Shipium writes `testMode: "true"`). */
	boolean(obj: JsonRecord | undefined, key: string, path: string): boolean | undefined {
		const value = obj?.[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'boolean') return value;
		if (value === 'true') return true;
		if (value === 'false') return false;
		this.issue(path, 'must be true or false');
		return undefined;
	}
}

/** ISO 3166-1 alpha-2 and ISO 4217 codes are upper case; users and Shipium (`"usd"`) write them in any case. */
export function upperCode(value: string | undefined): string | undefined {
	return value === undefined ? undefined : value.toUpperCase();
}

/**
 * The calendar day of an ISO-8601 date or date-time as written (`2022-06-15T17:00:00Z` gives
 * `2022-06-15`): the shipper's stated day, not a time-zone conversion. Other text is kept as is
 * so that validation reports it.
 */
export function isoDay(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value);
	return match ? match[1] : value;
}
