/**
 * Shapes of the EEI rule data. Every record is dated and cited, so that an amendment of
 * 15 CFR Part 30 or of 15 CFR 758.1 is a change of data (a new RuleSet), not of the engine.
 */

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
	code: string;
	/** One line: why this rule exists or how its data was chosen. */
	note?: string;
}

/** A published source the rule set was read from. */
export interface RuleSource {
	title: string;
	/** Federal Register or CFR reference, e.g. `88 FR 54326`. */
	reference: string;
	date: IsoDate;
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
export interface ScopeRow extends RuleRecord {
	from: readonly Area[];
	/** Destination areas; `SAME` matches a destination in the same area as the origin. */
	to: readonly (Area | 'SAME')[];
	inScope: boolean;
	description: string;
}

/** Exclusions of 15 CFR 30.2(d) that depend on a fact the shipment states (a flag). */
export interface ScopeExclusion extends RuleRecord {
	kind: 'inBond' | 'intangible' | 'guantanamo' | 'ultimateDestinationUS';
	description: string;
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
export interface AlwaysFileRule extends RuleRecord {
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
	/** Commodity code groups are split by origin (D/F) as well. */
	splitByOrigin: boolean;
	/** Legend when nothing is reportable. */
	legend: string;
}

/** Lines whose value never exempts them (last sentences of 15 CFR 30.37(a)). */
export interface ValueTestExclusion extends RuleRecord {
	flag: 'vehicle' | 'usedVehicle';
	label: string;
}

/** Origin indicator D/F of a line (15 CFR 30.6(a)(11)). */
export interface OriginRule extends RuleRecord {
	/** Countries of origin whose goods are domestic (D); every other origin is foreign (F). */
	domesticOriginCountries: readonly string[];
}

/** The Canada exemption of 15 CFR 30.36. */
export interface CanadaRule extends RuleRecord {
	/** Areas a shipment may start from to use the exemption ("originating in the United States"). */
	originAreas: readonly Area[];
	destinationCountry: string;
	legend: string;
	storageException: RuleRecord;
	throughCanadaException: RuleRecord;
}

/** An exemption the user may claim explicitly (15 CFR 30.37(b)-(y), 30.39, 30.40). */
export interface ClaimableExemption extends RuleRecord {
	/** The claim as written by the user, e.g. `30.37(h)`. */
	claim: string;
	legend: string;
	/** Ultimate destination must be in one of these groups for the claim to apply. */
	requiresDestinationGroups?: readonly string[];
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
}

export interface DeadlineRules {
	byMode: Readonly<Record<ModeOfTransport, DeadlineRule>>;
	usedVehicles: DeadlineRule;
	usPuertoRico: DeadlineRule;
	usml: DeadlineRule;
}

/** A complete, dated rule set: what the engine evaluates. */
export interface RuleSet {
	id: string;
	/** Date from which this rule set describes the law. Appears in every determination. */
	effectiveDate: IsoDate;
	sources: readonly RuleSource[];
	/** Country membership of the areas of the scope table (US, PR, VI, other territories). */
	areas: RuleRecord & { countries: Readonly<Record<Exclude<Area, 'FOREIGN'>, readonly string[]>> };
	scopeExclusions: readonly ScopeExclusion[];
	scopeTable: readonly ScopeRow[];
	countryGroups: readonly CountryGroupRecord[];
	alwaysFile: readonly AlwaysFileRule[];
	canada: CanadaRule;
	origin: OriginRule;
	valueTest: ValueTestRule;
	valueTestExclusions: readonly ValueTestExclusion[];
	claimableExemptions: readonly ClaimableExemption[];
	reservedExemptions: readonly ReservedExemption[];
	/** Claims the engine decides itself from the data and which therefore cannot be claimed. */
	computedExemptions: readonly ReservedExemption[];
	deadlines: DeadlineRules;
	/** Extra, informative checks (e.g. missing ECCN for 758.1(b)(10) destinations). */
	advisories: { missingEccn: RuleRecord & { groups: readonly string[] } };
}
