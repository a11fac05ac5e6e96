/**
 * Shapes of the EEI rule data. Every record is dated and cited, so that an amendment of
 * 15 CFR Part 30 or of 15 CFR 758.1 is a change of data (a new RuleSet), not of the engine.
 */

import type { ReasonCode, RecordCode } from '../reasonCodes';

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

/** What every rule record carries: a stable id, its citation and the date it is in force from. */
export interface RuleRecord {
	id: string;
	/** Formatted exactly like `15 CFR 30.37(a)`. */
	citation: string;
	/** Date from which the cited text, as encoded here, is in force (last amendment known). */
	effectiveDate: IsoDate;
	/** Stable machine code put on the reasons this rule produces. */
	code: RecordCode;
	/** One line: why this rule exists or how its data was chosen. */
	note?: string;
	/** What was checked against which source and when; and what could not be (docs/rule-coverage.md). */
	verification?: string;
	/** `warning`: the reason does not decide anything but asks the user to check a fact. */
	severity?: 'warning';
}

/** A record whose code appears on reasons. */
export interface ReasonRecord extends RuleRecord {
	code: ReasonCode;
}

/** A published source the rule set was read from. */
export interface RuleSource {
	title: string;
	/** Federal Register or CFR reference, e.g. `88 FR 54326`. */
	reference: string;
	date: IsoDate;
	/** Whether its text was read for this rule set, and what stays unverified. */
	status?: string;
}

/** A named list of countries (ISO 3166-1 alpha-2), e.g. Country Group E:1. */
export interface CountryGroupRecord extends RuleRecord {
	name: string;
	countries: readonly string[];
}

/**
 * Where a movement starts or ends, for the scope table of 15 CFR 30.2(a)(1) and (d)(2).
 * `US` = the 50 states and DC; `TERRITORY` = US territories other than PR and VI.
 */
export type Area = 'US' | 'PR' | 'VI' | 'TERRITORY' | 'FOREIGN';

/** One row of the scope table: first matching row decides. */
export interface ScopeRow extends ReasonRecord {
	from: readonly Area[];
	/** Destination areas; `SAME` matches a destination in the same area as the origin. */
	to: readonly (Area | 'SAME')[];
	inScope: boolean;
	description: string;
	/**
	 * A movement the EAR reaches although the FTR does not (30.16(a)): decided by the same rules,
	 * with this warning saying what stays unsettled.
	 */
	unsettled?: ReasonRecord & { description: string };
}

/** Exclusions of 15 CFR 30.2(d) that depend on a fact the shipment states (a flag). */
export interface ScopeExclusion extends ReasonRecord {
	kind: 'inBond' | 'intangible' | 'guantanamo' | 'ultimateDestinationUS';
	description: string;
	/** For `guantanamo`: the areas the naval base trades with inside the exclusion. */
	areas?: readonly Area[];
}

/** Which facts make a case "always file" (15 CFR 30.2(a)(1)(iv), 15 CFR 758.1(b)). */
export type AlwaysFileCondition =
	/** Ultimate destination in one of these country groups (every line). */
	| { kind: 'destinationGroup'; groups: readonly string[] }
	/** A shipment-level flag is true (every line). */
	| { kind: 'shipmentFlag'; flag: 'unverifiedListParty' }
	/** A line needs a license from one of these agencies. */
	| { kind: 'license'; agencies: readonly LicensingAgency[] }
	/** A line is subject to the ITAR: licensed (`licensed: true`) or license-exempt. */
	| { kind: 'itar'; licensed: boolean }
	/** A line's ECCN matches one of these patterns (regular-expression sources). */
	| { kind: 'eccn'; patterns: readonly string[]; exceptLicenseExceptions?: readonly string[] }
	/** A line's ECCN matches, and the ultimate destination is in one of these groups. */
	| { kind: 'eccnToGroup'; patterns: readonly string[]; groups: readonly string[] }
	/** A line is on the Commerce Control List (ECCN other than EAR99) and goes to these groups. */
	| { kind: 'cclToGroup'; groups: readonly string[] }
	/** A line is exported under one of these license exceptions / authorizations. */
	| { kind: 'licenseException'; codes: readonly string[] }
	/** A line's 10-digit commodity code starts with one of these prefixes. */
	| { kind: 'commodityPrefix'; prefixes: readonly string[] }
	/** A line-level flag is true. */
	| { kind: 'itemFlag'; flag: 'usedVehicle' };

