import { CURRENT_RULE_SET } from '../../../src/eei';
import { decide, line, reasonFor, shipment } from './helpers';

/** The value exemption of 15 CFR 30.37(a): per 10-digit code and origin D/F, over $2,500 reportable. */
describe('Value test (15 CFR 30.37(a))', () => {
	test('a commodity group of exactly $2,500.00 is exempt: NOEEI 30.37(a)', () => {
		const result = decide(shipment({}, [line({ value: 2500 })]));
		expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)', reportableLines: [], filingDeadline: null });
		expect(reasonFor(result, 'VALUE_AT_OR_UNDER_THRESHOLD')).toMatchObject({ citation: '15 CFR 30.37(a)', ruleId: 'ftr.30.37(a)', items: [0] });
	});

	test('a commodity group of $2,500.01 is reportable', () => {
		const result = decide(shipment({}, [line({ value: 2500.01 })]));
		expect(result.required).toBe(true);
		expect(result.legend).toBeNull();
		expect(reasonFor(result, 'VALUE_OVER_THRESHOLD')).toMatchObject({ citation: '15 CFR 30.37(a)', ruleId: 'ftr.30.37(a)', items: [0] });
		expect(result.reportableLines).toEqual([
			{ commodityCode: '8471300100', originIndicator: 'D', value: 2500, exactValue: 2500.01, items: [0], basis: ['VALUE_OVER_THRESHOLD'] },
		]);
	});

	test('lines of the same code and origin are summed: $1,250.00 + $1,250.01 is reportable', () => {
		const result = decide(shipment({}, [line({ value: 1250 }), line({ commodityCode: '8471 30 0100', value: 1250.01 })]));
		expect(result.required).toBe(true);
		expect(result.reportableLines).toEqual([expect.objectContaining({ exactValue: 2500.01, items: [0, 1] })]);
	});

	test('lines of the same code and origin summing to exactly $2,500.00 are exempt', () => {
		const result = decide(shipment({}, [line({ value: 1000.1 }), line({ value: 1499.9 })]));
		expect(result.legend).toBe('NOEEI 30.37(a)');
	});

	test('domestic and foreign lines of the same code are separate groups: $2,000 D + $2,000 F is exempt', () => {
		const result = decide(shipment({}, [line({ value: 2000 }), line({ value: 2000, originCountry: 'CN' })]));
		expect(result.legend).toBe('NOEEI 30.37(a)');
	});

	test('the foreign group alone over $2,500 is reported, the domestic group of the same code is not', () => {
		const result = decide(shipment({}, [line({ value: 2000 }), line({ value: 2600, originCountry: 'MX' })]));
		expect(result.reportableLines).toEqual([expect.objectContaining({ originIndicator: 'F', items: [1] })]);
	});

	test('goods of Puerto Rico or US Virgin Islands origin are domestic (D) (15 CFR 30.1, 30.6(a)(11))', () => {
		const result = decide(shipment({}, [line({ value: 1300, originCountry: 'PR' }), line({ value: 1300, originCountry: 'VI' })]));
		expect(result.reportableLines).toEqual([expect.objectContaining({ originIndicator: 'D', exactValue: 2600 })]);
		expect(CURRENT_RULE_SET.origin).toMatchObject({ id: 'ftr.30.6(a)(11)', domesticOriginCountries: ['US', 'PR', 'VI'] });
	});

	test('different codes are never summed: two lines of $2,000 under two codes are exempt', () => {
		const result = decide(shipment({}, [line({ value: 2000 }), line({ commodityCode: '9403200000', value: 2000 })]));
		expect(result.required).toBe(false);
	});

	test('in a mixed shipment only the groups over $2,500 are reported', () => {
		const result = decide(shipment({}, [line({ value: 3000 }), line({ commodityCode: '9403200000', value: 100 })]));
		expect(result.reportableLines.map((l) => l.items)).toEqual([[0]]);
		expect(reasonFor(result, 'VALUE_AT_OR_UNDER_THRESHOLD').items).toEqual([1]);
	});

	test('unitValue x quantity is the line value when no line total is given: 833.34 x 3 is reportable', () => {
		const result = decide(shipment({}, [{ commodityCode: '8471300100', unitValue: 833.34, quantity: 3 }]));
		expect(result.reportableLines[0].exactValue).toBe(2500.02);
	});

	test('unitValue x quantity of 833.33 x 3 ($2,499.99) is exempt', () => {
		const result = decide(shipment({}, [{ commodityCode: '8471300100', unitValue: 833.33, quantity: 3 }]));
		expect(result.required).toBe(false);
	});

	test('reported values are whole dollars, 50 cents rounded up (15 CFR 30.6(a)(17))', () => {
		const result = decide(shipment({}, [line({ value: 2600.5 }), line({ commodityCode: '9403200000', value: 2600.49 })]));
		expect(result.reportableLines.map((l) => l.value)).toEqual([2601, 2600]);
	});

	test('values in CNY are accepted; RMB is no ISO 4217 code and is refused naming the field', () => {
		expect(decide(shipment({ currency: 'CNY', exchangeRate: 0.14 }, [line({ value: 20_000 })])).required).toBe(true);
		expect(() => decide(shipment({ currency: 'RMB', exchangeRate: 0.14 }))).toThrow(/currency: "RMB" is not an ISO 4217 currency code/);
	});

	test('values in another currency are converted with the given USD rate: EUR 2,400 at 1.05 is reportable', () => {
		const result = decide(shipment({ currency: 'EUR', exchangeRate: 1.05 }, [line({ value: 2400 })]));
		expect(result.reportableLines[0].exactValue).toBe(2520);
	});

	test('values in another currency are converted with the given USD rate: EUR 2,400 at 1.04 is exempt', () => {
		const result = decide(shipment({ currency: 'EUR', exchangeRate: 1.04 }, [line({ value: 2400 })]));
		expect(result.legend).toBe('NOEEI 30.37(a)');
	});

	test('a vehicle is reportable whatever its value (15 CFR 30.37(a), last sentences)', () => {
		const result = decide(shipment({}, [line({ commodityCode: '8703230190', value: 900, vehicle: true })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'VEHICLE_NOT_VALUE_EXEMPT')).toMatchObject({ citation: '15 CFR 30.37(a)', ruleId: 'ftr.30.37(a).vehicles', items: [0] });
	});

	test('a shipment of $2,500.01 total spread over codes of $2,500 or less is exempt (per code, not per shipment)', () => {
		const result = decide(shipment({}, [line({ value: 2500 }), line({ commodityCode: '9403200000', value: 0.01 })]));
		expect(result.required).toBe(false);
	});
});
