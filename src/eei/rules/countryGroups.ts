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
};

export const COUNTRY_GROUPS: readonly CountryGroupRecord[] = [COUNTRY_GROUP_E1, COUNTRY_GROUP_E2, COUNTRY_GROUP_D, CN_RU_VE];
