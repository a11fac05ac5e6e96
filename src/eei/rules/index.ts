/**
 * The EEI rule sets, side by side as dated data. A determination applies the set in force on the
 * shipment's export date (`selectRuleSet`). An amendment is a new RuleSet appended to
 * `RULE_SETS` (copy, change the data and the dates); the engine does not change.
 */
import { ALWAYS_FILE_RULES } from './alwaysFile';
import { COUNTRY_GROUPS } from './countryGroups';
import { DEADLINES } from './deadlines';
import {
	CANADA_RULE,
	CLAIM_OUTCOMES,
	CLAIMABLE_EXEMPTIONS,
	COMPUTED_EXEMPTIONS,
	LICENSE_EXCEPTION_EXEMPTIONS,
	ORIGIN_RULE,
	RESERVED_EXEMPTIONS,
	VALUE_TEST,
	VALUE_TEST_EXCLUSIONS,
} from './exemptions';
import { AREAS, SCOPE_EXCLUSIONS, SCOPE_TABLE, SCOPE_UNLISTED } from './scope';
import type { IsoDate, RuleRecord, RuleSet, RuleSource } from './types';

const REVIEWED_ON = '2026-11-30';

const PART_30_2023: RuleSource = {
	title: '15 CFR Part 30 (Foreign Trade Regulations), as amended',
	reference: '88 FR 54326',
	date: '2023-08-10',
	status: 'Text held by the project (regulations/15-cfr-part-30.md); the rules below were read from it.',
};
const EAR_758_1: RuleSource = {
	title: '15 CFR 758.1 (EAR), EEI filing to AES',
	reference: '15 CFR 758.1',
	date: '2025-01-01',
	status: 'Text of a 2025 snapshot held by the project; it omits the Note to (b)(10) (see 85 FR 83765).',
};
const HONG_KONG_NOTE: RuleSource = {
	title: 'Removal of Hong Kong as a separate destination under the EAR (Note to 758.1(b)(10))',
	reference: '85 FR 83765',
	date: '2020-12-23',
	status: "Note's content verified from the Census Bureau notice of 29 Dec 2020; its exact wording not obtained.",
};
const FTR_2025: RuleSource = {
	title: 'FTR: Clarification of Filing Requirements Regarding In-Transit Shipments and Other FTR Provisions (FR Doc. 2025-15493)',
	reference: '90 FR 39112',
	date: '2025-09-15',
	status:
		'Published 14 Aug 2025, effective 15 Sep 2025. Summary verified (USPPI for goods entered then stored, in an FTZ or bonded warehouse; definitions in 30.1(c) revised, e.g. country of ultimate destination, foreign goods, ultimate and intermediate consignee, USPPI; mandatory filing requirements; responsibilities; confidentiality; penalties; voluntary self-disclosure; in-transit goods not entered for consumption or warehousing stay excluded). Its amendatory text was NOT obtained: no public summary reports a change to 30.2(a)(1)(iv), 30.2(d), 30.16, 30.36 or 30.37, so the decision data is carried over unchanged, unverified.',
};
const FTR_2026_MARCH: RuleSource = {
	title: 'FTR amendment of 30 Mar 2026',
	reference: '91 FR 15536',
	date: '2026-03-30',
	status:
		'NOT obtained: neither its text nor a summary could be found. The project reference says it rewrote Subpart B (30.15 "Other Federal regulatory requirements"), which may have removed or renumbered 30.16 (the E:1/E:2 restatement in 30.16(d) and the territories in 30.16(a)); citations of 30.16 may therefore be stale.',
};
const FTR_2026_MAY: RuleSource = {
	title: 'FTR: Clarification of Filing Requirements Regarding In-Transit Shipments (FR Doc. 2026-10370)',
	reference: 'FR Doc. 2026-10370',
	date: '2026-05-26',
	status:
		'Title and date verified (federalregister.gov listing, 26 May 2026: same title as 90 FR 39112, so most likely a correction of it); its text was NOT obtained.',
};
const COUNTRY_GROUPS_SUPP_1: RuleSource = {
	title: 'Country Groups, Supplement No. 1 to 15 CFR part 740',
	reference: '15 CFR part 740, Supp. 1',
	date: '2026-07-01',
	status: 'NOT obtained; E:1, E:2 and D as recorded by the project (see each group record).',
};

/** The warning given when the export date lies outside a rule set's coverage. */
const COVERAGE: RuleRecord & { code: 'RULE_SET_OUTSIDE_COVERAGE' } = {
	id: 'ruleset.coverage',
	code: 'RULE_SET_OUTSIDE_COVERAGE',
	citation: '15 CFR 30.2',
	effectiveDate: '2023-08-10',
	severity: 'warning',
	note: 'Cites the general filing requirement whose version in force on the export date the rule set stands for.',
};

