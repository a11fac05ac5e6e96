/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * `npm run bench`: every benchmark of issue 6 in one run on one machine, printed as tables
 * (median of several runs, with min and max). Figures only: nothing here fails on timing.
 *
 *   node --expose-gc .build/bench/run.js [--only engine,node,flexport,state,filing] [--quick] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';

import { benchEngine, type EngineFigures } from './engine';
import { benchFiling, type FilingFigures } from './filing';
import { benchFlexportScan, benchTriggerState, type FlexportFigures, type TriggerStateFigures } from './flexport';
import { benchNodeOverhead, type NodeOverheadFigures } from './nodeOverhead';
import { gcExposed, type Summary } from './stats';

const SECTIONS = ['engine', 'node', 'flexport', 'state', 'filing'] as const;
type Section = (typeof SECTIONS)[number];

function argument(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at < 0 ? undefined : process.argv[at + 1];
}

const quick = process.argv.includes('--quick');
const only = new Set((argument('only') ?? SECTIONS.join(',')).split(',') as Section[]);

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? int(n) : n.toFixed(1));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const rate = (s: Summary) => `${int(s.median)} (${int(s.min)}–${int(s.max)})`;
const time = (s: Summary) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function table(headers: string[], rows: Array<Array<string | number>>): void {
	const cells = [headers, ...rows.map((row) => row.map(String))];
	const widths = headers.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
	const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
	console.log(line(headers));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of cells.slice(1)) console.log(line(row));
	console.log('');
}

function machine(): Record<string, string> {
	const cpus = os.cpus();
	return {
		cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
		memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		loadAverage: os.loadavg().map((n) => n.toFixed(2)).join(' '),
		gcExposed: String(gcExposed),
		date: new Date().toISOString(),
	};
}

function printEngine(figures: EngineFigures[]): void {
	console.log('## 1. Rule engine (determinations per CPU second, median (min–max); validation included)\n');
	table(
		['lines', 'engine /s', 'parse only /s', 'decide only /s', 'floor /s (sum per code)', 'floor / engine', 'floor with parse /s', 'that / engine'],
		figures.map((f) => [
			f.lines,
			rate(f.engine),
			rate(f.parseOnly),
			rate(f.decideOnly),
			rate(f.floor),
			`${f.ratioToFloor.toFixed(2)}x`,
			rate(f.validatedFloor),
			`${f.ratioToValidatedFloor.toFixed(2)}x`,
		]),
	);
	const one = figures.find((f) => f.lines === 1);
	if (one) console.log(`Goal: ≥ 200,000 one-line/s: ${int(one.engine.median)} — ${verdict(one.engine.median >= 200_000)}`);
	console.log(`Goal: within 5x of the floor: ${figures.map((f) => `${f.lines}-line ${f.ratioToFloor.toFixed(2)}x`).join(', ')} — ${verdict(figures.every((f) => f.ratioToFloor <= 5))}`);
	console.log(
		`  (against the floor with validation, parse + sum: ${figures.map((f) => `${f.lines}-line ${f.ratioToValidatedFloor.toFixed(2)}x`).join(', ')} — ${verdict(figures.every((f) => f.ratioToValidatedFloor <= 5))})\n`,
	);
}

function printNode(f: NodeOverheadFigures): void {
	console.log(`## 2. Node overhead (${int(f.items)} items of ${f.lines} line in WorkflowExecute, CPU ms, median (min–max))\n`);
	table(
		['run', 'ms', 'ratio to core'],
		[
			['core alone (parseShipment + determineEeiRequirement)', time(f.core), '1.00x'],
			['Check EEI Requirement, defaults (format auto-detected)', time(f.nodeAuto), `${f.ratioAuto.toFixed(2)}x`],
			['Check EEI Requirement, format Canonical Shipment', time(f.nodeCanonical), `${f.ratioCanonical.toFixed(2)}x`],
			['workflow without the node (Manual Trigger only)', time(f.emptyWorkflow), `${(f.emptyWorkflow.median / f.core.median).toFixed(2)}x`],
		],
	);
	console.log(`Goal: node ≤ 3x the core: ${f.ratioAuto.toFixed(2)}x (defaults) — ${verdict(f.ratioAuto <= 3)}\n`);
}

