import { codes, decide, line, reasonFor, shipment } from './helpers';

/**
 * Exports from US territories other than Puerto Rico and the US Virgin Islands (Guam, American
 * Samoa, the Northern Mariana Islands, the Minor Outlying Islands) to foreign countries: outside
 * the FTR (15 CFR 30.2(d)(2)), but "The EAR requires that export information be filed for
 * shipments from U.S. Possessions to foreign countries or areas" (15 CFR 30.16(a); 758.1(b);
 * 772.1). Decided by the same cases, with a warning on what stays unsettled.
 */
describe('Exports from US territories to foreign countries (15 CFR 30.16(a), 758.1(b))', () => {
	const from = (origin: string, destination: string, items = [line({ value: 100 })]) =>
		shipment({ origin: { country: origin }, destination: { country: destination } }, items);

	test('Guam to China, an item on the CCL (5A992.c) at $100: EEI required regardless of value (758.1(b)(10))', () => {
		const result = decide(from('GU', 'CN', [line({ value: 100, eccn: '5A992.c' })]));
		expect(result.required).toBe(true);
		expect(result.reasons[0]).toMatchObject({ code: 'IN_SCOPE_EAR_TERRITORY', citation: '15 CFR 30.16(a)', ruleId: 'scope.territory-to-foreign' });
		expect(reasonFor(result, 'CCL_ITEM_TO_CN_RU_VE').citation).toBe('15 CFR 758.1(b)(10)');
	});

	test('Guam to China, an EAR99 item at $100: no always-file case, exempt by value: NOEEI 30.37(a)', () => {
		const result = decide(from('GU', 'CN', [line({ value: 100, eccn: 'EAR99' })]));
		expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)' });
		expect(codes(result)).toContain('IN_SCOPE_EAR_TERRITORY');
	});

	test('American Samoa to Iran (Country Group E:1) at $10: EEI required (758.1(b)(1))', () => {
		const result = decide(from('AS', 'IR', [line({ value: 10 })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'E_GROUP_DESTINATION').citation).toBe('15 CFR 758.1(b)(1)');
	});

	test('Northern Mariana Islands to Japan, a line needing a BIS license at $10: EEI required (758.1(b)(2))', () => {
		const result = decide(from('MP', 'JP', [line({ value: 10, licenseRequired: true })]));
		expect(reasonFor(result, 'BIS_LICENSE').citation).toBe('15 CFR 758.1(b)(2)');
	});

	test('Minor Outlying Islands to Japan at $2,500.01: filed on the cautious reading of 758.1(b)(5), with a warning that says what is unsettled', () => {
		const result = decide(from('UM', 'JP', [line({ value: 2500.01 })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'TERRITORY_EXPORT_UNSETTLED')).toMatchObject({
			citation: '15 CFR 758.1(b)(5)',
			ruleId: 'scope.territory-to-foreign.unsettled',
			severity: 'warning',
			message: expect.stringMatching(/30\.2\(d\)\(2\).*"do not require EEI filing".*except as exempted by the FTR/),
		});
	});

	test('Guam to Japan at $2,500.00: exempt by value, the warning still says the reading is unsettled', () => {
		const result = decide(from('GU', 'JP', [line({ value: 2500 })]));
		expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)' });
		expect(codes(result)).toContain('TERRITORY_EXPORT_UNSETTLED');
	});

	test('Guam to Canada is not under the Canada exemption, which covers shipments from the United States (15 CFR 30.36(a)): decided by value', () => {
		const result = decide(from('GU', 'CA', [line({ value: 3000 })]));
		expect(result.required).toBe(true);
		expect(codes(result)).not.toContain('CANADA_EXEMPT');
	});
});