export type LicensingAgency = 'BIS' | 'DDTC' | 'DEA' | 'NRC' | 'OTHER';

/** A case in which EEI is filed regardless of value, and no Subpart D exemption applies. */
export interface AlwaysFileRule extends ReasonRecord {
	condition: AlwaysFileCondition;
	/** The 15 CFR 30.36(b) exception this case is, when it is one (Canada exemption lost). */
	canadaException: string;
	/**
	 * Explicit exemption claims that lift this case (e.g. 30.37(y) for E:1/E:2), honoured
	 * only when no line needs a license and no other always-file case applies.
	 */
	liftedByClaims?: readonly string[];
	/** Short human wording used in the reason message. */
	label: string;
}

/** The 30.37(a) value exemption. */
export interface ValueTestRule extends RuleRecord {
	/** Exempt when the group total in USD is at or under this amount; reportable when over. */
	thresholdUsd: number;
	/** Codes of the reasons for a group over the threshold and for the groups at or under it. */
	overCode: ReasonCode;
	atOrUnderCode: ReasonCode;
	/** Commodity code groups are split by origin (D/F) as well. */
	splitByOrigin: boolean;
	/** Legend when nothing is reportable. */
	legend: string;
}

/** Lines whose value never exempts them (last sentences of 15 CFR 30.37(a)). */
export interface ValueTestExclusion extends ReasonRecord {
	flag: 'vehicle' | 'usedVehicle';
	label: string;
	/**
	 * When the exclusion also keeps the line out of the Canada exemption (cautious reading of
	 * "regardless of value or country of destination"), the reason given for it.
	 */
	againstCanada?: ReasonRecord & { label: string };
}

/** Origin indicator D/F of a line (15 CFR 30.6(a)(11)). */
export interface OriginRule extends RuleRecord {
	/** Countries of origin whose goods are domestic (D); every other origin is foreign (F). */
	domesticOriginCountries: readonly string[];
}

/** The Canada exemption of 15 CFR 30.36. */
export interface CanadaRule extends ReasonRecord {
	/** Areas a shipment may start from to use the exemption ("originating in the United States"). */
	originAreas: readonly Area[];
	destinationCountry: string;
	legend: string;
	/** Code of the reason naming the 30.36(b) paragraph an always-file case falls under. */
	exceptionCode: ReasonCode;
	storageException: ReasonRecord;
	throughCanadaException: ReasonRecord;
}

/**
 * A condition the paragraph of a claimed exemption sets, checked against the shipment. `text`
 * quotes or paraphrases the paragraph; it is put in the reason when the condition fails.
 */
export type ClaimCondition =
	/** The country of ultimate destination is in one of these groups. */
	| { kind: 'destinationGroup'; groups: readonly string[]; text: string }
	/** Every commodity code (all origins together) totals at most this many US dollars. */
	| { kind: 'valuePerCodeAtMost'; usd: number; text: string }
	/**
	 * Every line is exported under one of these license exceptions: a line under another one
	 * fails the condition; a line that names none leaves it unverified.
	 */
	| { kind: 'licenseExceptions'; codes: readonly string[]; text: string }
	/**
	 * No line has this flag. With `unverifiedWhenAbsent`, a line that does not state the flag
	 * leaves the condition unverified (the data cannot show it is met).
	 */
	| { kind: 'noLineFlagged'; flag: ClaimLineFlag; unverifiedWhenAbsent?: boolean; text: string };

export type ClaimLineFlag = 'massMarketSoftware' | 'licenseRequired' | 'itar';

