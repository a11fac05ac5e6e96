/**
 * The current EEI rule set. An amendment is a new RuleSet (copy, change the data and the dates)
 * passed to the engine, or a change of the records below; the engine does not change.
 */
import { ALWAYS_FILE_RULES } from './alwaysFile';
import { COUNTRY_GROUPS } from './countryGroups';
import { DEADLINES } from './deadlines';
import {
	CANADA_RULE,
	CLAIMABLE_EXEMPTIONS,
	COMPUTED_EXEMPTIONS,
	ORIGIN_RULE,
	RESERVED_EXEMPTIONS,
	VALUE_TEST,
	VALUE_TEST_EXCLUSIONS,
} from './exemptions';
import { AREAS, SCOPE_EXCLUSIONS, SCOPE_TABLE } from './scope';
import type { RuleSet } from './types';

export const RULE_SET_2026_07: RuleSet = {
	id: 'us-eei-2026-07',
	effectiveDate: '2026-07-01',
	sources: [
		{ title: '15 CFR Part 30 (Foreign Trade Regulations), as amended', reference: '88 FR 54326', date: '2023-08-10' },
		{ title: 'FTR amendments (in-transit, USPPI, definitions)', reference: '90 FR 39112', date: '2025-09-15' },
		{ title: 'FTR Subpart B rewrite (30.15 Other Federal regulatory requirements)', reference: '91 FR 15536', date: '2026-03-01' },
		{ title: '15 CFR 758.1 (EAR), EEI filing to AES', reference: '15 CFR 758.1', date: '2025-01-01' },
		{ title: 'Country Groups, Supplement No. 1 to 15 CFR part 740', reference: '15 CFR part 740, Supp. 1', date: '2026-07-01' },
	],
	areas: AREAS,
	scopeExclusions: SCOPE_EXCLUSIONS,
	scopeTable: SCOPE_TABLE,
	countryGroups: COUNTRY_GROUPS,
	alwaysFile: ALWAYS_FILE_RULES,
	canada: CANADA_RULE,
	origin: ORIGIN_RULE,
	valueTest: VALUE_TEST,
	valueTestExclusions: VALUE_TEST_EXCLUSIONS,
	claimableExemptions: CLAIMABLE_EXEMPTIONS,
	reservedExemptions: RESERVED_EXEMPTIONS,
	computedExemptions: COMPUTED_EXEMPTIONS,
	deadlines: DEADLINES,
	advisories: {
		missingEccn: {
			id: 'advice.758.1(b)(10).missing-eccn',
			code: 'ECCN_NOT_GIVEN',
			citation: '15 CFR 758.1(b)(10)',
			effectiveDate: '2025-01-01',
			groups: ['CN-RU-VE'],
			note: 'Lines without ECCN are taken as EAR99; an item on the CCL would need EEI regardless of value.',
		},
	},
};

/** The rule set the engine uses when none is given. */
export const CURRENT_RULE_SET: RuleSet = RULE_SET_2026_07;

export * from './types';
