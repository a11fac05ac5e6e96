import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { RULE_SETS, ruleRecords } from '../../../src/eei';

/**
 * docs/rule-coverage.md maps every paragraph of 30.2(a)(1)(iv), 30.2(d), 30.16, 30.36(b),
 * 30.37(a)-(y), 30.39, 30.40 and 758.1(b)(1)-(11) to its rule records and tests (issue 10).
 * These checks keep the table, the rule data and the tests in step.
 */
const ROOT = join(__dirname, '..', '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'rule-coverage.md'), 'utf8');
const TEST_DIR = __dirname;
const TESTS = readdirSync(TEST_DIR)
	.filter((f) => f.endsWith('.test.ts') && f !== 'ruleCoverage.test.ts')
	.map((f) => ({ file: f, text: readFileSync(join(TEST_DIR, f), 'utf8') }));
const IDS = [...new Set(RULE_SETS.flatMap((set) => ruleRecords(set).map((r) => r.id)))];

const letters = (from: string, to: string) =>
	Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) => String.fromCharCode(from.charCodeAt(0) + i));
const PARAGRAPHS = [
	...letters('A', 'H').map((l) => `30.2(a)(1)(iv)(${l})`),
	...[1, 2, 3, 4, 5].map((n) => `30.2(d)(${n})`),
	...letters('a', 'e').map((l) => `30.16(${l})`),
	...[1, 2, 3, 4, 5, 6, 7].map((n) => `30.36(b)(${n})`),
	...letters('a', 'y').map((l) => `30.37(${l})`),
	...[1, 2, 3, 4, 5, 6].map((n) => `30.37(y)(${n})`),
	'30.39',
	...letters('a', 'c').map((l) => `30.40(${l})`),
	...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `758.1(b)(${n})`),
];

function rows(): Array<{ paragraph: string; ids: string[]; tests: string[] }> {
	return DOC.slice(DOC.indexOf('## Paragraphs, records and tests'))
		.split('\n')
		.filter((line) => line.startsWith('| 15 CFR '))
		.map((line) => {
			const cells = line.split('|').map((c) => c.trim());
			return {
				paragraph: cells[1].replace('15 CFR ', ''),
				ids: [...cells[3].matchAll(/`([^`]+)`/g)].map((m) => m[1]),
				tests: cells[4] === '—' ? [] : cells[4].split(', ').filter(Boolean),
			};
		});
}

describe('Rule coverage (docs/rule-coverage.md)', () => {
	test.each(PARAGRAPHS)('15 CFR %s has a row: its rule records, or "not modelled" and why', (paragraph) => {
		const row = rows().find((r) => r.paragraph === paragraph);
		expect(row).toBeDefined();
		if (row && row.ids.length === 0) expect(DOC).toMatch(new RegExp(`\\| 15 CFR ${paragraph.replace(/[().]/g, '\\$&')} \\|[^\\n]*not modelled[^\\n]*\\| [^|]*\\w[^|]* \\|`));
	});

	test.each(IDS)('rule record %s is in the table', (id) => {
		expect(rows().some((r) => r.ids.includes(id))).toBe(true);
	});

	test.each(IDS)('rule record %s is cited by a test', (id) => {
		const citing = TESTS.filter((t) => t.text.includes(`'${id}'`)).map((t) => t.file);
		expect(citing.length).toBeGreaterThan(0);
	});

	test('every id the table names is a rule record, and every test file it names cites one of the row\'s ids', () => {
		for (const row of rows()) {
			for (const id of row.ids) expect(IDS).toContain(id);
			for (const file of row.tests) {
				const test = TESTS.find((t) => t.file === file);
				expect(test && row.ids.some((id) => test.text.includes(`'${id}'`))).toBe(true);
			}
		}
	});
});
