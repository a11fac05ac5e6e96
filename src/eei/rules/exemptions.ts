/**
 * Exemptions of Subpart D (15 CFR 30.36-30.40), the value test of 15 CFR 30.37(a), the origin
 * indicator D/F used to split it, and the legends of Appendix B.
 */
import type {
	CanadaRule,
	ClaimableExemption,
	ClaimOutcomes,
	LicenseExceptionExemption,
	OriginRule,
	ReservedExemption,
	ValueTestExclusion,
	ValueTestRule,
} from './types';

const SUBPART_D_2013 = '2013-03-14'; // 78 FR 16366: Subpart D as rewritten (later edits keep (a) and 30.36)
const P30_37_2023 = '2023-08-10'; // 30.37 as last amended by 88 FR 54326

/**
 * 15 CFR 30.36: "shipments originating in the United States where the country of ultimate
 * destination is Canada". Read as shipments leaving the 50 states or DC (30.2(a)(1)(i)(A)
 * names Puerto Rico and the Virgin Islands separately), whatever the goods' origin (D or F).
 */
export const CANADA_RULE: CanadaRule = {
	id: 'ftr.30.36(a)',
	code: 'CANADA_EXEMPT',
	citation: '15 CFR 30.36(a)',
	effectiveDate: '2017-04-19',
	originAreas: ['US'],
	destinationCountry: 'CA',
	legend: 'NOEEI 30.36',
	exceptionCode: 'CANADA_EXCEPTION',
	note: 'Exceptions (b)(3)-(7) are the always-file cases; (b)(1) and (b)(2) are stated facts.',
	storageException: {
		id: 'ftr.30.36(b)(1)',
		code: 'CANADA_STORAGE_FOR_THIRD_COUNTRIES',
		citation: '15 CFR 30.36(b)(1)',
		effectiveDate: '2017-04-19',
	},
	throughCanadaException: {
		id: 'ftr.30.36(b)(2)',
		code: 'THROUGH_CANADA_TO_THIRD_COUNTRY',
		citation: '15 CFR 30.36(b)(2)',
		effectiveDate: '2017-04-19',
	},
};

/**
 * Origin indicator (15 CFR 30.6(a)(11)): domestic goods are grown, produced or manufactured in
 * the US (or substantially transformed there); "foreign" goods (30.1) are those not transformed
 * in the US, a US FTZ, Puerto Rico or the US Virgin Islands. So US, PR and VI origins are D.
 */
export const ORIGIN_RULE: OriginRule = {
	id: 'ftr.30.6(a)(11)',
	code: 'ORIGIN_INDICATOR',
	citation: '15 CFR 30.6(a)(11)',
	effectiveDate: '2018-04-24',
	domesticOriginCountries: ['US', 'PR', 'VI'],
	note: 'Definitions of domestic and foreign exports, 15 CFR 30.1(c); other territories count as F (not named there).',
};

export const VALUE_TEST: ValueTestRule = {
	id: 'ftr.30.37(a)',
	code: 'VALUE_TEST',
	citation: '15 CFR 30.37(a)',
	effectiveDate: P30_37_2023,
	thresholdUsd: 2500,
	overCode: 'VALUE_OVER_THRESHOLD',
	atOrUnderCode: 'VALUE_AT_OR_UNDER_THRESHOLD',
	splitByOrigin: true,
	legend: 'NOEEI 30.37(a)',
	note: 'Per Schedule B/HTS code and origin D/F; $2,500.00 is exempt, $2,500.01 reportable.',
};

/**
 * Last sentences of 30.37(a): the value exemption does not apply to vehicles. Used
 * self-propelled vehicles are an always-file case (30.2(a)(1)(iv)(H)) and never reach this test.
 */
