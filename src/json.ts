/** Reading untyped JSON (provider answers, n8n items, parameters from expressions). */

/** A JSON object: not null, not a list. */
export type JsonRecord = Record<string, unknown>;

export function isJsonRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An identifier or code as text: trimmed, `undefined` when absent or blank. A finite number
 * counts as its text, since expressions and spreadsheets turn numeric references into numbers.
 */
export function nonBlankText(value: unknown): string | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
