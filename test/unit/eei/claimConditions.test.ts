import { CURRENT_RULE_SET } from '../../../src/eei';
import { codes, decide, line, reasonFor, shipment } from './helpers';

/**
 * A claimed exemption is honoured only when every condition of its paragraph is met: those the
 * data can show are checked (destination, value per Schedule B number, license exception,
 * excluded items), the others are listed in a warning (15 CFR 30.37, 30.39, 30.40).
 */
describe('Conditions of claimed exemptions', () => {
	describe('15 CFR 30.37(y)(2): GOV shipments to E:1/E:2 "valued at $2500 or less per Schedule B Number"', () => {
		const toCuba = (items: Record<string, unknown>[]) => shipment({ destination: { country: 'CU' }, exemption: '30.37(y)(2)' }, items);
		const gov = (value: number, commodityCode = '8471300100') => line({ value, commodityCode, licenseException: 'GOV' });

		test('$2,500.00 under one Schedule B number, exported under GOV, to Cuba: NOEEI 30.37(y)(2)', () => {
			const result = decide(toCuba([gov(2500)]));
			expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(y)(2)' });
			expect(reasonFor(result, 'EXEMPTION_CLAIMED')).toMatchObject({ ruleId: 'claim.30.37(y)(2)', citation: '15 CFR 30.37(y)(2)' });
		});

		test('$2,500.01 under one Schedule B number: the condition fails, the E:2 case stands and EEI is filed', () => {
			const result = decide(toCuba([gov(2500.01)]));
			expect(result.required).toBe(true);
			expect(codes(result)).toContain('E_GROUP_DESTINATION');
			expect(codes(result)).not.toContain('ALWAYS_FILE_LIFTED_BY_CLAIM');
		});

		test('$3,000 under one Schedule B number (the review case) is filed, not NOEEI 30.37(y)(2)', () => {
			expect(decide(toCuba([gov(3000)])).legend).toBeNull();
		});

		test('lines of one Schedule B number are summed whatever their origin: $1,500 D + $1,000.01 F is over $2,500', () => {
			const result = decide(toCuba([gov(1500), { ...gov(1000.01), originCountry: 'DE' }]));
			expect(result.required).toBe(true);
		});

		test('two Schedule B numbers of $2,000 each stay within the limit', () => {
			expect(decide(toCuba([gov(2000), gov(2000, '9403200000')])).legend).toBe('NOEEI 30.37(y)(2)');
		});

		test('a line under another license exception (BAG) does not meet "exported under License Exception GOV"', () => {
			const result = decide(toCuba([line({ value: 100, licenseException: 'BAG' })]));
			expect(result.required).toBe(true);
			expect(codes(result)).toContain('E_GROUP_DESTINATION');
		});

		test('a line naming no license exception leaves GOV unverified: honoured with a warning that lists what the data cannot show', () => {
			const result = decide(toCuba([line({ value: 100 })]));
			expect(result.legend).toBe('NOEEI 30.37(y)(2)');
			expect(reasonFor(result, 'EXEMPTION_CLAIM_UNVERIFIED')).toMatchObject({
				ruleId: 'claim.outcome.unverified',
				citation: '15 CFR 30.37(y)(2)',
				severity: 'warning',
				message: expect.stringMatching(/US government agencies and employees.*License Exception GOV \(.*items 0 name no license exception/),
			});
		});
	});

	describe('15 CFR 30.37(f): "However, EEI is required for mass-market software"', () => {
		const software = (overrides: Record<string, unknown>) =>
			shipment({ exemption: '30.37(f)' }, [line({ commodityCode: '8523490000', value: 3000, ...overrides })]);

		test('mass-market software over $2,500 under a 30.37(f) claim is not exempt: the claim fails and the value test files it', () => {
			const result = decide(software({ massMarketSoftware: true }));
			expect(result.required).toBe(true);
			expect(reasonFor(result, 'EXEMPTION_CLAIM_CONDITION_NOT_MET')).toMatchObject({
				ruleId: 'claim.outcome.condition-not-met',
				citation: '15 CFR 30.37(f)',
				message: expect.stringMatching(/mass-market software/),
			});
			expect(codes(result)).toContain('VALUE_OVER_THRESHOLD');
		});

		test('mass-market software of $2,500.00 under a 30.37(f) claim is exempt by value, not by the claim: NOEEI 30.37(a)', () => {
			expect(decide(software({ massMarketSoftware: true, value: 2500 })).legend).toBe('NOEEI 30.37(a)');
		});

		test('software stated not to be mass-market, $3,000, no license: NOEEI 30.37(f)', () => {
			const result = decide(software({ massMarketSoftware: false }));
			expect(result.legend).toBe('NOEEI 30.37(f)');
			expect(reasonFor(result, 'EXEMPTION_CLAIM_UNVERIFIED').message).not.toMatch(/massMarketSoftware/);
		});

		test('software whose mass-market status is not stated: honoured, with a warning that the data cannot show it', () => {
			const result = decide(software({}));
			expect(result.legend).toBe('NOEEI 30.37(f)');
			expect(reasonFor(result, 'EXEMPTION_CLAIM_UNVERIFIED').message).toMatch(/do not state massMarketSoftware/);
		});
	});

	describe('claims that set a license exception', () => {
		test('15 CFR 30.37(h): a $3,000 gift parcel under License Exception GFT is exempt without a warning on GFT', () => {
			const result = decide(shipment({ exemption: '30.37(h)' }, [line({ value: 3000, licenseException: 'GFT' })]));
			expect(result.legend).toBe('NOEEI 30.37(h)');
			expect(codes(result)).not.toContain('EXEMPTION_CLAIM_UNVERIFIED');
		});

		test('15 CFR 30.37(h): a $3,000 line under License Exception TMP is not a GFT shipment: filed by value', () => {
			const result = decide(shipment({ exemption: '30.37(h)' }, [line({ value: 3000, licenseException: 'TMP' })]));
			expect(result.required).toBe(true);
			expect(codes(result)).toContain('EXEMPTION_CLAIM_CONDITION_NOT_MET');
		});

		test('15 CFR 30.37(y)(6): tools of trade under TMP to Iran are exempt; under GFT they are not', () => {
			const claim = (licenseException: string) =>
				decide(shipment({ destination: { country: 'IR' }, exemption: '30.37(y)(6)' }, [line({ value: 100, licenseException })]));
			expect(claim('TMP').legend).toBe('NOEEI 30.37(y)(6)');
			expect(claim('GFT').required).toBe(true);
		});
	});

	test('15 CFR 30.37(y): a (y) claim for a destination outside E:1/E:2 is not applicable (claim.outcome.not-applicable)', () => {
		const result = decide(shipment({ exemption: '30.37(y)(4)' }, [line({ value: 3000, licenseException: 'GFT' })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'EXEMPTION_CLAIM_NOT_APPLICABLE')).toMatchObject({
			ruleId: 'claim.outcome.not-applicable',
			citation: '15 CFR 30.37(y)(4)',
			message: expect.stringMatching(/Country Group E:1 or E:2.*not DE/),
		});
	});

	test('15 CFR 30.2(a)(1)(iv): a claim yields to an always-file case (claim.outcome.overridden)', () => {
		const result = decide(shipment({ exemption: '30.37(q)' }, [line({ value: 10, licenseRequired: true })]));
		expect(reasonFor(result, 'EXEMPTION_CLAIM_OVERRIDDEN')).toMatchObject({ ruleId: 'claim.outcome.overridden', citation: '15 CFR 30.2(a)(1)(iv)' });
	});

	/**
	 * Every claimable paragraph, on a plain $3,000 export to Germany (or Iran for 30.37(y)), under
	 * the license exception its paragraph names: honoured with its legend, and the warning lists
	 * exactly the conditions the data cannot show.
	 */
	test.each([
		['claim.30.37(b)', '30.37(b)', 'DE', undefined],
		['claim.30.37(c)', '30.37(c)', 'DE', undefined],
		['claim.30.37(d)', '30.37(d)', 'DE', undefined],
		['claim.30.37(f)', '30.37(f)', 'DE', undefined],
		['claim.30.37(g)', '30.37(g)', 'DE', undefined],
		['claim.30.37(h)', '30.37(h)', 'DE', 'GFT'],
		['claim.30.37(i)', '30.37(i)', 'DE', undefined],
		['claim.30.37(j)', '30.37(j)', 'DE', undefined],
		['claim.30.37(k)', '30.37(k)', 'DE', undefined],
		['claim.30.37(l)', '30.37(l)', 'DE', undefined],
		['claim.30.37(m)', '30.37(m)', 'DE', undefined],
		['claim.30.37(n)', '30.37(n)', 'DE', undefined],
		['claim.30.37(o)', '30.37(o)', 'DE', 'AVS'],
		['claim.30.37(p)', '30.37(p)', 'DE', undefined],
		['claim.30.37(q)', '30.37(q)', 'DE', undefined],
		['claim.30.37(r)', '30.37(r)', 'DE', undefined],
		['claim.30.37(s)', '30.37(s)', 'DE', undefined],
		['claim.30.37(t)', '30.37(t)', 'DE', undefined],
		['claim.30.37(v)', '30.37(v)', 'DE', undefined],
		['claim.30.37(w)', '30.37(w)', 'DE', undefined],
		['claim.30.37(x)', '30.37(x)', 'DE', 'BAG'],
		['claim.30.37(y)(1)', '30.37(y)(1)', 'IR', undefined],
		['claim.30.37(y)(2)', '30.37(y)(2)', 'IR', 'GOV'],
		['claim.30.37(y)(3)', '30.37(y)(3)', 'IR', 'BAG'],
		['claim.30.37(y)(4)', '30.37(y)(4)', 'IR', 'GFT'],
		['claim.30.37(y)(5)', '30.37(y)(5)', 'IR', 'AVS'],
		['claim.30.37(y)(6)', '30.37(y)(6)', 'IR', 'TMP'],
		['claim.30.39', '30.39', 'DE', undefined],
		['claim.30.40(a)', '30.40(a)', 'DE', undefined],
		['claim.30.40(b)', '30.40(b)', 'DE', undefined],
		['claim.30.40(c)', '30.40(c)', 'DE', undefined],
	])('%s: honoured when its conditions hold, legend NOEEI %s', (ruleId, exemption, country, licenseException) => {
		const value = exemption === '30.37(y)(2)' ? 2000 : 3000;
		const result = decide(shipment({ destination: { country }, exemption }, [line({ value, licenseException, massMarketSoftware: false })]));
		expect(result).toMatchObject({ required: false, legend: `NOEEI ${exemption}` });
		expect(reasonFor(result, 'EXEMPTION_CLAIMED').ruleId).toBe(ruleId);
		const record = CURRENT_RULE_SET.claimableExemptions.find((c) => c.id === ruleId);
		if (record?.unverifiable.length) {
			expect(reasonFor(result, 'EXEMPTION_CLAIM_UNVERIFIED').message).toContain(record.unverifiable[0]);
		} else {
			expect(codes(result)).not.toContain('EXEMPTION_CLAIM_UNVERIFIED');
		}
	});
});
