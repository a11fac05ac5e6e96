/**
 * Scope of Part 30 (15 CFR 30.2(a)(1)(i)-(ii)) and its exclusions (15 CFR 30.2(d)): which
 * movements are "exports" for EEI purposes at all.
 */
import type { ReasonRecord, RuleRecord, ScopeExclusion, ScopeRow } from './types';

const PART30_2023 = '2023-08-10'; // 30.2 as last amended by 88 FR 54326

/** Which country codes belong to the non-foreign areas of the scope table; the rest is FOREIGN. */
export const AREAS: RuleRecord & { countries: { US: string[]; PR: string[]; VI: string[]; TERRITORY: string[] } } = {
	id: 'scope.areas',
	code: 'AREAS',
	citation: '15 CFR 30.2(a)(1)',
	effectiveDate: PART30_2023,
	countries: { US: ['US'], PR: ['PR'], VI: ['VI'], TERRITORY: ['GU', 'AS', 'MP', 'UM'] },
	note: 'US = 50 states and DC; territories other than PR and VI fall under 30.2(d)(2).',
	verification:
		'30.2(d)(2) names no territory ("Except Puerto Rico and the U.S. Virgin Islands, goods shipped from the U.S. territories"); the list is the inhabited territories with an ISO 3166-1 code (Guam, American Samoa, Northern Mariana Islands) plus the US Minor Outlying Islands (UM), checked against the ISO 3166-1 list in src/shipment/countries.ts on 2026-11-30.',
};

/** Exclusions that depend on a stated fact; checked before the scope table. */
export const SCOPE_EXCLUSIONS: readonly ScopeExclusion[] = [
	{
		id: 'scope.intangible',
		code: 'OUT_OF_SCOPE_INTANGIBLE',
		kind: 'intangible',
		citation: '15 CFR 30.2(d)(3)',
		effectiveDate: PART30_2023,
		description: 'Electronic transmissions and intangible transfers are outside the scope of Part 30',
	},
	{
		id: 'scope.in-bond',
		code: 'OUT_OF_SCOPE_IN_BOND',
		kind: 'inBond',
		citation: '15 CFR 30.2(d)(1)',
		effectiveDate: PART30_2023,
		description:
			'Goods moving under CBP bond through the US, Puerto Rico or the US Virgin Islands from one foreign country to another, without entering US consumption channels, are outside the scope of Part 30',
	},
	{
		id: 'scope.guantanamo',
		code: 'OUT_OF_SCOPE_GUANTANAMO',
		kind: 'guantanamo',
		areas: ['US', 'PR', 'VI'],
		citation: '15 CFR 30.2(d)(4)',
		effectiveDate: PART30_2023,
		description:
			'Goods shipped between Guantanamo Bay Naval Base and the US, Puerto Rico or the US Virgin Islands are outside the scope of Part 30',
	},
	{
		id: 'scope.licensed-ultimate-destination-us',
		code: 'OUT_OF_SCOPE_ULTIMATE_DESTINATION_US',
		kind: 'ultimateDestinationUS',
		citation: '15 CFR 30.2(d)(5)',
		effectiveDate: PART30_2023,
		description:
			'Goods licensed by a US federal agency whose country of ultimate destination is the US (or international waters, under the control of a US person) are outside the scope of Part 30',
	},
];

