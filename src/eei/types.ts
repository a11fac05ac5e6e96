/** The EEI determination: a public contract read by the n8n node and by filings. */
import type { ReasonCode } from './reasonCodes';
import type { ModeOfTransport } from './rules/types';

export type { ReasonCode } from './reasonCodes';

export interface EeiReason {
	/** Stable machine code, e.g. `VALUE_OVER_THRESHOLD`, `E_GROUP_DESTINATION`, `CANADA_EXEMPT`. */
	code: ReasonCode;
	/** Formatted exactly like `15 CFR 30.37(a)`. */
	citation: string;
	message: string;
	/** Indexes into `shipment.items` the reason is about (absent when it is about the whole shipment). */
	items?: number[];
	/** Id of the rule record that produced the reason. */
	ruleId: string;
	/** `warning`: decides nothing, but asks the user to check a fact or a reading (absent otherwise). */
	severity?: 'warning';
}

/** One line of the EEI: a 10-digit code and origin D/F, as 15 CFR 30.37(a) and 30.6(a)(11) group them. */
export interface ReportableLine {
	commodityCode: string;
	originIndicator: 'D' | 'F';
	/** Total in whole US dollars, cents dropped and 50 cents or more rounded up (15 CFR 30.6(a)(17)). */
	value: number;
	/** Total in US dollars to the cent, as the value test compared it. */
	exactValue: number;
	/** Indexes into `shipment.items` summed into this line. */
	items: number[];
	/** Codes of the reasons that make this line reportable (e.g. `VALUE_OVER_THRESHOLD`, `BIS_LICENSE`). */
	basis: ReasonCode[];
}

export interface FilingDeadline {
	mode: ModeOfTransport | null;
	/** Hours before `event`; null when Part 30 defers to another rule (USML: 22 CFR 123.22(b)(1)). */
	hoursBefore: number | null;
	event: string;
	citation: string;
	/** ISO 8601 (UTC) latest time to hold the ITN: `departureTime` minus `hoursBefore`, when computable. */
	fileBy?: string;
	/** Id of the deadline rule record applied. */
	ruleId: string;
}

export interface RuleSetSummary {
	id: string;
	effectiveDate: string;
}

export interface EeiDetermination {
	required: boolean;
	/** Exemption or exclusion legend for the loading documents (Appendix B), null when EEI is filed or out of scope. */
	legend: string | null;
	reasons: EeiReason[];
	/** Lines that must be reported; empty when nothing is required. */
	reportableLines: ReportableLine[];
	/** Null when no EEI is required, or when the mode of transport needed to know it is missing. */
	filingDeadline: FilingDeadline | null;
	ruleSet: RuleSetSummary;
}
