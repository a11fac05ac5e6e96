/**
 * Normalisers and formats of the canonical shipment, shared by the zod schema (the reference)
 * and the fast validating path, so that both accept and produce exactly the same values.
 */
import { CURRENT_RULE_SET } from '../eei/rules';

/** Punctuation and spaces removed (15 CFR 30.6(a)(12): "the decimals shall be omitted"). */
export function normalizeCommodityCode(raw: string): string {
	return raw.replace(/[^0-9A-Za-z]/g, '');
}

export const COMMODITY_CODE_FORMAT = /^\d{10}$/;

const ECCN_PARTS = /^([0-9][A-Ea-e][0-9]{3})(.*)$/;
const WHITESPACE = /\s+/g;

/** `0a501.A` -> `0A501.a`; `ear 99` -> `EAR99`: category and group upper-case, paragraphs lower-case. */
export function normalizeEccn(raw: string): string {
	const compact = raw.replace(WHITESPACE, '');
	if (compact.length === 5 && compact.toUpperCase() === 'EAR99') return 'EAR99';
	const parts = ECCN_PARTS.exec(compact);
	return parts ? parts[1].toUpperCase() + parts[2].toLowerCase() : compact;
}

/** ECCN format of 15 CFR 738.2 (`#A###` plus paragraphs) or `EAR99`. */
export const ECCN_FORMAT = /^(EAR99|[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*)$/;

/**
 * Far above the longest ECCN with paragraphs (`#A###` and a few `.x` levels, 15 CFR 738.2), and
 * checked before ECCN_FORMAT: on millions of characters the pattern's backtracking overflows the
 * regular-expression stack ("Maximum call stack size exceeded") instead of answering.
 */
export const MAX_ECCN_LENGTH = 40;

/** Whether a normalised ECCN has the form of 15 CFR 738.2 or is EAR99. */
export function isEccn(eccn: string): boolean {
	return eccn.length <= MAX_ECCN_LENGTH && ECCN_FORMAT.test(eccn);
}

/** Values longer than this are cut when an error message quotes them. */
const QUOTE_LIMIT = 40;

/** A value quoted in an error message: a long one is cut, so that a message stays readable and small. */
export function quoted(raw: string): string {
	return raw.length <= QUOTE_LIMIT ? `"${raw}"` : `"${raw.slice(0, 20)}..." (${raw.length} characters)`;
}

/** `NOEEI § 30.37(H)` / `30.37 (h)` -> `30.37(h)`. */
export function normalizeExemptionClaim(raw: string): string {
	return raw
		.replace(/^\s*NOEEI\s*/i, '')
		.replace(/[§\s]/g, '')
		.toLowerCase();
}

export const EXEMPTION_FORMAT = /^30\.(36|37\([a-z]\)(\(\d\))?|38|39|40\([a-z]\))$/;

const NOT_CLAIMABLE = new Map<string, string>([
	...CURRENT_RULE_SET.reservedExemptions.map(
		(r) => [r.claim, `${r.citation} is reserved: there is no such exemption`] as [string, string],
	),
	...CURRENT_RULE_SET.computedExemptions.map(
		(r) => [r.claim, `${r.citation} is decided from the shipment data, not claimed: leave exemption empty`] as [string, string],
	),
]);

/** Why a normalised claim cannot be made, or undefined when it has the right form. */
export function exemptionClaimProblem(claim: string, raw: string): string | undefined {
	if (!EXEMPTION_FORMAT.test(claim)) return `"${raw}" is not an exemption of 15 CFR 30.36-30.40 (e.g. 30.37(h))`;
	return NOT_CLAIMABLE.get(claim);
}

/** `YYYY-MM-DD`, a real calendar date (same pattern as zod's `.date()`). */
export const DATE_FORMAT =
	/^((\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)|(02)-(0[1-9]|1\d|2[0-8])))$/;

/** ISO 8601 date-time with `Z` or a numeric offset up to 23:59. */
export const DATETIME_FORMAT =
	/^((\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)|(02)-(0[1-9]|1\d|2[0-8])))T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export const STATE_FORMAT = /^[A-Z]{2}$/;
export const CURRENCY_FORMAT = /^[A-Z]{3}$/;
export const LICENSE_EXCEPTION_FORMAT = /^[A-Z]{3}$/;

export const MODES_OF_TRANSPORT = ['air', 'vessel', 'truck', 'rail', 'mail', 'other'] as const;
export const LICENSING_AGENCIES = ['BIS', 'DDTC', 'DEA', 'NRC', 'OTHER'] as const;