/** Records in force from a date later than the set they are put in are dated back to the set. */
function datedNoLaterThan<T extends RuleRecord>(record: T, date: IsoDate): T {
	return record.effectiveDate <= date ? record : { ...record, effectiveDate: date };
}

function ruleSet(id: string, effectiveDate: IsoDate, validThrough: IsoDate, sources: readonly RuleSource[]): RuleSet {
	const dated = <T extends RuleRecord>(r: T) => datedNoLaterThan(r, effectiveDate);
	return {
		id,
		effectiveDate,
		validThrough,
		reviewedOn: REVIEWED_ON,
		coverage: COVERAGE,
		sources,
		areas: AREAS,
		scopeExclusions: SCOPE_EXCLUSIONS,
		scopeTable: SCOPE_TABLE,
		scopeUnlisted: SCOPE_UNLISTED,
		countryGroups: COUNTRY_GROUPS.map(dated),
		alwaysFile: ALWAYS_FILE_RULES.map(dated),
		canada: CANADA_RULE,
		origin: ORIGIN_RULE,
		valueTest: VALUE_TEST,
		valueTestExclusions: VALUE_TEST_EXCLUSIONS,
		claimableExemptions: CLAIMABLE_EXEMPTIONS,
		claimOutcomes: CLAIM_OUTCOMES,
		licenseExceptionExemptions: LICENSE_EXCEPTION_EXEMPTIONS,
		reservedExemptions: RESERVED_EXEMPTIONS,
		computedExemptions: COMPUTED_EXEMPTIONS,
		deadlines: DEADLINES,
		advisories: {
			missingEccn: {
				id: 'advice.758.1(b)(10).missing-eccn',
				code: 'ECCN_NOT_GIVEN',
				citation: '15 CFR 758.1(b)(10)',
				effectiveDate: '2020-12-23',
				severity: 'warning',
				groups: ['CN-RU-VE', 'HK'],
				note: 'Lines without ECCN are taken as EAR99; an item on the CCL would need EEI regardless of value.',
			},
		},
	};
}

/**
 * Part 30 as amended by 88 FR 54326 (10 Aug 2023), before the FTR amendments effective
 * 15 Sep 2025. Earlier dates are not modelled (e.g. Russia joined 758.1(b)(10) in 2022).
 */
export const RULE_SET_2023_08: RuleSet = ruleSet('us-eei-2023-08', '2023-08-10', '2025-09-14', [PART_30_2023, EAR_758_1, HONG_KONG_NOTE]);

/** After 90 FR 39112 (effective 15 Sep 2025); the decision data is unchanged as far as known. */
export const RULE_SET_2025_09: RuleSet = ruleSet('us-eei-2025-09', '2025-09-15', '2026-06-30', [
	PART_30_2023,
	FTR_2025,
	FTR_2026_MARCH,
	EAR_758_1,
	HONG_KONG_NOTE,
]);

/**
 * The newest set: with the country groups as recorded for July 2026. Vouched for up to six
 * months after its last review; later export dates get a warning that the data may be stale.
 */
export const RULE_SET_2026_07: RuleSet = ruleSet('us-eei-2026-07', '2026-07-01', '2027-05-31', [
	PART_30_2023,
	FTR_2025,
	FTR_2026_MARCH,
	FTR_2026_MAY,
	EAR_758_1,
	HONG_KONG_NOTE,
	COUNTRY_GROUPS_SUPP_1,
]);

/** Every rule set, oldest first, without gaps: each one's validThrough is the day before the next. */
export const RULE_SETS: readonly RuleSet[] = [RULE_SET_2023_08, RULE_SET_2025_09, RULE_SET_2026_07];

/** The newest rule set. */
export const CURRENT_RULE_SET: RuleSet = RULE_SET_2026_07;

export interface RuleSetSelection {
	ruleSet: RuleSet;
	/** Set when the date lies outside the chosen set's coverage. */
	outside?: 'before' | 'after';
}

/** The set in force on `date` (YYYY-MM-DD); outside every set's coverage, the nearest one, flagged. */
export function selectRuleSet(date: IsoDate, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSetSelection {
	if (ruleSets.length === 0) throw new Error('No rule set to choose from');
	let chosen: RuleSet | undefined;
	for (const set of ruleSets) if (set.effectiveDate <= date && (chosen === undefined || set.effectiveDate > chosen.effectiveDate)) chosen = set;
	if (chosen === undefined) {
		let earliest = ruleSets[0];
		for (const set of ruleSets) if (set.effectiveDate < earliest.effectiveDate) earliest = set;
		return { ruleSet: earliest, outside: 'before' };
	}
	return date > chosen.validThrough ? { ruleSet: chosen, outside: 'after' } : { ruleSet: chosen };
}

export * from './types';
export { ruleRecords } from './records';
