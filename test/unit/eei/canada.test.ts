import { codes, decide, line, reasonFor, shipment } from './helpers';

/** The Canada exemption (15 CFR 30.36) and each of its exceptions (b)(1)-(7). */
describe('Shipments to Canada (15 CFR 30.36)', () => {
	const toCanada = (overrides: Record<string, unknown> = {}, items = [line({ value: 50_000 })]) =>
		shipment({ destination: { country: 'CA' }, modeOfTransport: 'truck', ...overrides }, items);

	test('a $50,000 shipment from the US to Canada is exempt: NOEEI 30.36 (15 CFR 30.36(a))', () => {
		const result = decide(toCanada());
		expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.36', reportableLines: [], filingDeadline: null });
		expect(reasonFor(result, 'CANADA_EXEMPT')).toMatchObject({ citation: '15 CFR 30.36(a)', ruleId: 'ftr.30.36(a)' });
	});

	test('foreign-origin goods shipped from the US to Canada are exempt too ("originating in the United States" is the shipment)', () => {
		const result = decide(toCanada({}, [line({ value: 50_000, originCountry: 'CN' })]));
		expect(result.legend).toBe('NOEEI 30.36');
	});

	test('a shipment from Puerto Rico to Canada is not under 30.36 and is decided by value (15 CFR 30.2(a)(1)(i)(B))', () => {
		const result = decide(toCanada({ origin: { country: 'PR' } }));
		expect(result.required).toBe(true);
		expect(codes(result)).not.toContain('CANADA_EXEMPT');
	});

	test('(b)(1): sent for storage in Canada for third countries, the ordinary rules decide: over $2,500 needs EEI', () => {
		const result = decide(toCanada({ canadaStorageForReexport: true }));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'CANADA_STORAGE_FOR_THIRD_COUNTRIES')).toMatchObject({ citation: '15 CFR 30.36(b)(1)', ruleId: 'ftr.30.36(b)(1)' });
		expect(codes(result)).toContain('VALUE_OVER_THRESHOLD');
	});

	test('(b)(1): sent for storage in Canada at $2,500.00, the value exemption applies: NOEEI 30.37(a)', () => {
		const result = decide(toCanada({ canadaStorageForReexport: true }, [line({ value: 2500 })]));
		expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)' });
		expect(codes(result)).toContain('CANADA_STORAGE_FOR_THIRD_COUNTRIES');
	});

	test('(b)(2): moving through Canada to a third country, the ordinary rules decide', () => {
		const result = decide(toCanada({ throughCanadaTo: 'JP' }));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'THROUGH_CANADA_TO_THIRD_COUNTRY')).toMatchObject({ citation: '15 CFR 30.36(b)(2)', ruleId: 'ftr.30.36(b)(2)' });
	});

	test('(b)(2): moving through Canada to a third country at $100 is exempt by value, not by 30.36', () => {
		const result = decide(toCanada({ throughCanadaTo: 'JP' }, [line({ value: 100 })]));
		expect(result.legend).toBe('NOEEI 30.37(a)');
	});

	test('(b)(3): a DDTC license takes the shipment out of the Canada exemption', () => {
		const result = decide(toCanada({}, [line({ value: 10, itar: true, licenseRequired: true })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'CANADA_EXCEPTION')).toMatchObject({ citation: '15 CFR 30.36(b)(3)', ruleId: 'ftr.30.2(a)(1)(iv)(B)' });
	});

	test('(b)(4): a BIS license takes the shipment out of the Canada exemption', () => {
		const result = decide(toCanada({}, [line({ value: 10, licenseRequired: true })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'CANADA_EXCEPTION').citation).toBe('15 CFR 30.36(b)(4)');
	});

	test('(b)(4): reporting under 758.1(b) (9x515) takes the shipment out of the Canada exemption', () => {
		const result = decide(toCanada({}, [line({ value: 10, eccn: '9A515.a' })]));
		expect(codes(result)).toEqual(expect.arrayContaining(['SERIES_600_OR_9X515', 'CANADA_EXCEPTION']));
	});

	test('(b)(5): an ITAR license-exempt item takes the shipment out of the Canada exemption', () => {
		const result = decide(toCanada({}, [line({ value: 10, itar: true })]));
		expect(reasonFor(result, 'CANADA_EXCEPTION').citation).toBe('15 CFR 30.36(b)(5)');
	});

	test('(b)(6): rough diamonds take the shipment out of the Canada exemption', () => {
		const result = decide(toCanada({}, [line({ value: 10, commodityCode: '7102210000' })]));
		expect(reasonFor(result, 'CANADA_EXCEPTION').citation).toBe('15 CFR 30.36(b)(6)');
	});

	test('(b)(7): a used self-propelled vehicle takes the shipment out of the Canada exemption', () => {
		const result = decide(toCanada({}, [line({ value: 10, commodityCode: '8703230190', usedVehicle: true })]));
		expect(reasonFor(result, 'CANADA_EXCEPTION').citation).toBe('15 CFR 30.36(b)(7)');
	});

	describe('a new vehicle to Canada: 30.37(a) files vehicles "regardless of value or country of destination", 30.36(b)(7) excepts used vehicles only', () => {
		test('a new $2,000 vehicle to Canada is filed on the cautious reading, the reason citing both paragraphs', () => {
			const result = decide(toCanada({}, [line({ value: 2000, commodityCode: '8703230190', vehicle: true })]));
			expect(result.required).toBe(true);
			expect(codes(result)).not.toContain('CANADA_EXEMPT');
			expect(reasonFor(result, 'VEHICLE_TO_CANADA_FILED')).toMatchObject({
				citation: '15 CFR 30.37(a)',
				ruleId: 'ftr.30.37(a).vehicles-to-canada',
				severity: 'warning',
				items: [0],
				message: expect.stringMatching(/regardless of value or country of destination.*30\.36\(b\)\(7\)/),
			});
			expect(result.reportableLines).toEqual([expect.objectContaining({ items: [0], basis: ['VEHICLE_NOT_VALUE_EXEMPT'] })]);
		});

		test('a $2,000 line that is no vehicle, to Canada, stays under the Canada exemption: NOEEI 30.36', () => {
			const result = decide(toCanada({}, [line({ value: 2000, commodityCode: '8703230190' })]));
			expect(result.legend).toBe('NOEEI 30.36');
		});

		test('beside the vehicle, a $2,000 line of another code keeps the value exemption', () => {
			const result = decide(
				toCanada({}, [line({ value: 2000, commodityCode: '8703230190', vehicle: true }), line({ value: 2000, commodityCode: '9403200000' })]),
			);
			expect(result.reportableLines.map((l) => l.items)).toEqual([[0]]);
		});
	});

	test('with an exception, the low-value lines keep the value exemption; only the excepted line is reported', () => {
		const result = decide(toCanada({}, [line({ value: 10, licenseRequired: true }), line({ commodityCode: '9403200000', value: 2000 })]));
		expect(result.reportableLines.map((l) => l.items)).toEqual([[0]]);
	});
});
