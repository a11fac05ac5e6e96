/**
 * Exemptions of Subpart D (15 CFR 30.36-30.40), the value test of 15 CFR 30.37(a), the origin
 * indicator D/F used to split it, and the legends of Appendix B.
 */
import type {
	CanadaRule,
	ClaimableExemption,
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
	splitByOrigin: true,
	legend: 'NOEEI 30.37(a)',
	note: 'Per Schedule B/HTS code and origin D/F; $2,500.00 is exempt, $2,500.01 reportable.',
};

/** Last sentences of 30.37(a): the value exemption does not apply to vehicles. */
export const VALUE_TEST_EXCLUSIONS: readonly ValueTestExclusion[] = [
	{
		id: 'ftr.30.37(a).vehicles',
		code: 'VEHICLE_NOT_VALUE_EXEMPT',
		citation: '15 CFR 30.37(a)',
		effectiveDate: P30_37_2023,
		flag: 'vehicle',
		label: 'vehicles are filed regardless of value',
	},
	{
		id: 'ftr.30.37(a).used-vehicles',
		code: 'VEHICLE_NOT_VALUE_EXEMPT',
		citation: '15 CFR 30.37(a)',
		effectiveDate: P30_37_2023,
		flag: 'usedVehicle',
		label: 'vehicles are filed regardless of value',
	},
];

function claim(
	claimText: string,
	label: string,
	effectiveDate: string,
	extra: Partial<ClaimableExemption> = {},
): ClaimableExemption {
	return {
		id: `claim.${claimText}`,
		code: 'EXEMPTION_CLAIMED',
		claim: claimText,
		citation: `15 CFR ${claimText}`,
		effectiveDate,
		legend: `NOEEI ${claimText}`,
		label,
		...extra,
	};
}

const E_GROUPS = ['E:1', 'E:2'];

/** Exemptions the user may claim; the engine honours them only when no always-file case applies. */
export const CLAIMABLE_EXEMPTIONS: readonly ClaimableExemption[] = [
	claim('30.37(b)', 'tools of trade', SUBPART_D_2013),
	claim('30.37(c)', 'US to US through Canada or Mexico', SUBPART_D_2013),
	claim('30.37(d)', 'Canada or Mexico to the same country through the US', SUBPART_D_2013),
	claim('30.37(f)', 'technology and software not requiring a license (not mass-market software)', SUBPART_D_2013),
	claim('30.37(g)', 'books, maps, charts and pamphlets to foreign libraries and institutions', SUBPART_D_2013),
	claim('30.37(h)', 'License Exception GFT gift parcels and humanitarian donations', SUBPART_D_2013),
	claim('30.37(i)', 'diplomatic pouches', SUBPART_D_2013),
	claim('30.37(j)', 'human remains', SUBPART_D_2013),
	claim('30.37(k)', 'interplant correspondence and company business records', SUBPART_D_2013),
	claim('30.37(l)', 'pets as baggage', SUBPART_D_2013),
	claim('30.37(m)', "carriers' stores", SUBPART_D_2013),
	claim('30.37(n)', 'dunnage', SUBPART_D_2013),
	claim('30.37(o)', 'aircraft parts and stores under License Exception AVS', SUBPART_D_2013),
	claim('30.37(p)', 'baggage and personal effects not shipped as cargo', SUBPART_D_2013),
	claim('30.37(q)', 'temporary exports returned within one year (e.g. carnet)', SUBPART_D_2013),
	claim('30.37(r)', 'goods imported under a Temporary Import Bond', SUBPART_D_2013),
	claim('30.37(s)', 'issued banknotes, securities and coins in circulation', SUBPART_D_2013),
	claim('30.37(t)', 'documents used in international transactions', SUBPART_D_2013),
	claim('30.37(v)', 'containers and carriers moving as instruments of transport', SUBPART_D_2013),
	claim('30.37(w)', 'shipments to APO, DPO, FPO', SUBPART_D_2013),
	claim('30.37(x)', 'License Exception BAG', SUBPART_D_2013),
	claim('30.37(y)(1)', 'published media to libraries in E:1/E:2', P30_37_2023, { requiresDestinationGroups: E_GROUPS }),
	claim('30.37(y)(2)', 'License Exception GOV to US agencies in E:1/E:2, $2,500 or less per code', P30_37_2023, {
		requiresDestinationGroups: E_GROUPS,
	}),
	claim('30.37(y)(3)', 'personal effects under License Exception BAG to E:1/E:2', P30_37_2023, {
		requiresDestinationGroups: E_GROUPS,
	}),
	claim('30.37(y)(4)', 'gift parcels and humanitarian donations under GFT to E:1/E:2', P30_37_2023, {
		requiresDestinationGroups: E_GROUPS,
	}),
	claim('30.37(y)(5)', 'vessels and aircraft on temporary sojourn under AVS to E:1/E:2', P30_37_2023, {
		requiresDestinationGroups: E_GROUPS,
	}),
	claim('30.37(y)(6)', 'tools of trade under BAG or TMP to E:1/E:2', P30_37_2023, { requiresDestinationGroups: E_GROUPS }),
	claim('30.39', 'consigned to the US Armed Services', SUBPART_D_2013),
	claim('30.40(a)', 'office furniture, equipment and supplies for US government offices', SUBPART_D_2013),
	claim('30.40(b)', 'household goods of US government employees', SUBPART_D_2013),
	claim('30.40(c)', 'commissary supplies for US government employees', SUBPART_D_2013),
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