export const VALUE_TEST_EXCLUSIONS: readonly ValueTestExclusion[] = [
	{
		id: 'ftr.30.37(a).vehicles',
		code: 'VEHICLE_NOT_VALUE_EXEMPT',
		citation: '15 CFR 30.37(a)',
		effectiveDate: P30_37_2023,
		flag: 'vehicle',
		label: 'vehicles are filed regardless of value',
		againstCanada: {
			id: 'ftr.30.37(a).vehicles-to-canada',
			code: 'VEHICLE_TO_CANADA_FILED',
			citation: '15 CFR 30.37(a)',
			effectiveDate: P30_37_2023,
			severity: 'warning',
			label:
				'30.37(a) says vehicle export information "must be filed in AES regardless of value or country of destination", while 15 CFR 30.36(b)(7) excepts only used self-propelled vehicles from the Canada exemption; the two texts conflict for a new vehicle to Canada, and the cautious reading files',
			note: 'Cautious reading of a conflict between 30.37(a) and 30.36(b)(7); not settled by any text we hold.',
		},
	},
];

const E_GROUPS = ['E:1', 'E:2'];

const NO_LICENSE = (text: string) => ({ kind: 'noLineFlagged', flag: 'licenseRequired', text }) as const;
const UNDER = (codes: readonly string[], text: string) => ({ kind: 'licenseExceptions', codes, text }) as const;
const TO_E_GROUPS = {
	kind: 'destinationGroup',
	groups: E_GROUPS,
	text: 'destined for a country listed in Country Group E:1 or E:2',
} as const;

function claim(
	claimText: string,
	label: string,
	effectiveDate: string,
	conditions: ClaimableExemption['conditions'],
	unverifiable: ClaimableExemption['unverifiable'],
): ClaimableExemption {
	return {
		id: `claim.${claimText}`,
		code: 'EXEMPTION_CLAIMED',
		claim: claimText,
		citation: `15 CFR ${claimText}`,
		effectiveDate,
		legend: `NOEEI ${claimText}`,
		label,
		conditions,
		unverifiable,
	};
}

/**
 * Exemptions the user may claim, each with the conditions its paragraph sets (15 CFR 30.37,
 * 30.39, 30.40 as of 88 FR 54326): those the data can show are checked, the others are listed
 * in a warning. A claim is honoured only when no always-file case applies (30.2(a)(1)(iv)).
 */
