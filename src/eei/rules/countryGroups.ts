/**
 * Country groups the EEI rules refer to, as dated data. Group membership changes by
 * amendment of Supplement No. 1 to 15 CFR part 740; update the list and its date, not the engine.
 */
import type { CountryGroupRecord } from './types';

/** Country Group E:1 (terrorist supporting countries): Iran, North Korea, Syria. */
export const COUNTRY_GROUP_E1: CountryGroupRecord = {
	id: 'group.E:1',
	code: 'COUNTRY_GROUP_E1',
	name: 'E:1',
	citation: '15 CFR 758.1(b)(1)',
	effectiveDate: '2026-07-01',
	countries: ['IR', 'KP', 'SY'],
	note: 'Supp. No. 1 to 15 CFR part 740 as issued July 2026; the 2025 easing for Syria did not remove it from E:1.',
	verification:
		'Not re-verified on 2026-11-30: no text of Supp. No. 1 to part 740 could be obtained. The membership and the July 2026 date come from the project reference (eei-rules.md); 15 CFR 30.16(d) and 758.1(b)(1) (2025 snapshot) name the groups, not their members.',
};

/** Country Group E:2 (unilateral embargo): Cuba. */
export const COUNTRY_GROUP_E2: CountryGroupRecord = {
	id: 'group.E:2',
	code: 'COUNTRY_GROUP_E2',
	name: 'E:2',
	citation: '15 CFR 758.1(b)(1)',
	effectiveDate: '2026-07-01',
	countries: ['CU'],
	note: 'Supp. No. 1 to 15 CFR part 740 as issued July 2026.',
	verification: 'Not re-verified on 2026-11-30 (no text of Supp. No. 1 to part 740 obtained); Cuba is the E:2 country in every edition known to the project.',
};

/**
 * Country Group D: the union of D:1 (national security), D:2 (nuclear), D:3 (chemical and
 * biological), D:4 (missile technology) and D:5 (US arms embargoed). Read from the 2024-2025
 * editions of the table; marginal cases (Hong Kong, treated as China since 2020; Cyprus in
 * D:5) are kept in, because a wrong "in" only files an EEI that was not needed.
 */
export const COUNTRY_GROUP_D: CountryGroupRecord = {
	id: 'group.D',
	code: 'COUNTRY_GROUP_D',
	name: 'D',
	citation: '15 CFR 758.1(b)(11)',
	effectiveDate: '2025-01-01',
	countries: [
		'AF', 'AE', 'AM', 'AZ', 'BH', 'BY', 'CD', 'CF', 'CN', 'CU', 'CY', 'EG', 'ER', 'GE', 'HK', 'HT',
		'IL', 'IN', 'IQ', 'IR', 'JO', 'KG', 'KH', 'KP', 'KW', 'KZ', 'LA', 'LB', 'LY', 'MD', 'MM', 'MN',
		'MO', 'NI', 'OM', 'PK', 'QA', 'RU', 'SA', 'SD', 'SO', 'SS', 'SY', 'TJ', 'TM', 'TW', 'UZ', 'VE',
		'VN', 'YE', 'ZW',
	],
	note: 'Union of Country Groups D:1-D:5, Supp. No. 1 to 15 CFR part 740 (best known, 2025); verify against the current table.',
	verification:
		'Partly verified on 2026-11-30: Hong Kong is in Group D as part of China since 85 FR 83765 (23 Dec 2020), per the Baker McKenzie summary of that rule ("Hong Kong is now considered part of China, which is currently included in Country Groups D:1, D:3, D:4, and D:5"). The other members are not re-verified: no text of Supp. No. 1 to part 740 obtained. Over-inclusion only files an EEI that was not needed.',
};

/** The destinations of 15 CFR 758.1(b)(10): China, Russia, Venezuela. */
export const CN_RU_VE: CountryGroupRecord = {
	id: 'group.758.1(b)(10)',
	code: 'CCL_DESTINATIONS',
	name: 'CN-RU-VE',
	citation: '15 CFR 758.1(b)(10)',
	effectiveDate: '2025-01-01',
	countries: ['CN', 'RU', 'VE'],
	note: "People's Republic of China, Russia, Venezuela as named in 758.1(b)(10) (2025 text).",
	verification:
		'Verified on 2026-11-30 against the 2025 snapshot of 15 CFR 758.1 held by the project: "(10) For all exports of items on the Commerce Control List to the People\'s Republic of China, Russia, or Venezuela, regardless of value, unless the export may be made under the exemption listed under paragraph (c)(4)". Later amendments of 758.1 not checked.',
};

/**
 * Hong Kong under the Note to 15 CFR 758.1(b)(10), added by 85 FR 83765 (23 Dec 2020): the
 * EEI requirement for China applies to exports to Hong Kong, reported with destination HK.
 */
export const HONG_KONG: CountryGroupRecord = {
	id: 'group.758.1(b)(10).note',
	code: 'CCL_DESTINATIONS',
	name: 'HK',
	citation: '15 CFR 758.1(b)(10)',
	effectiveDate: '2020-12-23',
	countries: ['HK'],
	note: 'Note to 758.1(b)(10), 85 FR 83765 (FR Doc. 2020-28101), effective 23 Dec 2020.',
	verification:
		'The exact wording of the Note could not be obtained (the project\'s 758.1 snapshot omits it). Its content is verified from the Census Bureau\'s notice of 29 Dec 2020: "A Note was added to § 758.1(b)(10) of the EAR which stated that the Electronic Export Filing (EEI) filing requirements for China described in § 758.1(b)(10) applies to exports to Hong Kong for purposes of the EAR, even if the Automated Export System (AES) requirements state that the destination filed in the EEI is to be listed as Hong Kong." Corroborated by the Sandler, Travis & Rosenberg trade report of Jan 2021 on the same rule.',
};

export const COUNTRY_GROUPS: readonly CountryGroupRecord[] = [COUNTRY_GROUP_E1, COUNTRY_GROUP_E2, COUNTRY_GROUP_D, CN_RU_VE, HONG_KONG];
