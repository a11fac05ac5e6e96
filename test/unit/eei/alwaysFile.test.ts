import { CURRENT_RULE_SET } from '../../../src/eei';
import { codes, decide, line, reasonFor, shipment } from './helpers';

/**
 * EEI regardless of value (15 CFR 30.2(a)(1)(iv)) and the reporting cases of 15 CFR 758.1(b):
 * each is shown with a low-value line, so that only the case can make EEI required.
 */
describe('Always-file cases (15 CFR 30.2(a)(1)(iv), 15 CFR 758.1(b))', () => {
	const low = (overrides: Record<string, unknown> = {}) => line({ value: 10, ...overrides });

	describe('15 CFR 758.1(b)(1): Country Group E:1 / E:2 destinations', () => {
		test.each(['IR', 'KP', 'SY', 'CU'])('a $10 export to %s needs EEI', (country) => {
			const result = decide(shipment({ destination: { country } }, [low()]));
			expect(result.required).toBe(true);
			expect(result.legend).toBeNull();
			expect(reasonFor(result, 'E_GROUP_DESTINATION')).toMatchObject({ citation: '15 CFR 758.1(b)(1)', ruleId: 'ear.758.1(b)(1)' });
		});

		test('every line is reported, however small, when the destination is in E:1', () => {
			const result = decide(
				shipment({ destination: { country: 'IR' } }, [low(), low({ commodityCode: '6109100010', originCountry: 'CN' })]),
			);
			expect(result.reportableLines).toEqual([
				expect.objectContaining({ commodityCode: '8471300100', originIndicator: 'D', items: [0], basis: ['E_GROUP_DESTINATION'] }),
				expect.objectContaining({ commodityCode: '6109100010', originIndicator: 'F', items: [1], basis: ['E_GROUP_DESTINATION'] }),
			]);
		});

		test('a 30.37(y) exemption claimed for an E:1 destination lifts the case when no license is needed', () => {
			const result = decide(shipment({ destination: { country: 'SY' }, exemption: '30.37(y)(4)' }, [low()]));
			expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(y)(4)' });
			expect(codes(result)).toEqual(expect.arrayContaining(['ALWAYS_FILE_LIFTED_BY_CLAIM', 'EXEMPTION_CLAIMED']));
		});

		test('a 30.37(y) claim does not lift the E:2 case when a line needs a license', () => {
			const result = decide(shipment({ destination: { country: 'CU' }, exemption: '30.37(y)(4)' }, [low({ licenseRequired: true })]));
			expect(result.required).toBe(true);
			expect(codes(result)).toEqual(expect.arrayContaining(['E_GROUP_DESTINATION', 'BIS_LICENSE', 'EXEMPTION_CLAIM_OVERRIDDEN']));
		});

		test('the ultimate destination counts: through Canada to Iran is an E:1 export', () => {
			const result = decide(shipment({ destination: { country: 'CA' }, throughCanadaTo: 'IR' }, [low()]));
			expect(reasonFor(result, 'E_GROUP_DESTINATION')).toMatchObject({ citation: '15 CFR 758.1(b)(1)', ruleId: 'ear.758.1(b)(1)' });
		});
	});

	test('15 CFR 758.1(b)(2): a line needing a BIS license makes EEI required', () => {
		const result = decide(shipment({}, [low({ licenseRequired: true, eccn: '3A001.a.1' })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'BIS_LICENSE')).toMatchObject({ citation: '15 CFR 758.1(b)(2)', ruleId: 'ear.758.1(b)(2)', items: [0] });
	});

	describe('15 CFR 758.1(b)(3): "600 series" and 9x515, paragraphs .a-.x', () => {
		test.each(['9A610.a', '0A606.b.1', '3A611.x', '9A515.a', '9E515.x', '9A610'])('%s needs EEI at $10', (eccn) => {
			const result = decide(shipment({}, [low({ eccn })]));
			expect(reasonFor(result, 'SERIES_600_OR_9X515')).toMatchObject({ citation: '15 CFR 758.1(b)(3)', ruleId: 'ear.758.1(b)(3)' });
		});

		test.each(['9A610.y.1', '9A515.y.2'])('%s (paragraph .y) is not a 758.1(b)(3) case', (eccn) => {
			const result = decide(shipment({}, [low({ eccn })]));
			expect(result.required).toBe(false);
			expect(result.legend).toBe('NOEEI 30.37(a)');
		});

		test('a 600-series item to Canada needs EEI too (Canada included)', () => {
			const result = decide(shipment({ destination: { country: 'CA' } }, [low({ eccn: '9A610.a' })]));
			expect(result.required).toBe(true);
			expect(reasonFor(result, 'CANADA_EXCEPTION').citation).toBe('15 CFR 30.36(b)(4)');
		});
	});

	test('15 CFR 758.1(b)(4): License Exception STA makes EEI required', () => {
		const result = decide(shipment({}, [low({ eccn: '3A001.b', licenseException: 'sta' })]));
		expect(reasonFor(result, 'LICENSE_EXCEPTION_STA')).toMatchObject({ citation: '15 CFR 758.1(b)(4)', ruleId: 'ear.758.1(b)(4)' });
	});

	test('15 CFR 758.1(b)(7): authorization VEU makes EEI required', () => {
		const result = decide(shipment({ destination: { country: 'IN' } }, [low({ eccn: '3B001.a', licenseException: 'VEU' })]));
		expect(reasonFor(result, 'VALIDATED_END_USER')).toMatchObject({ citation: '15 CFR 758.1(b)(7)', ruleId: 'ear.758.1(b)(7)' });
	});

	test('15 CFR 758.1(b)(8): a party on the Unverified List makes EEI required for every line', () => {
		const result = decide(shipment({ unverifiedListParty: true }, [low(), low({ commodityCode: '9403200000' })]));
		expect(reasonFor(result, 'UNVERIFIED_LIST_PARTY')).toMatchObject({ citation: '15 CFR 758.1(b)(8)', ruleId: 'ear.758.1(b)(8)' });
		expect(result.reportableLines.map((l) => l.items)).toEqual([[0], [1]]);
	});

	describe('15 CFR 758.1(b)(9): firearms and ammunition', () => {
		test.each(['0A501.a', '0A501.b', '0A502', '0A505.a', '0A505.d', '0A506.a', '0A507.b', '0A508.a.1'])(
			'%s needs EEI at $10',
			(eccn) => {
				const result = decide(shipment({}, [low({ eccn })]));
				expect(reasonFor(result, 'FIREARMS')).toMatchObject({ citation: '15 CFR 758.1(b)(9)', ruleId: 'ear.758.1(b)(9)' });
			},
		);

		test.each(['0A505.c', '0A501.c', '0A501.x'])('%s is not a 758.1(b)(9) case', (eccn) => {
			const result = decide(shipment({}, [low({ eccn })]));
			expect(codes(result)).not.toContain('FIREARMS');
		});

		test('firearms under License Exception BAG are not a 758.1(b)(9) case, and BAG exempts them (15 CFR 30.37(x))', () => {
			const result = decide(shipment({}, [low({ eccn: '0A501.a', licenseException: 'BAG' })]));
			expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(x)' });
		});

		test('firearms to Canada need EEI (Canada included)', () => {
			const result = decide(shipment({ destination: { country: 'CA' } }, [low({ eccn: '0A501.a' })]));
			expect(result.required).toBe(true);
			expect(codes(result)).toEqual(expect.arrayContaining(['FIREARMS', 'CANADA_EXCEPTION']));
		});
	});

	describe('15 CFR 758.1(b)(10): items on the Commerce Control List to China, Russia, Venezuela', () => {
		test.each(['CN', 'RU', 'VE'])('a $10 item with ECCN 5A992.c to %s needs EEI', (country) => {
			const result = decide(shipment({ destination: { country } }, [low({ eccn: '5A992.c' })]));
			expect(reasonFor(result, 'CCL_ITEM_TO_CN_RU_VE')).toMatchObject({ citation: '15 CFR 758.1(b)(10)', ruleId: 'ear.758.1(b)(10)' });
		});

		test('an EAR99 item to China is decided by value', () => {
			const result = decide(shipment({ destination: { country: 'CN' } }, [low({ eccn: 'EAR99' })]));
			expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)' });
		});

		test('a CCL item to Germany is not a 758.1(b)(10) case', () => {
			const result = decide(shipment({}, [low({ eccn: '5A992.c' })]));
			expect(result.required).toBe(false);
		});

		test('only the CCL line is reported; an EAR99 line at $10 keeps the value exemption (15 CFR 30.37(a))', () => {
			const result = decide(
				shipment({ destination: { country: 'CN' } }, [low({ eccn: '5A992.c' }), low({ commodityCode: '6109100010', eccn: 'EAR99' })]),
			);
			expect(result.reportableLines).toEqual([expect.objectContaining({ items: [0], basis: ['CCL_ITEM_TO_CN_RU_VE'] })]);
			expect(reasonFor(result, 'VALUE_AT_OR_UNDER_THRESHOLD').items).toEqual([1]);
		});

		test('a line without ECCN to China is taken as EAR99 and flagged', () => {
			const result = decide(shipment({ destination: { country: 'CN' } }, [low()]));
			expect(result.required).toBe(false);
			expect(reasonFor(result, 'ECCN_NOT_GIVEN')).toMatchObject({ citation: '15 CFR 758.1(b)(10)', items: [0] });
		});

		test('Note to 758.1(b)(10): a $100 item with ECCN 5A992.c to Hong Kong needs EEI regardless of value (85 FR 83765)', () => {
			const result = decide(shipment({ destination: { country: 'HK' } }, [line({ value: 100, eccn: '5A992.c' })]));
			expect(result.required).toBe(true);
			expect(reasonFor(result, 'CCL_ITEM_TO_CN_RU_VE')).toMatchObject({
				citation: '15 CFR 758.1(b)(10)',
				ruleId: 'ear.758.1(b)(10).note-hong-kong',
				items: [0],
				message: expect.stringMatching(/Hong Kong.*85 FR 83765/),
			});
			expect(result.reportableLines).toEqual([expect.objectContaining({ items: [0], basis: ['CCL_ITEM_TO_CN_RU_VE'] })]);
		});

		test('Note to 758.1(b)(10): a $100 EAR99 item to Hong Kong is decided by value: NOEEI 30.37(a)', () => {
			const result = decide(shipment({ destination: { country: 'HK' } }, [line({ value: 100, eccn: 'EAR99' })]));
			expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)' });
		});

		test('Note to 758.1(b)(10): the Hong Kong group is HK alone, dated 23 Dec 2020, its Note verified from the Census notice (group.758.1(b)(10).note)', () => {
			const group = CURRENT_RULE_SET.countryGroups.find((g) => g.id === 'group.758.1(b)(10).note');
			expect(group).toMatchObject({ countries: ['HK'], effectiveDate: '2020-12-23' });
			expect(group?.verification).toMatch(/Census Bureau.*29 Dec 2020/);
		});

		test('the 758.1(b)(10) destinations are China, Russia and Venezuela as the 2025 text names them (group.758.1(b)(10))', () => {
			const group = CURRENT_RULE_SET.countryGroups.find((g) => g.id === 'group.758.1(b)(10)');
			expect(group?.countries).toEqual(['CN', 'RU', 'VE']);
		});

		test('a line without ECCN to Hong Kong is taken as EAR99 and flagged with a warning', () => {
			const result = decide(shipment({ destination: { country: 'HK' } }, [low()]));
			expect(reasonFor(result, 'ECCN_NOT_GIVEN')).toMatchObject({ ruleId: 'advice.758.1(b)(10).missing-eccn', severity: 'warning', items: [0] });
		});

		test('an exemption claimed under 30.39 (License Exception GOV, 758.1(c)(4)) lifts the Hong Kong case too', () => {
			const result = decide(shipment({ destination: { country: 'HK' }, exemption: '30.39' }, [low({ eccn: '5A992.c' })]));
			expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.39' });
			expect(reasonFor(result, 'ALWAYS_FILE_LIFTED_BY_CLAIM')).toMatchObject({ ruleId: 'claim.outcome.lifted', citation: '15 CFR 30.39' });
		});

		test('an exemption claimed under 30.39 (License Exception GOV, 758.1(c)(4)) lifts the case', () => {
			const result = decide(shipment({ destination: { country: 'CN' }, exemption: '30.39' }, [low({ eccn: '5A992.c' })]));
			expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.39' });
		});
	});

	describe('15 CFR 758.1(b)(11): ECCN 3A069 to Country Group D', () => {
		test.each(['CN', 'AE', 'VN'])('3A069 to %s needs EEI', (country) => {
			const result = decide(shipment({ destination: { country } }, [low({ eccn: '3A069.a' })]));
			expect(reasonFor(result, 'ECCN_3A069_TO_GROUP_D')).toMatchObject({ citation: '15 CFR 758.1(b)(11)', ruleId: 'ear.758.1(b)(11)' });
		});

		test('3A069 to Germany (not in Group D) is decided by value', () => {
			const result = decide(shipment({}, [low({ eccn: '3A069.a' })]));
			expect(result.required).toBe(false);
		});
	});

	test('15 CFR 30.2(a)(1)(iv)(B): a line needing a DDTC license makes EEI required', () => {
		const result = decide(shipment({}, [low({ itar: true, licenseRequired: true })]));
		expect(reasonFor(result, 'ITAR_LICENSE')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(iv)(B)', ruleId: 'ftr.30.2(a)(1)(iv)(B)' });
	});

	test('15 CFR 30.2(a)(1)(iv)(C): a line subject to the ITAR but license-exempt makes EEI required', () => {
		const result = decide(shipment({}, [low({ itar: true })]));
		expect(reasonFor(result, 'ITAR_LICENSE_EXEMPT')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(iv)(C)', ruleId: 'ftr.30.2(a)(1)(iv)(C)' });
		expect(codes(result)).not.toContain('ITAR_LICENSE');
	});

	test('15 CFR 30.2(a)(1)(iv)(D): a DEA export permit makes EEI required', () => {
		const result = decide(shipment({}, [low({ otherAgencyLicense: 'DEA' })]));
		expect(reasonFor(result, 'DEA_PERMIT')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(iv)(D)', ruleId: 'ftr.30.2(a)(1)(iv)(D)' });
	});

	test('15 CFR 30.2(a)(1)(iv)(E): an NRC license makes EEI required', () => {
		const result = decide(shipment({}, [low({ licenseRequired: true, licenseType: 'nrc' })]));
		expect(reasonFor(result, 'NRC_LICENSE')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(iv)(E)', ruleId: 'ftr.30.2(a)(1)(iv)(E)' });
		expect(codes(result)).not.toContain('BIS_LICENSE');
	});

	test('15 CFR 30.2(a)(1)(iv)(F): a license from any other federal agency makes EEI required', () => {
		const result = decide(shipment({}, [low({ otherAgencyLicense: true })]));
		expect(reasonFor(result, 'OTHER_AGENCY_LICENSE')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(iv)(F)', ruleId: 'ftr.30.2(a)(1)(iv)(F)' });
	});

	test.each(['7102100000', '7102.21.1000', '7102310000'])(
		'15 CFR 30.2(a)(1)(iv)(G): rough diamonds %s need EEI at $10',
		(commodityCode) => {
			const result = decide(shipment({}, [low({ commodityCode })]));
			expect(reasonFor(result, 'ROUGH_DIAMONDS')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(iv)(G)', ruleId: 'ftr.30.2(a)(1)(iv)(G)' });
		},
	);

	test('worked diamonds (HS 7102.39) are not rough diamonds', () => {
		const result = decide(shipment({}, [low({ commodityCode: '7102390010' })]));
		expect(result.required).toBe(false);
	});

	test('15 CFR 30.2(a)(1)(iv)(H): a used self-propelled vehicle needs EEI at $10', () => {
		const result = decide(shipment({}, [low({ commodityCode: '8703230190', usedVehicle: true })]));
		expect(reasonFor(result, 'USED_SELF_PROPELLED_VEHICLE')).toMatchObject({ citation: '15 CFR 30.2(a)(1)(iv)(H)', ruleId: 'ftr.30.2(a)(1)(iv)(H)' });
	});

	test('only the always-file line is reported; a $10 line of another code keeps the value exemption (15 CFR 30.37(a))', () => {
		const result = decide(shipment({}, [low({ licenseRequired: true }), low({ commodityCode: '9403200000' })]));
		expect(result.reportableLines).toEqual([expect.objectContaining({ items: [0], basis: ['BIS_LICENSE'] })]);
		expect(reasonFor(result, 'VALUE_AT_OR_UNDER_THRESHOLD').items).toEqual([1]);
	});

	test('an always-file case and a line over $2,500 are both reported', () => {
		const result = decide(shipment({}, [low({ itar: true }), line({ commodityCode: '9403200000', value: 3000 })]));
		expect(result.reportableLines.map((l) => l.basis)).toEqual([['ITAR_LICENSE_EXEMPT'], ['VALUE_OVER_THRESHOLD']]);
	});

	test('an explicit exemption claim yields to an always-file case (15 CFR 30.2(a)(1)(iv))', () => {
		const result = decide(shipment({ exemption: '30.37(h)' }, [low({ licenseRequired: true })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'EXEMPTION_CLAIM_OVERRIDDEN').citation).toBe('15 CFR 30.2(a)(1)(iv)');
	});
});
