/**
 * The code tables shipped in the package: each names its source, its date and whether it is
 * authoritative (README "Code tables"), and the generated ones are rebuilt by their script.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CODE_TABLES, portKind, type CodeTableId } from '../../../src/codes';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('code tables: each one is dated and says where it comes from', () => {
	it.each(Object.keys(CODE_TABLES) as CodeTableId[])('%s names its source and the day it was read', (id) => {
		const table = CODE_TABLES[id];
		expect(table).toMatchObject({ id, title: expect.any(String), source: expect.any(String) });
		expect(table.asOf).toMatch(ISO_DATE);
	});

	it('refuses on ports, export information codes, HS subheadings and countries, and only warns on the possibly incomplete ones', () => {
		const authority = Object.fromEntries(Object.values(CODE_TABLES).map((t) => [t.id, t.authoritative]));
		expect(authority).toEqual({
			portsOfExport: true,
			exportInformationCodes: true,
			hsSubheadings: true,
			countries: true,
			licenseCodes: false,
			licenseExemptionCodes: false,
			unitsOfMeasure: false,
		});
	});
});

describe('HS 2022 subheadings (6 digits)', () => {
	const hs = CODE_TABLES.hsSubheadings;

	it('holds the seed examples: 6910.10 (seed 001), 6101.20 (seed 001), 6404.19 (seed 003)', () => {
		expect(['691010', '610120', '640419'].every((code) => hs.has(code))).toBe(true);
	});

	it('is the 2022 edition: it has 8524.11, 8549.11 and 8806.21, and not 8517.12, deleted in 2022', () => {
		expect(['852411', '854911', '880621'].map((code) => hs.has(code))).toEqual([true, true, true]);
		expect(hs.has('851712')).toBe(false);
	});

	it('has no subheading in chapter 77, which the HS reserves', () => {
		expect(hs.has('770100')).toBe(false);
	});
});

describe('Schedule D ports of export', () => {
	const ports = CODE_TABLES.portsOfExport;

	it('knows 2095 FEDERAL EXPRESS, the port of the seed 001 examples, as an express courier facility', () => {
		expect(ports.nameOf?.('2095')).toBe('FEDERAL EXPRESS');
		expect(portKind('2095')).toBe('courier');
	});

	it('knows 8000 as the mail port and 2720 (Los Angeles airport) as an airport', () => {
		expect([portKind('8000'), portKind('2720')]).toEqual(['mail', 'airport']);
	});

	it('gives no kind where the name does not say it (3901 Chicago), so no mode check applies there', () => {
		expect(ports.has('3901')).toBe(true);
		expect(portKind('3901')).toBeUndefined();
	});

	it('leaves out the foreign places and statistical codes of its source (0001 Halifax, 7000 low value)', () => {
		expect([ports.has('0001'), ports.has('7000'), ports.has('9999')]).toEqual([false, false, false]);
	});
});

describe('the rebuild scripts (scripts/code-tables)', () => {
	const out = mkdtempSync(join(tmpdir(), 'code-tables-'));
	const run = (script: string, source: string, target: string) =>
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- a test, never shipped: our own script, fixed arguments
		execFileSync(process.execPath, [join('scripts/code-tables', script), join('test/fixtures/code-tables', source), '2026-11-30', target], {
			encoding: 'utf8',
		});

	it('builds the ports table from a saved usa-port-codes.php: zero-padded codes, kinds from names, foreign rows left out', () => {
		const target = join(out, 'ports.ts');
		run('build-ports.js', 'usa-port-codes.sample.php', target);
		const table = readFileSync(target, 'utf8');
		expect(table).toContain(`['0708', "ALEXANDRIA BAY, N.Y."],`);
		expect(table).toContain(`['2095', "FEDERAL EXPRESS", 'courier'],`);
		expect(table).toContain(`['8000', "MAIL SHIPMENTS", 'mail'],`);
		expect(table).toContain(`['2720', "L.A. INT. AIRPORT, CALIF.", 'airport'],`);
		expect(table).toContain(`['4111', "FAIRPORT, OHIO"],`);
		expect(table).not.toContain("['0001'");
		expect(table).toContain("PORTS_AS_OF = '2026-11-30'");
	});

	it('builds the HS table from a saved product_list.py, one line per chapter, chapters 98 and 99 left out', () => {
		const target = join(out, 'hs.ts');
		run('build-hs.js', 'product_list.sample.py', target);
		const table = readFileSync(target, 'utf8');
		expect(table).toContain(`'01:0121 0129',`);
		expect(table).toContain(`'69:1010',`);
		expect(table).not.toMatch(/'9[89]:/);
		expect(table).toContain("HS_AS_OF = '2026-11-30'");
	});
});
