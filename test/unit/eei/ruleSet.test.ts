import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { compileRuleSet, CURRENT_RULE_SET, ruleRecords, type RuleSet } from '../../../src/eei';
import { decide, line, shipment } from './helpers';

const CITATION = /^15 CFR \d+\.\d+(\([a-zA-Z0-9]+\))*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const records = ruleRecords;

describe('Rule data: dated, cited, and amendable as data', () => {
	test.each(records(CURRENT_RULE_SET).map((r) => [r.id, r] as const))('rule %s is cited as "15 CFR x.y(z)" and dated', (_id, record) => {
		expect(record.citation).toMatch(CITATION);
		expect(record.effectiveDate).toMatch(DATE);
		expect(record.code).toMatch(/^[A-Z0-9_]+$/);
	});

	test('rule ids are unique', () => {
		const ids = records(CURRENT_RULE_SET).map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	test('every Canada exception citation names a paragraph of 15 CFR 30.36', () => {
		for (const rule of CURRENT_RULE_SET.alwaysFile) expect(rule.canadaException).toMatch(/^15 CFR 30\.36\((a|b)\)(\([1-7]\))?$/);
	});

	test('Country Groups E:1 (IR, KP, SY) and E:2 (CU) are dated data (Supp. No. 1 to part 740)', () => {
		const byId = new Map(CURRENT_RULE_SET.countryGroups.map((g) => [g.id, g]));
		expect(byId.get('group.E:1')).toMatchObject({ name: 'E:1', countries: ['IR', 'KP', 'SY'], effectiveDate: '2026-07-01' });
		expect(byId.get('group.E:2')).toMatchObject({ name: 'E:2', countries: ['CU'] });
	});

	test('Country Group D holds Hong Kong as part of China since 85 FR 83765, and says what of it is not re-verified', () => {
		const d = CURRENT_RULE_SET.countryGroups.find((g) => g.id === 'group.D');
		expect(d?.countries).toEqual(expect.arrayContaining(['CN', 'HK', 'MO', 'RU', 'VE']));
		expect(d?.verification).toMatch(/not re-verified/);
	});

	test('every country group states what was verified of it, against which source, and when', () => {
		for (const group of CURRENT_RULE_SET.countryGroups) expect(group.verification).toMatch(/20\d\d/);
	});

	test('every determination names the rule set and its effective date', () => {
		for (const input of [shipment(), shipment({ destination: { country: 'GU' } }), shipment({}, [line({ value: 9000 })])]) {
			expect(decide(input).ruleSet).toEqual({ id: CURRENT_RULE_SET.id, effectiveDate: CURRENT_RULE_SET.effectiveDate });
		}
	});

	test('an amended threshold is a data change: at $3,000 a $2,800 group becomes exempt', () => {
		const amended: RuleSet = {
			...CURRENT_RULE_SET,
			id: 'amended-threshold',
			effectiveDate: '2027-01-01',
			valueTest: { ...CURRENT_RULE_SET.valueTest, thresholdUsd: 3000, effectiveDate: '2027-01-01' },
		};
		const input = shipment({}, [line({ value: 2800 })]);
		expect(decide(input).required).toBe(true);
		const result = decide(input, amended);
		expect(result.required).toBe(false);
		expect(result.ruleSet).toEqual({ id: 'amended-threshold', effectiveDate: '2027-01-01' });
	});

	test('an amended country group is a data change: a country added to E:1 makes a $10 export reportable', () => {
		const amended: RuleSet = {
			...CURRENT_RULE_SET,
			id: 'amended-e1',
			countryGroups: CURRENT_RULE_SET.countryGroups.map((g) =>
				g.name === 'E:1' ? { ...g, countries: [...g.countries, 'DE'], effectiveDate: '2027-01-01' } : g,
			),
		};
		expect(decide(shipment(), amended).required).toBe(true);
		expect(decide(shipment()).required).toBe(false);
	});

	test('a rule set is compiled once and reused', () => {
		expect(compileRuleSet(CURRENT_RULE_SET)).toBe(compileRuleSet(CURRENT_RULE_SET));
	});

	test('a rule naming an unknown country group is refused when the rule set is compiled', () => {
		const broken: RuleSet = {
			...CURRENT_RULE_SET,
			alwaysFile: [{ ...CURRENT_RULE_SET.alwaysFile[0], condition: { kind: 'destinationGroup', groups: ['Z:9'] } }],
		};
		expect(() => compileRuleSet(broken)).toThrow(/unknown country group Z:9/);
	});

	describe('the engine holds only the order of decision; every citation, id, code and hour is data (issue 13, part 3)', () => {
		const source = readFileSync(join(__dirname, '..', '..', '..', 'src', 'eei', 'determineEeiRequirement.ts'), 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.replace(/\/\/.*$/gm, '');

		test('no citation literal', () => {
			expect(source).not.toMatch(/['"`]15 CFR/);
		});

		test('no reason code literal (codes come from records typed by the ReasonCode union)', () => {
			expect(source).not.toMatch(/['"`][A-Z][A-Z0-9]*_[A-Z0-9_]+['"`]/);
		});

		test('no rule id literal, no hours in a message, no first-record pick, no identity check on a record', () => {
			expect(source).not.toMatch(/ruleId: ['"`]/);
			expect(source).not.toMatch(/\d+ h[,)]/);
			expect(source).not.toMatch(/\[0\]/);
			expect(source).not.toMatch(/[!=]== rules\./);
		});
	});
});
