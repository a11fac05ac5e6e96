import { codes, decide, line, reasonFor, shipment } from './helpers';

/**
 * 15 CFR 30.37(x): "Shipments exported under license exception Baggage (BAG) (15 CFR 740.14)"
 * need no EEI; 15 CFR 758.1(c)(1) points there. Applied from the line's license exception,
 * without a claim, unless an always-file case applies.
 */
describe('License Exception BAG (15 CFR 30.37(x), 758.1(c)(1))', () => {
	test('a $3,000 line under BAG with no always-file case: NOEEI 30.37(x), the reason says so', () => {
		const result = decide(shipment({}, [line({ value: 3000, licenseException: 'BAG' })]));
		expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(x)', reportableLines: [] });
		expect(reasonFor(result, 'LICENSE_EXCEPTION_BAG_EXEMPT')).toMatchObject({
			citation: '15 CFR 30.37(x)',
			ruleId: 'ftr.30.37(x)',
			items: [0],
			message: expect.stringMatching(/License Exception BAG.*758\.1\(c\)\(1\)/),
		});
	});

	test('the same $3,000 line under no license exception is filed (15 CFR 30.37(a))', () => {
		expect(decide(shipment({}, [line({ value: 3000 })])).required).toBe(true);
	});

	test('under BAG to Iran (Country Group E:1) EEI is still required: 758.1(b)(1) applies regardless of value', () => {
		const result = decide(shipment({ destination: { country: 'IR' } }, [line({ value: 3000, licenseException: 'BAG' })]));
		expect(result.required).toBe(true);
		expect(codes(result)).not.toContain('LICENSE_EXCEPTION_BAG_EXEMPT');
	});

	test('a BAG line that needs a license is filed (758.1(b)(2))', () => {
		const result = decide(shipment({}, [line({ value: 3000, licenseException: 'BAG', licenseRequired: true })]));
		expect(result.required).toBe(true);
		expect(codes(result)).toContain('BIS_LICENSE');
	});

	test('beside a $3,000 BAG line, a $3,000 line of the same code not under BAG is reported alone', () => {
		const result = decide(shipment({}, [line({ value: 3000, licenseException: 'BAG' }), line({ value: 3000 })]));
		expect(result.required).toBe(true);
		expect(result.reportableLines).toEqual([expect.objectContaining({ items: [1], value: 3000 })]);
		expect(reasonFor(result, 'LICENSE_EXCEPTION_BAG_EXEMPT').items).toEqual([0]);
	});

	test('beside a BAG line, a $100 line keeps the value exemption: the legend is NOEEI 30.37(a)', () => {
		const result = decide(shipment({}, [line({ value: 3000, licenseException: 'BAG' }), line({ value: 100, commodityCode: '9403200000' })]));
		expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)' });
	});

	test('in a filing required by another line (a BIS license), the BAG line is not reported', () => {
		const result = decide(shipment({}, [line({ value: 10, licenseRequired: true }), line({ value: 3000, commodityCode: '9403200000', licenseException: 'BAG' })]));
		expect(result.reportableLines.map((l) => l.items)).toEqual([[0]]);
	});
});
