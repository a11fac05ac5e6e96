import { CURRENT_RULE_SET, type RuleSet } from '../../../src/eei';
import { codes, decide, reasonFor, shipment } from './helpers';

/** Which movements Part 30 reaches at all: 15 CFR 30.2(a)(1)(i)-(ii) and 30.2(d). */
describe('Scope of the EEI requirement (15 CFR 30.2)', () => {
	const high = [{ commodityCode: '8471300100', value: 10_000 }];

	test.each([
		['US', 'DE', '15 CFR 30.2(a)(1)(i)(A)', 'scope.us-to-foreign'],
		['PR', 'DO', '15 CFR 30.2(a)(1)(i)(B)', 'scope.pr-to-foreign'],
		['VI', 'GB', '15 CFR 30.2(a)(1)(i)(D)', 'scope.vi-to-foreign'],
		['US', 'PR', '15 CFR 30.2(a)(1)(ii)(A)', 'scope.us-to-pr'],
		['PR', 'US', '15 CFR 30.2(a)(1)(ii)(B)', 'scope.pr-to-us'],
		['US', 'VI', '15 CFR 30.2(a)(1)(ii)(C)', 'scope.to-vi'],
		['PR', 'VI', '15 CFR 30.2(a)(1)(ii)(C)', 'scope.to-vi'],
	])('%s to %s is in scope and decided by the rules (%s)', (from, to, citation, ruleId) => {
		const result = decide(shipment({ origin: { country: from }, destination: { country: to } }, high));
		expect(result.required).toBe(true);
		expect(result.reasons[0]).toMatchObject({ code: 'IN_SCOPE', citation, ruleId });
	});

	test.each([
		['US', 'GU', '15 CFR 30.2(d)(2)', 'scope.to-territory'],
		['US', 'AS', '15 CFR 30.2(d)(2)', 'scope.to-territory'],
		['PR', 'MP', '15 CFR 30.2(d)(2)', 'scope.to-territory'],
		['GU', 'US', '15 CFR 30.2(d)(2)', 'scope.from-territory'],
		['GU', 'AS', '15 CFR 30.2(d)(2)', 'scope.from-territory'],
		['UM', 'US', '15 CFR 30.2(d)(2)', 'scope.from-territory'],
	])('%s to %s stays between the United States and its territories and is excluded (%s)', (from, to, citation, ruleId) => {
		const result = decide(shipment({ origin: { country: from }, destination: { country: to } }, high));
		expect(result).toMatchObject({ required: false, legend: null, reportableLines: [], filingDeadline: null });
		expect(result.reasons).toEqual([expect.objectContaining({ code: 'OUT_OF_SCOPE_TERRITORY', citation, ruleId })]);
	});

	test('the US territories of the scope table are Guam, American Samoa, the Northern Mariana Islands and the Minor Outlying Islands (rule scope.areas)', () => {
		expect(CURRENT_RULE_SET.areas).toMatchObject({ id: 'scope.areas', countries: { TERRITORY: ['GU', 'AS', 'MP', 'UM'] } });
	});

	test('VI to US is not a movement listed in 30.2(a)(1)(ii), so no EEI', () => {
		const result = decide(shipment({ origin: { country: 'VI' }, destination: { country: 'US' } }, high));
		expect(result).toMatchObject({ required: false, legend: null });
		expect(reasonFor(result, 'OUT_OF_SCOPE_NOT_LISTED')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(ii)', ruleId: 'scope.vi-to-us-pr' });
	});

	test('a movement no row of the scope table lists is out of scope under 15 CFR 30.2(a)(1) (rule scope.unlisted)', () => {
		const noRows: RuleSet = { ...CURRENT_RULE_SET, id: 'no-scope-rows', scopeTable: [] };
		const result = decide(shipment({}, high), noRows);
		expect(result).toMatchObject({ required: false, legend: null });
		expect(reasonFor(result, 'OUT_OF_SCOPE_NOT_LISTED')).toMatchObject({ citation: '15 CFR 30.2(a)(1)', ruleId: 'scope.unlisted' });
	});

	test('VI to PR is not a movement listed in 30.2(a)(1)(ii), so no EEI', () => {
		const result = decide(shipment({ origin: { country: 'VI' }, destination: { country: 'PR' } }, high));
		expect(result.required).toBe(false);
		expect(reasonFor(result, 'OUT_OF_SCOPE_NOT_LISTED').citation).toBe('15 CFR 30.2(a)(1)(ii)');
	});

	test('a movement within the United States is not an export (15 CFR 30.2(a)(1))', () => {
		const result = decide(shipment({ destination: { country: 'US' } }, high));
		expect(result.required).toBe(false);
		expect(reasonFor(result, 'OUT_OF_SCOPE_DOMESTIC')).toMatchObject({ citation: '15 CFR 30.2(a)(1)', ruleId: 'scope.within-area' });
	});

	test('a shipment starting abroad is not an export from the US (15 CFR 30.2(a)(1)(i))', () => {
		const result = decide(shipment({ origin: { country: 'CA' }, destination: { country: 'MX' } }, high));
		expect(result.required).toBe(false);
		expect(reasonFor(result, 'OUT_OF_SCOPE_FOREIGN_ORIGIN')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(i)', ruleId: 'scope.from-foreign' });
	});

	test('foreign-to-foreign goods moving in bond through the US are excluded (15 CFR 30.2(d)(1))', () => {
		const result = decide(shipment({ inBond: true }, high));
		expect(result).toMatchObject({ required: false, legend: null });
		expect(codes(result)).toEqual(['OUT_OF_SCOPE_IN_BOND']);
		expect(result.reasons[0]).toMatchObject({ citation: '15 CFR 30.2(d)(1)', ruleId: 'scope.in-bond' });
	});

	test('intangible transfers are excluded (15 CFR 30.2(d)(3))', () => {
		const result = decide(shipment({ intangible: true }, [{ commodityCode: '8523490000', value: 9000, eccn: '5D002' }]));
		expect(result.required).toBe(false);
		expect(reasonFor(result, 'OUT_OF_SCOPE_INTANGIBLE')).toMatchObject({ citation: '15 CFR 30.2(d)(3)', ruleId: 'scope.intangible' });
	});

	test('US to Guantanamo Bay Naval Base is excluded although the country is Cuba (15 CFR 30.2(d)(4))', () => {
		const result = decide(shipment({ destination: { country: 'CU', guantanamoBay: true } }, high));
		expect(result).toMatchObject({ required: false, legend: null });
		expect(reasonFor(result, 'OUT_OF_SCOPE_GUANTANAMO')).toMatchObject({ citation: '15 CFR 30.2(d)(4)', ruleId: 'scope.guantanamo' });
	});

	test('Guantanamo Bay Naval Base to Puerto Rico is excluded (15 CFR 30.2(d)(4))', () => {
		const result = decide(shipment({ origin: { country: 'CU', guantanamoBay: true }, destination: { country: 'PR' } }, high));
		expect(reasonFor(result, 'OUT_OF_SCOPE_GUANTANAMO').citation).toBe('15 CFR 30.2(d)(4)');
	});

	test('US to Cuba outside the naval base is an export to Country Group E:2 (15 CFR 758.1(b)(1))', () => {
		const result = decide(shipment({ destination: { country: 'CU' } }));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'E_GROUP_DESTINATION').citation).toBe('15 CFR 758.1(b)(1)');
	});

	test('licensed goods whose ultimate destination is the US are excluded (15 CFR 30.2(d)(5))', () => {
		const result = decide(shipment({ ultimateDestinationUS: true }, [{ commodityCode: '8471300100', value: 10, licenseRequired: true }]));
		expect(result.required).toBe(false);
		expect(reasonFor(result, 'OUT_OF_SCOPE_ULTIMATE_DESTINATION_US')).toMatchObject({
			citation: '15 CFR 30.2(d)(5)',
			ruleId: 'scope.licensed-ultimate-destination-us',
		});
	});

	test('an out-of-scope movement is not required even with an always-file item on it (exclusion precedes 30.2(a)(1)(iv))', () => {
		const result = decide(shipment({ destination: { country: 'GU' } }, [{ commodityCode: '7102100000', value: 5 }]));
		expect(result.required).toBe(false);
	});
});
