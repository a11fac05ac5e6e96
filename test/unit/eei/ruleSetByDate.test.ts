import {
	CURRENT_RULE_SET,
	determineEeiRequirementFromInput,
	RULE_SET_2023_08,
	RULE_SET_2025_09,
	RULE_SET_2026_07,
	RULE_SETS,
	ruleRecords,
	selectRuleSet,
} from '../../../src/eei';
import { codes, decide, line, reasonFor, shipment } from './helpers';

/**
 * A determination applies the rule set in force on the shipment's export date (default today),
 * side by side as dated data: before and after the FTR amendments effective 15 Sep 2025
 * (90 FR 39112), and the July 2026 country groups. Outside every set's coverage, a warning.
 */
describe('The rule set in force on the export date', () => {
	const on = (exportDate: string) => decide(shipment({ exportDate }));

	test.each([
		['2023-08-10', 'us-eei-2023-08'],
		['2025-09-14', 'us-eei-2023-08'],
		['2025-09-15', 'us-eei-2025-09'],
		['2026-06-30', 'us-eei-2025-09'],
		['2026-07-01', 'us-eei-2026-07'],
		['2027-05-31', 'us-eei-2026-07'],
	])('an export on %s is judged by %s, without a coverage warning', (exportDate, id) => {
		const result = on(exportDate);
		expect(result.ruleSet.id).toBe(id);
		expect(codes(result)).not.toContain('RULE_SET_OUTSIDE_COVERAGE');
	});

	test('an export on 1900-01-01 lies before every rule set: the earliest applies and a warning says the rules then in force are not modelled', () => {
		const result = on('1900-01-01');
		expect(result.ruleSet).toEqual({ id: 'us-eei-2023-08', effectiveDate: '2023-08-10' });
		expect(reasonFor(result, 'RULE_SET_OUTSIDE_COVERAGE')).toMatchObject({
			ruleId: 'ruleset.coverage',
			citation: '15 CFR 30.2',
			severity: 'warning',
			message: expect.stringMatching(/1900-01-01 \(the export date\) is before 2023-08-10.*not modelled/),
		});
	});

	test('an export on 2090-01-01 lies after the newest set is vouched for: it applies, and a warning says amendments since are not reflected', () => {
		const result = on('2090-01-01');
		expect(result.ruleSet.id).toBe('us-eei-2026-07');
		expect(reasonFor(result, 'RULE_SET_OUTSIDE_COVERAGE').message).toMatch(/2090-01-01 .* after 2027-05-31.*reviewed 2026-11-30.*not reflected/);
	});

	test('the day after the newest set is vouched for (2027-06-01) already gets the warning', () => {
		expect(codes(on('2027-06-01'))).toContain('RULE_SET_OUTSIDE_COVERAGE');
	});

	test('the warning comes even when the movement is out of scope', () => {
		const result = decide(shipment({ exportDate: '1900-01-01', destination: { country: 'US' } }));
		expect(codes(result)).toEqual(['OUT_OF_SCOPE_DOMESTIC', 'RULE_SET_OUTSIDE_COVERAGE']);
	});

	test('without an export date, today is the export date: an injected clock of 2024-05-01 selects us-eei-2023-08', () => {
		const result = determineEeiRequirementFromInput(shipment(), { today: () => '2024-05-01' });
		expect(result.ruleSet.id).toBe('us-eei-2023-08');
	});

	test('without an export date and a clock of 2090-01-01, the warning names today as the date used', () => {
		const result = determineEeiRequirementFromInput(shipment(), { today: () => '2090-01-01' });
		expect(reasonFor(result, 'RULE_SET_OUTSIDE_COVERAGE').message).toMatch(/2090-01-01 \(today\)/);
	});

	test('without options, the clock is the system date (UTC)', () => {
		const expected = selectRuleSet(new Date().toISOString().slice(0, 10)).ruleSet.id;
		expect(determineEeiRequirementFromInput(shipment()).ruleSet.id).toBe(expected);
	});

	test('a rule set given directly is applied as is, and its coverage is still checked', () => {
		const result = decide(shipment({ exportDate: '2024-01-01' }), CURRENT_RULE_SET);
		expect(result.ruleSet.id).toBe('us-eei-2026-07');
		expect(codes(result)).toContain('RULE_SET_OUTSIDE_COVERAGE');
	});

	test('the rule sets follow each other without gap or overlap, oldest first', () => {
		for (let i = 1; i < RULE_SETS.length; i++) {
			const dayAfter = new Date(Date.parse(RULE_SETS[i - 1].validThrough) + 86_400_000).toISOString().slice(0, 10);
			expect(RULE_SETS[i].effectiveDate).toBe(dayAfter);
		}
		expect(RULE_SETS).toEqual([RULE_SET_2023_08, RULE_SET_2025_09, RULE_SET_2026_07]);
	});

	test('the set after 15 Sep 2025 lists 90 FR 39112 among its sources and says what of it is unverified; the set before does not', () => {
		const references = (set: typeof RULE_SET_2023_08) => set.sources.map((s) => s.reference);
		expect(references(RULE_SET_2023_08)).not.toContain('90 FR 39112');
		const ftr2025 = RULE_SET_2025_09.sources.find((s) => s.reference === '90 FR 39112');
		expect(ftr2025?.status).toMatch(/amendatory text was NOT obtained/);
	});

	test('the newest set names 91 FR 15536 and FR Doc. 2026-10370 as not obtained', () => {
		const status = (reference: string) => RULE_SET_2026_07.sources.find((s) => s.reference === reference)?.status;
		expect(status('91 FR 15536')).toMatch(/NOT obtained/);
		expect(status('FR Doc. 2026-10370')).toMatch(/text was NOT obtained/);
	});

	test.each(RULE_SETS.map((set) => [set.id, set] as const))('no record of %s is dated after the set takes effect', (_id, set) => {
		for (const record of ruleRecords(set)) expect(record.effectiveDate <= set.effectiveDate).toBe(true);
	});

	test('a $10 CCL item to Hong Kong is filed under every rule set (the Note dates from 23 Dec 2020)', () => {
		for (const exportDate of ['2024-01-01', '2025-10-01', '2026-08-01']) {
			const result = decide(shipment({ exportDate, destination: { country: 'HK' } }, [line({ value: 10, eccn: '5A992.c' })]));
			expect(result.required).toBe(true);
		}
	});
});