function printFlexport(f: FlexportFigures): void {
	console.log(`## 3. Flexport full scan (${int(f.entries)} entries, 100 per page, ${f.latencyMs} ms per request; ms, median (min–max))\n`);
	table(
		['scan', 'ms', 'requests', 'peak heap growth MB', 'peak RSS growth MB'],
		f.scans.map((s) => [s.label, time(s.time), int(s.requests), mb(s.memory.heapGrowth), mb(s.memory.rssGrowth)]),
	);
	table(['ratio (medians)', 'value'], f.ratios.map((r) => [r.label, r.ratio.toFixed(2)]));
	const worst = Math.max(...f.scans.map((s) => Math.max(s.memory.heapGrowth, s.memory.rssGrowth)));
	console.log(`Goal: default ≤ 0.35x of sequential: ${f.ratios.map((r) => r.ratio.toFixed(2)).join(' / ')} — ${verdict(f.ratios.every((r) => r.ratio <= 0.35))}`);
	console.log(`Goal: peak memory growth < 50 MB: worst ${mb(worst)} MB — ${verdict(worst < 50 * 1024 * 1024)}\n`);
}

function printState(figures: TriggerStateFigures[]): void {
	console.log('## 4. Trigger state (Customs Entry Trigger in PollContext, sandbox without latency)\n');
	table(
		['entries', 'static data bytes', 'bytes / entry', 'baseline poll ms', 'unchanged poll ms', 'unchanged: emitted', 'unchanged: rewrote'],
		figures.map((f) => [int(f.entries), int(f.staticDataBytes), f.bytesPerEntry.toFixed(1), ms(f.baselineMs), ms(f.unchangedPollMs), f.unchangedEmitted, String(f.unchangedRewrote)]),
	);
	const ok = figures.every((f) => f.bytesPerEntry < 64 && f.unchangedEmitted === 0 && !f.unchangedRewrote);
	console.log(`Goal: < 64 bytes/entry, unchanged poll emits and rewrites nothing — ${verdict(ok)}\n`);
}

function printFiling(f: FilingFigures): void {
	console.log(`## 5. Filing throughput (${int(f.items)} File EEI items, EasyPost AES sandbox, ${f.latencyMs} ms per request; ms, median (min–max))\n`);
	table(
		['run', 'ms', 'filings/s', 'order preserved', 'peak heap growth MB'],
		f.cases.map((c) => [c.label, time(c.time), int(f.items / (c.time.median / 1000)), String(c.orderPreserved), mb(c.memory.heapGrowth)]),
	);
	console.log(`Goal: default ≤ 0.3x of sequential, order kept: ${f.ratio.toFixed(2)}x — ${verdict(f.ratio <= 0.3 && f.cases.every((c) => c.orderPreserved))}\n`);
}

async function main(): Promise<void> {
	const started = Date.now();
	const info = machine();
	console.log('# n8n-nodes-us-customs benchmarks\n');
	for (const [key, value] of Object.entries(info)) console.log(`${key}: ${value}`);
	if (!gcExposed) console.log('(run with node --expose-gc for memory figures taken after a full collection)');
	console.log('');
	const results: Record<string, unknown> = { machine: info };
	const cpuRuns = quick ? 3 : 7;
	const ioRuns = quick ? 1 : 3;
	if (only.has('engine')) printEngine((results.engine = await benchEngine(cpuRuns)) as EngineFigures[]);
	if (only.has('node')) printNode((results.node = await benchNodeOverhead(cpuRuns)) as NodeOverheadFigures);
	if (only.has('flexport')) printFlexport((results.flexport = await benchFlexportScan(ioRuns)) as FlexportFigures);
	if (only.has('state')) printState((results.state = [await benchTriggerState(10_000), await benchTriggerState(100_000)]) as TriggerStateFigures[]);
	if (only.has('filing')) printFiling((results.filing = await benchFiling(ioRuns, quick ? 200 : 1_000)) as FilingFigures);
	console.log(`Total ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
	const out = argument('json');
	if (out) writeFileSync(out, JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