export const CLAIMABLE_EXEMPTIONS: readonly ClaimableExemption[] = [
	claim('30.37(b)', 'tools of trade', SUBPART_D_2013, [NO_LICENSE('commodities and software that do not require an export license (or go as tools of trade under 15 CFR 740.9)')], [
		'owned by the USPPI or exporting company, accompany the traveller, for their use, not for sale',
		'returned to the United States within one year',
		'not shipped under a bill of lading or an air waybill',
	]),
	claim('30.37(c)', 'US to US through Canada or Mexico', SUBPART_D_2013, [], ['from one point in the United States to another by routes through Canada or Mexico']),
	claim('30.37(d)', 'Canada or Mexico to the same country through the US', SUBPART_D_2013, [], ['from one point in Canada or Mexico to another point in the same country']),
	claim('30.37(f)', 'technology and software not requiring a license (not mass-market software)', SUBPART_D_2013, [
		NO_LICENSE('technology and software that do not require an export license'),
		{ kind: 'noLineFlagged', flag: 'massMarketSoftware', unverifiedWhenAbsent: true, text: '"However, EEI is required for mass-market software"' },
	], ['technology and software as defined in 15 CFR 772']),
	claim('30.37(g)', 'books, maps, charts and pamphlets to foreign libraries and institutions', SUBPART_D_2013, [], [
		'consigned to foreign libraries, government establishments or similar institutions',
	]),
	claim('30.37(h)', 'License Exception GFT gift parcels and humanitarian donations', SUBPART_D_2013, [UNDER(['GFT'], 'authorized under License Exception GFT (15 CFR 740.12(a) and (b))')], []),
	claim('30.37(i)', 'diplomatic pouches', SUBPART_D_2013, [], ['diplomatic pouches and their contents']),
	claim('30.37(j)', 'human remains', SUBPART_D_2013, [], ['human remains and accompanying receptacles and flowers']),
	claim('30.37(k)', 'interplant correspondence and company business records', SUBPART_D_2013, [], [
		'from a US firm to its subsidiary or affiliate',
		'no highly technical plans or correspondence that could be licensed',
	]),
	claim('30.37(l)', 'pets as baggage', SUBPART_D_2013, [], ['pets as baggage of persons leaving the United States']),
	claim('30.37(m)', "carriers' stores", SUBPART_D_2013, [], ['not shipped under a bill of lading or an air waybill', 'not intended for unlading in a foreign country']),
	claim('30.37(n)', 'dunnage', SUBPART_D_2013, [], ['not shipped under a bill of lading or an air waybill', 'exported solely for use as dunnage']),
	claim('30.37(o)', 'aircraft parts and stores under License Exception AVS', SUBPART_D_2013, [UNDER(['AVS'], 'under EAR License Exception AVS (15 CFR 740.15(c))')], [
		'by a US airline to its own installations, aircraft and agents abroad',
	]),
	claim('30.37(p)', 'baggage and personal effects not shipped as cargo', SUBPART_D_2013, [NO_LICENSE('do not require an export license')], [
		'baggage and personal effects of persons leaving the United States',
		'not shipped as cargo under a bill of lading or an air waybill',
	]),
	claim('30.37(q)', 'temporary exports returned within one year (e.g. carnet)', SUBPART_D_2013, [NO_LICENSE('"except those that require licensing"')], [
		'returned to the United States in less than one year (12 months) from the date of export',
	]),
	claim('30.37(r)', 'goods imported under a Temporary Import Bond', SUBPART_D_2013, [], [
		'imported under a Temporary Import Bond, returned in the same condition, not for processing',
	]),
	claim('30.37(s)', 'issued banknotes, securities and coins in circulation', SUBPART_D_2013, [], ['issued banknotes and securities, coins in circulation']),
	claim('30.37(t)', 'documents used in international transactions', SUBPART_D_2013, [], ['not exported in fulfillment of a contract for their production']),
	claim('30.37(v)', 'containers and carriers moving as instruments of transport', SUBPART_D_2013, [], ['moving without transfer of ownership or title']),
	claim('30.37(w)', 'shipments to APO, DPO, FPO', SUBPART_D_2013, [], ['addressed to an Army, Diplomatic or Fleet Post Office']),
	claim('30.37(x)', 'License Exception BAG', SUBPART_D_2013, [UNDER(['BAG'], 'exported under license exception Baggage (BAG) (15 CFR 740.14)')], []),
	claim('30.37(y)(1)', 'published media to libraries in E:1/E:2', P30_37_2023, [TO_E_GROUPS], [
		'published media for general distribution (15 CFR 734.7) to foreign libraries or similar institutions',
	]),
	claim('30.37(y)(2)', 'License Exception GOV to US agencies in E:1/E:2, $2,500 or less per code', P30_37_2023, [
		TO_E_GROUPS,
		UNDER(['GOV'], 'lawfully exported under License Exception GOV (15 CFR 740.11(b)(2)(i) or (ii))'),
		{ kind: 'valuePerCodeAtMost', usd: 2500, text: 'valued at $2500 or less per Schedule B Number' },
	], ['shipped to US government agencies and employees']),
	claim('30.37(y)(3)', 'personal effects under License Exception BAG to E:1/E:2', P30_37_2023, [
		TO_E_GROUPS,
		UNDER(['BAG'], 'lawfully exported under License Exception BAG (15 CFR 740.14)'),
	], ['personal effects as described in 15 CFR 740.14(b)(1)']),
	claim('30.37(y)(4)', 'gift parcels and humanitarian donations under GFT to E:1/E:2', P30_37_2023, [
		TO_E_GROUPS,
		UNDER(['GFT'], 'lawfully exported under License Exception GFT (15 CFR 740.12(a) and (b))'),
	], ['individual gift parcels and humanitarian donations']),
	claim('30.37(y)(5)', 'vessels and aircraft on temporary sojourn under AVS to E:1/E:2', P30_37_2023, [
		TO_E_GROUPS,
		UNDER(['AVS'], 'under License Exception AVS (15 CFR 740.15)'),
	], ['vessels and aircraft leaving for temporary sojourn']),
	claim('30.37(y)(6)', 'tools of trade under BAG or TMP to E:1/E:2', P30_37_2023, [
		TO_E_GROUPS,
		UNDER(['BAG', 'TMP'], 'lawfully exported under License Exception BAG (15 CFR 740.14) or TMP (15 CFR 740.9(a))'),
	], ['used by a person travelling to the destination', 'returned to the United States within one year']),
	claim('30.39', 'consigned to the US Armed Services', SUBPART_D_2013, [
		{ kind: 'noLineFlagged', flag: 'itar', text: '"This exemption does not apply to articles that are on the USML"' },
	], ['consigned to the US Armed Services for their exclusive use']),
	claim('30.40(a)', 'office furniture, equipment and supplies for US government offices', SUBPART_D_2013, [], [
		'shipped to and for the exclusive use of US government offices',
	]),
	claim('30.40(b)', 'household goods of US government employees', SUBPART_D_2013, [], [
		'for the exclusive and personal use of US government employees',
	]),
	claim('30.40(c)', 'commissary supplies for US government employees', SUBPART_D_2013, [], [
		'for the exclusive use of US government employees or their cooperatives',
	]),
];