/** First matching row decides whether the movement is an export in the sense of Part 30. */
export const SCOPE_TABLE: readonly ScopeRow[] = [
	{
		id: 'scope.us-to-foreign',
		code: 'IN_SCOPE',
		from: ['US'],
		to: ['FOREIGN'],
		inScope: true,
		citation: '15 CFR 30.2(a)(1)(i)(A)',
		effectiveDate: PART30_2023,
		description: 'Export from the United States (50 states, DC) to a foreign country',
	},
	{
		id: 'scope.pr-to-foreign',
		code: 'IN_SCOPE',
		from: ['PR'],
		to: ['FOREIGN'],
		inScope: true,
		citation: '15 CFR 30.2(a)(1)(i)(B)',
		effectiveDate: PART30_2023,
		description: 'Export from Puerto Rico to a foreign country',
	},
	{
		id: 'scope.vi-to-foreign',
		code: 'IN_SCOPE',
		from: ['VI'],
		to: ['FOREIGN'],
		inScope: true,
		citation: '15 CFR 30.2(a)(1)(i)(D)',
		effectiveDate: PART30_2023,
		description: 'Export from the US Virgin Islands to a foreign country',
	},
	{
		id: 'scope.us-to-pr',
		code: 'IN_SCOPE',
		from: ['US'],
		to: ['PR'],
		inScope: true,
		citation: '15 CFR 30.2(a)(1)(ii)(A)',
		effectiveDate: PART30_2023,
		description: 'Shipment to Puerto Rico from the United States',
	},
	{
		id: 'scope.pr-to-us',
		code: 'IN_SCOPE',
		from: ['PR'],
		to: ['US'],
		inScope: true,
		citation: '15 CFR 30.2(a)(1)(ii)(B)',
		effectiveDate: PART30_2023,
		description: 'Shipment to the United States from Puerto Rico',
	},
	{
		id: 'scope.to-vi',
		code: 'IN_SCOPE',
		from: ['US', 'PR'],
		to: ['VI'],
		inScope: true,
		citation: '15 CFR 30.2(a)(1)(ii)(C)',
		effectiveDate: PART30_2023,
		description: 'Shipment to the US Virgin Islands from the United States or Puerto Rico',
	},
	{
		id: 'scope.territory-to-foreign',
		code: 'IN_SCOPE_EAR_TERRITORY',
		from: ['TERRITORY'],
		to: ['FOREIGN'],
		inScope: true,
		citation: '15 CFR 30.16(a)',
		effectiveDate: PART30_2023,
		description:
			'Export from a US territory to a foreign country: outside the FTR (30.2(d)(2)), but "The EAR requires that export information be filed for shipments from U.S. Possessions to foreign countries or areas" (15 CFR 30.16(a); 15 CFR 758.1(b); 15 CFR 772.1, definition of the United States)',
		unsettled: {
			id: 'scope.territory-to-foreign.unsettled',
			code: 'TERRITORY_EXPORT_UNSETTLED',
			citation: '15 CFR 758.1(b)(5)',
			effectiveDate: PART30_2023,
			severity: 'warning',
			description:
				'Unsettled: 30.2(d)(2) says goods shipped from the US territories "do not require EEI filing", while 758.1(b)(5) requires EEI for commodities over $2,500 per Schedule B number "except as exempted by the FTR"; whether that exclusion is such an exemption, and whether the FTR-only cases (ITAR, DEA, NRC, other agencies, rough diamonds, used vehicles) bind a shipment from a territory, no text we hold settles. This determination applies every case and the value test as for an export from the United States (the cautious reading); confirm with BIS or the Census Bureau before relying on an exemption',
		},
	},
	{
		id: 'scope.from-territory',
		code: 'OUT_OF_SCOPE_TERRITORY',
		from: ['TERRITORY'],
		to: ['US', 'PR', 'VI', 'TERRITORY'],
		inScope: false,
		citation: '15 CFR 30.2(d)(2)',
		effectiveDate: PART30_2023,
		description: 'Goods shipped from US territories other than Puerto Rico and the US Virgin Islands to the United States or a territory need no EEI',
	},
	{
		id: 'scope.to-territory',
		code: 'OUT_OF_SCOPE_TERRITORY',
		from: ['US', 'PR', 'VI'],
		to: ['TERRITORY'],
		inScope: false,
		citation: '15 CFR 30.2(d)(2)',
		effectiveDate: PART30_2023,
		description: 'Goods shipped between the United States and US territories other than Puerto Rico and the US Virgin Islands need no EEI',
	},
	{
		id: 'scope.vi-to-us-pr',
		code: 'OUT_OF_SCOPE_NOT_LISTED',
		from: ['VI'],
		to: ['US', 'PR'],
		inScope: false,
		citation: '15 CFR 30.2(a)(1)(ii)',
		effectiveDate: PART30_2023,
		description:
			'Shipments from the US Virgin Islands to the United States or Puerto Rico are not among the movements of 30.2(a)(1)(ii)',
	},
	{
		id: 'scope.within-area',
		code: 'OUT_OF_SCOPE_DOMESTIC',
		from: ['US', 'PR', 'VI'],
		to: ['SAME'],
		inScope: false,
		citation: '15 CFR 30.2(a)(1)',
		effectiveDate: PART30_2023,
		description: 'A movement within the same area is not an export',
	},
	{
		id: 'scope.from-foreign',
		code: 'OUT_OF_SCOPE_FOREIGN_ORIGIN',
		from: ['FOREIGN'],
		to: ['US', 'PR', 'VI', 'TERRITORY', 'FOREIGN'],
		inScope: false,
		citation: '15 CFR 30.2(a)(1)(i)',
		effectiveDate: PART30_2023,
		description: 'The movement does not start in the United States, Puerto Rico, a US or PR FTZ or the US Virgin Islands',
	},
];

/** Given when no row of the scope table matches: the movement is not one Part 30 lists. */
export const SCOPE_UNLISTED: ReasonRecord = {
	id: 'scope.unlisted',
	code: 'OUT_OF_SCOPE_NOT_LISTED',
	citation: '15 CFR 30.2(a)(1)',
	effectiveDate: PART30_2023,
};