/** An exemption the user may claim explicitly (15 CFR 30.37(b)-(y), 30.39, 30.40). */
export interface ClaimableExemption extends ReasonRecord {
	/** The claim as written by the user, e.g. `30.37(h)`. */
	claim: string;
	legend: string;
	label: string;
	/** Every condition of the paragraph the data can show; all must hold. */
	conditions: readonly ClaimCondition[];
	/** Conditions of the paragraph no field of the shipment can show; a warning lists them. */
	unverifiable: readonly string[];
}

/** How a claim fared: the records the engine cites for each outcome. */
export interface ClaimOutcomes {
	/** Honoured: the claim's own record gives code and citation. */
	notApplicable: ReasonRecord;
	conditionNotMet: ReasonRecord;
	unverified: ReasonRecord;
	/** An always-file case applies, so no exemption can (15 CFR 30.2(a)(1)(iv)). */
	overridden: ReasonRecord;
	lifted: ReasonRecord;
}

/** An exemption the engine applies from a line's license exception (e.g. BAG, 15 CFR 30.37(x)). */
export interface LicenseExceptionExemption extends ReasonRecord {
	licenseExceptions: readonly string[];
	legend: string;
	label: string;
}

export interface ReservedExemption extends RuleRecord {
	claim: string;
}

export type ModeOfTransport = 'air' | 'vessel' | 'truck' | 'rail' | 'mail' | 'other';

export interface DeadlineRule extends RuleRecord {
	/** Hours before `event`; null when Part 30 does not express the deadline in hours. */
	hoursBefore: number | null;
	event: string;
	/** Whether the shipment's `departureTime` is this deadline's event, so that `fileBy` can be computed. */
	eventIsDepartureTime: boolean;
}

export interface DeadlineRules {
	byMode: Readonly<Record<ModeOfTransport, DeadlineRule>>;
	usedVehicles: DeadlineRule;
	/** Applies to movements between these pairs of areas (from, to). */
	usPuertoRico: DeadlineRule & { between: readonly (readonly [Area, Area])[] };
	usml: DeadlineRule;
	/** Reason given when the mode of transport, which decides the deadline, is not given. */
	unknownMode: ReasonRecord;
}

/** A complete, dated rule set: what the engine evaluates. */
export interface RuleSet {
	id: string;
	/** Date from which this rule set describes the law. Appears in every determination. */
	effectiveDate: IsoDate;
	/**
	 * Last export date this set is vouched for: the day before the next set, or for the newest set
	 * a date shortly after its last review, after which a warning says the data may be stale.
	 */
	validThrough: IsoDate;
	/** When the data was last compared with its sources. */
	reviewedOn: IsoDate;
	/** Reason given when the export date lies outside [effectiveDate, validThrough]. */
	coverage: ReasonRecord;
	sources: readonly RuleSource[];
	/** Country membership of the areas of the scope table (US, PR, VI, other territories). */
	areas: RuleRecord & { countries: Readonly<Record<Exclude<Area, 'FOREIGN'>, readonly string[]>> };
	scopeExclusions: readonly ScopeExclusion[];
	scopeTable: readonly ScopeRow[];
	/** Reason given when no row of the scope table matches. */
	scopeUnlisted: ReasonRecord;
	countryGroups: readonly CountryGroupRecord[];
	alwaysFile: readonly AlwaysFileRule[];
	canada: CanadaRule;
	origin: OriginRule;
	valueTest: ValueTestRule;
	valueTestExclusions: readonly ValueTestExclusion[];
	claimableExemptions: readonly ClaimableExemption[];
	claimOutcomes: ClaimOutcomes;
	licenseExceptionExemptions: readonly LicenseExceptionExemption[];
	reservedExemptions: readonly ReservedExemption[];
	/** Claims the engine decides itself from the data and which therefore cannot be claimed. */
	computedExemptions: readonly ReservedExemption[];
	deadlines: DeadlineRules;
	/** Extra, informative checks (e.g. missing ECCN for 758.1(b)(10) destinations). */
	advisories: { missingEccn: ReasonRecord & { groups: readonly string[] } };
}
