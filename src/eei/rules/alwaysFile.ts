/**
 * Cases in which EEI is filed regardless of value and no exemption of Subpart D applies
 * (15 CFR 30.2(a)(1)(iv)), including the reporting cases of 15 CFR 758.1(b). Each case also
 * takes a shipment to Canada out of the Canada exemption (15 CFR 30.36(b)(3)-(7)).
 */
import type { AlwaysFileRule } from './types';

const PART30_2023 = '2023-08-10'; // 30.2 as last amended by 88 FR 54326
const EAR_758_2025 = '2025-01-01'; // 15 CFR 758.1(b) as in the 2025 snapshot

/** ECCN patterns of 758.1(b)(3): "600 series" and 9x515, paragraphs .a-.x (an ECCN given without paragraph counts). */
export const SERIES_600_AND_9X515_PATTERNS: readonly string[] = [
	'^[0-9][A-E]6[0-9]{2}(\\.[a-x](\\..*)?)?$',
	'^9[A-E]515(\\.[a-x](\\..*)?)?$',
];

/**
 * ECCN patterns of 758.1(b)(9). 0A502 and 0A508 are taken whole because the barrel length
 * (< 18 inches) is not in the data; an ECCN given without paragraph counts.
 */
export const FIREARMS_PATTERNS: readonly string[] = [
	'^0A501(\\.[ab](\\..*)?)?$',
	'^0A502(\\..*)?$',
	'^0A505(\\.[abd-z](\\..*)?)?$',
	'^0A506(\\..*)?$',
	'^0A507(\\..*)?$',
	'^0A508(\\..*)?$',
];

/** Exemption claims that lift the E:1/E:2 case (15 CFR 30.37(y)). */
const E_GROUP_CLAIMS = ['30.37(y)(1)', '30.37(y)(2)', '30.37(y)(3)', '30.37(y)(4)', '30.37(y)(5)', '30.37(y)(6)'];

/** Claims matching License Exception GOV, which lifts 758.1(b)(10) (see 758.1(c)(4)). */
const GOV_CLAIMS = ['30.39', '30.40(a)', '30.40(b)', '30.40(c)'];