/** The records cited for each outcome of a claim. */
export const CLAIM_OUTCOMES: ClaimOutcomes = {
	notApplicable: {
		id: 'claim.outcome.not-applicable',
		code: 'EXEMPTION_CLAIM_NOT_APPLICABLE',
		citation: '15 CFR 30.37(y)',
		effectiveDate: P30_37_2023,
		note: 'The destination condition of the paragraph is not met; the reason cites the paragraph claimed.',
	},
	conditionNotMet: {
		id: 'claim.outcome.condition-not-met',
		code: 'EXEMPTION_CLAIM_CONDITION_NOT_MET',
		citation: '15 CFR 30.37',
		effectiveDate: P30_37_2023,
		note: 'A condition the paragraph sets is contradicted by the data; the reason cites the paragraph claimed.',
	},
	unverified: {
		id: 'claim.outcome.unverified',
		code: 'EXEMPTION_CLAIM_UNVERIFIED',
		citation: '15 CFR 30.37',
		effectiveDate: P30_37_2023,
		severity: 'warning',
		note: 'Honoured, but the data cannot show every condition; the reason cites the paragraph claimed.',
	},
	overridden: {
		id: 'claim.outcome.overridden',
		code: 'EXEMPTION_CLAIM_OVERRIDDEN',
		citation: '15 CFR 30.2(a)(1)(iv)',
		effectiveDate: P30_37_2023,
	},
	lifted: {
		id: 'claim.outcome.lifted',
		code: 'ALWAYS_FILE_LIFTED_BY_CLAIM',
		citation: '15 CFR 30.37(y)',
		effectiveDate: P30_37_2023,
		note: '30.16(d) for E:1/E:2 and 758.1(b)(10) with (c)(4) for GOV; the reason cites the paragraph claimed.',
	},
};

/**
 * 15 CFR 30.37(x): "Shipments exported under license exception Baggage (BAG)". 758.1(c)(1)
 * points there; applied from the line's license exception, no claim needed.
 */
export const LICENSE_EXCEPTION_EXEMPTIONS: readonly LicenseExceptionExemption[] = [
	{
		id: 'ftr.30.37(x)',
		code: 'LICENSE_EXCEPTION_BAG_EXEMPT',
		citation: '15 CFR 30.37(x)',
		effectiveDate: SUBPART_D_2013,
		licenseExceptions: ['BAG'],
		legend: 'NOEEI 30.37(x)',
		label: 'exported under License Exception BAG (15 CFR 740.14); see 15 CFR 758.1(c)(1)',
	},
];

/** Reserved paragraphs: there is nothing to claim. */
export const RESERVED_EXEMPTIONS: readonly ReservedExemption[] = [
	{ id: 'reserved.30.37(e)', code: 'RESERVED', claim: '30.37(e)', citation: '15 CFR 30.37(e)', effectiveDate: SUBPART_D_2013 },
	{ id: 'reserved.30.37(u)', code: 'RESERVED', claim: '30.37(u)', citation: '15 CFR 30.37(u)', effectiveDate: SUBPART_D_2013 },
];

/** Exemptions the engine decides from the data; a claim of them would bypass the checks. */
export const COMPUTED_EXEMPTIONS: readonly ReservedExemption[] = [
	{ id: 'computed.30.37(a)', code: 'COMPUTED', claim: '30.37(a)', citation: '15 CFR 30.37(a)', effectiveDate: P30_37_2023 },
	{ id: 'computed.30.36', code: 'COMPUTED', claim: '30.36', citation: '15 CFR 30.36(a)', effectiveDate: '2017-04-19' },
];
