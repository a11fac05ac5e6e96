/**
 * Scope of Part 30 (15 CFR 30.2(a)(1)(i)-(ii)) and its exclusions (15 CFR 30.2(d)): which
 * movements are "exports" for EEI purposes at all.
 */
import type { RuleRecord, ScopeExclusion, ScopeRow } from './types';

const PART30_2023 = '2023-08-10'; // 30.2 as last amended by 88 FR 54326

/** Which country codes belong to the non-foreign areas of the scope table; the rest is FOREIGN. */
export const AREAS: RuleRecord & { countries: { US: string[]; PR: string[]; VI: string[]; TERRITORY: string[] } } = {
	id: 'scope.areas',
	code: 'AREAS',
	citation: '15 CFR 30.2(a)(1)',
	effectiveDate: PART30_2023,
	countries: { US: ['US'], PR: ['PR'], VI: ['VI'], TERRITORY: ['GU', 'AS', 'MP', 'UM'] },
	note: 'US = 50 states and DC; territories other than PR and VI fall under 30.2(d)(2).',
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
		id: 'scope.from-territory',
		code: 'OUT_OF_SCOPE_TERRITORY',
		from: ['TERRITORY'],
		to: ['US', 'PR', 'VI', 'TERRITORY', 'FOREIGN'],
		inScope: false,
		citation: '15 CFR 30.2(d)(2)',
		effectiveDate: PART30_2023,
		description: 'Goods shipped from US territories other than Puerto Rico and the US Virgin Islands need no EEI',
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