export const ALWAYS_FILE_RULES: readonly AlwaysFileRule[] = [
	{
		id: 'ear.758.1(b)(1)',
		code: 'E_GROUP_DESTINATION',
		citation: '15 CFR 758.1(b)(1)',
		effectiveDate: '2026-07-01',
		condition: { kind: 'destinationGroup', groups: ['E:1', 'E:2'] },
		canadaException: '15 CFR 30.36(b)(4)',
		liftedByClaims: E_GROUP_CLAIMS,
		label: 'ultimate destination in Country Group E:1 or E:2',
		note: 'Required through 15 CFR 30.2(a)(1)(iv)(A); a 30.37(y) exemption lifts it when no license is needed.',
	},
	{
		id: 'ear.758.1(b)(2)',
		code: 'BIS_LICENSE',
		citation: '15 CFR 758.1(b)(2)',
		effectiveDate: EAR_758_2025,
		condition: { kind: 'license', agencies: ['BIS'] },
		canadaException: '15 CFR 30.36(b)(4)',
		label: 'requires a BIS license',
		note: 'Also 15 CFR 30.2(a)(1)(iv)(A).',
	},
	{
		id: 'ear.758.1(b)(3)',
		code: 'SERIES_600_OR_9X515',
		citation: '15 CFR 758.1(b)(3)',
		effectiveDate: EAR_758_2025,
		condition: { kind: 'eccn', patterns: SERIES_600_AND_9X515_PATTERNS },
		canadaException: '15 CFR 30.36(b)(4)',
		label: '"600 series" or 9x515 item in paragraphs .a-.x (any destination, Canada included)',
	},
	{
		id: 'ear.758.1(b)(4)',
		code: 'LICENSE_EXCEPTION_STA',
		citation: '15 CFR 758.1(b)(4)',
		effectiveDate: EAR_758_2025,
		condition: { kind: 'licenseException', codes: ['STA'] },
		canadaException: '15 CFR 30.36(b)(4)',
		label: 'exported under License Exception STA',
	},
	{
		id: 'ear.758.1(b)(7)',
		code: 'VALIDATED_END_USER',
		citation: '15 CFR 758.1(b)(7)',
		effectiveDate: EAR_758_2025,
		condition: { kind: 'licenseException', codes: ['VEU'] },
		canadaException: '15 CFR 30.36(b)(4)',
		label: 'exported under authorization Validated End-User (VEU)',
	},
	{
		id: 'ear.758.1(b)(8)',
		code: 'UNVERIFIED_LIST_PARTY',
		citation: '15 CFR 758.1(b)(8)',
		effectiveDate: EAR_758_2025,
		condition: { kind: 'shipmentFlag', flag: 'unverifiedListParty' },
		canadaException: '15 CFR 30.36(b)(4)',
		label: 'a party to the transaction is on the Unverified List',
	},
	{
		id: 'ear.758.1(b)(9)',
		code: 'FIREARMS',
		citation: '15 CFR 758.1(b)(9)',
		effectiveDate: EAR_758_2025,
		condition: { kind: 'eccn', patterns: FIREARMS_PATTERNS, exceptLicenseExceptions: ['BAG'] },
		canadaException: '15 CFR 30.36(b)(4)',
		label: 'firearm, short-barrel shotgun or ammunition of 0A501.a/.b, 0A502, 0A505 (not .c), 0A506, 0A507, 0A508 (not under License Exception BAG)',
	},
	{
		id: 'ear.758.1(b)(10)',
		code: 'CCL_ITEM_TO_CN_RU_VE',
		citation: '15 CFR 758.1(b)(10)',
		effectiveDate: EAR_758_2025,
		condition: { kind: 'cclToGroup', groups: ['CN-RU-VE'] },
		canadaException: '15 CFR 30.36(b)(4)',
		liftedByClaims: GOV_CLAIMS,
		label: 'item on the Commerce Control List (ECCN other than EAR99) to China, Russia or Venezuela',
	},
	{
		id: 'ear.758.1(b)(10).note-hong-kong',
		code: 'CCL_ITEM_TO_CN_RU_VE',
		citation: '15 CFR 758.1(b)(10)',
		effectiveDate: '2020-12-23',
		condition: { kind: 'cclToGroup', groups: ['HK'] },
		canadaException: '15 CFR 30.36(b)(4)',
		liftedByClaims: GOV_CLAIMS,
		label:
			'item on the Commerce Control List (ECCN other than EAR99) to Hong Kong: the Note to 758.1(b)(10) (85 FR 83765, 23 Dec 2020) applies the China requirement to Hong Kong; the EEI still names HK as destination',
		note: 'See group.758.1(b)(10).note for what was verified of the Note.',
	},
	{
		id: 'ear.758.1(b)(11)',
		code: 'ECCN_3A069_TO_GROUP_D',
		citation: '15 CFR 758.1(b)(11)',
		effectiveDate: EAR_758_2025,
		condition: { kind: 'eccnToGroup', patterns: ['^3A069(\\..*)?$'], groups: ['D'] },
		canadaException: '15 CFR 30.36(b)(4)',
		label: 'ECCN 3A069 to Country Group D',
	},
	{
		id: 'ftr.30.2(a)(1)(iv)(B)',
		code: 'ITAR_LICENSE',
		citation: '15 CFR 30.2(a)(1)(iv)(B)',
		effectiveDate: PART30_2023,
		condition: { kind: 'itar', licensed: true },
		canadaException: '15 CFR 30.36(b)(3)',
		label: 'requires a DDTC license under the ITAR',
	},
	{
		id: 'ftr.30.2(a)(1)(iv)(C)',
		code: 'ITAR_LICENSE_EXEMPT',
		citation: '15 CFR 30.2(a)(1)(iv)(C)',
		effectiveDate: PART30_2023,
		condition: { kind: 'itar', licensed: false },
		canadaException: '15 CFR 30.36(b)(5)',
		label: 'subject to the ITAR but exempt from license requirements',
	},
	{
		id: 'ftr.30.2(a)(1)(iv)(D)',
		code: 'DEA_PERMIT',
		citation: '15 CFR 30.2(a)(1)(iv)(D)',
		effectiveDate: PART30_2023,
		condition: { kind: 'license', agencies: ['DEA'] },
		canadaException: '15 CFR 30.36(a)',
		label: 'requires a DEA export permit',
		note: '30.36(a) itself yields to 30.2(a)(1)(iv).',
	},
	{
		id: 'ftr.30.2(a)(1)(iv)(E)',
		code: 'NRC_LICENSE',
		citation: '15 CFR 30.2(a)(1)(iv)(E)',
		effectiveDate: PART30_2023,
		condition: { kind: 'license', agencies: ['NRC'] },
		canadaException: '15 CFR 30.36(a)',
		label: 'requires an NRC export license',
	},
	{
		id: 'ftr.30.2(a)(1)(iv)(F)',
		code: 'OTHER_AGENCY_LICENSE',
		citation: '15 CFR 30.2(a)(1)(iv)(F)',
		effectiveDate: PART30_2023,
		condition: { kind: 'license', agencies: ['OTHER'] },
		canadaException: '15 CFR 30.36(a)',
		label: 'requires an export license from another federal agency',
	},
	{
		id: 'ftr.30.2(a)(1)(iv)(G)',
		code: 'ROUGH_DIAMONDS',
		citation: '15 CFR 30.2(a)(1)(iv)(G)',
		effectiveDate: PART30_2023,
		condition: { kind: 'commodityPrefix', prefixes: ['710210', '710221', '710231'] },
		canadaException: '15 CFR 30.36(b)(6)',
		label: 'rough diamonds (HS 7102.10, 7102.21, 7102.31)',
	},
	{
		id: 'ftr.30.2(a)(1)(iv)(H)',
		code: 'USED_SELF_PROPELLED_VEHICLE',
		citation: '15 CFR 30.2(a)(1)(iv)(H)',
		effectiveDate: PART30_2023,
		condition: { kind: 'itemFlag', flag: 'usedVehicle' },
		canadaException: '15 CFR 30.36(b)(7)',
		label: 'used self-propelled vehicle (19 CFR 192.1)',
	},
];
