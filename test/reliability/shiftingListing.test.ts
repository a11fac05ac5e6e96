/**
 * A listing that moves while it is read (issue 12, points 1 and 2). Flexport pages its customs
 * entries by offset, with no sort and no snapshot (providers.md), so an insert, delete or move
 * ahead of a page not yet read shifts that page. Promise: Get Many (Return All) returns every
 * entry present for the whole scan exactly once, or fails saying the listing kept changing;
 * the trigger's first poll never leads to an event for an entry that was already there.
 *
 * A fake Flexport applies each change right after a chosen page answer, at every answer of the
 * reads a listing makes. For comparison, "one read" is the former behaviour: each page once.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { listAllCustomsEntries } from '../../src/flexport/completeListing';
import { FlexportApiError } from '../../src/flexport/errors';
import { iterateCustomsEntryPages } from '../../src/flexport/paginate';
import { pollCustomsEntries } from '../../src/flexport/poll';
import { advance } from '../../src/flexport/triggerState';
import type { CustomsEntry } from '../../src/flexport/types';
import type { HttpRequest } from '../../src/http/port';
import { FlexportFakePort, seededRandom } from '../support/flexportFakePort';
import type { ListingChange } from '../support/shiftingFlexport';
import { ShiftingFlexport, judgeListing } from '../support/shiftingFlexport';
import { CredentialStore, runPoll } from '../harness';
import { NODE_TYPES, PROBES, runNode, table } from './support';

const BASE = 'https://flexport.shifting.test';
const config = { baseUrl: BASE, retry: { baseDelayMs: 1, maxDelayMs: 5 } };

type Kind = [string, (per: number) => ListingChange[]];
const KINDS: Kind[] = [
	['insert at the head', () => [{ kind: 'insert', at: 0 }]],
	['three inserts at the head', () => [{ kind: 'insert', at: 0 }, { kind: 'insert', at: 0 }, { kind: 'insert', at: 0 }]],
	['insert at a page boundary', (per) => [{ kind: 'insert', at: per }]],
	['insert at the tail', () => [{ kind: 'insert', at: -1 }]],
	['delete at the head', () => [{ kind: 'delete', at: 0 }]],
	['delete the last of page 1', (per) => [{ kind: 'delete', at: per - 1 }]],
	['delete at the tail', () => [{ kind: 'delete', at: -1 }]],
	['move the tail to the head', () => [{ kind: 'move', from: -1, to: 0 }]],
	['move the head to the tail', () => [{ kind: 'move', from: 0, to: -1 }]],
	['move across a page boundary', (per) => [{ kind: 'move', from: per + 1, to: per - 2 }]],
	['delete at the head + insert at the tail', () => [{ kind: 'delete', at: 0 }, { kind: 'insert', at: -1 }]],
];
const SHAPES = [
	{ size: 300, perPage: 100, concurrency: 4, withTotalCount: true },
	{ size: 300, perPage: 100, concurrency: 1, withTotalCount: true },
	{ size: 23, perPage: 5, concurrency: 4, withTotalCount: true },
	{ size: 23, perPage: 5, concurrency: 1, withTotalCount: false },
];

interface Row {
	runs: number;
	oneReadShort: number;
	complete: number;
	unsettled: number;
	short: number;
	duplicates: number;
	phantoms: number;
	reads: number[];
}

const newRow = (oneRead = true): Row => ({ runs: 0, oneReadShort: oneRead ? 0 : Number.NaN, complete: 0, unsettled: 0, short: 0, duplicates: 0, phantoms: 0, reads: [] });
const listingRows: Array<[string, Row]> = [];
const triggerRows: Array<[string, { runs: number; oneReadSpurious: number; spurious: number; failedBaselines: number }]> = [];

afterAll(() => {
	const header = ['scope / change after each page answer', 'runs', 'one read: short lists', 'complete', 'failed: kept changing', 'short lists', 'duplicates', 'never-listed', 'reads per listing (mean, max)'];
	const rows = listingRows.map(([name, r]) => [
		name,
		...[r.runs, r.oneReadShort, r.complete, r.unsettled, r.short, r.duplicates, r.phantoms].map((n) => (Number.isNaN(n) ? '-' : String(n))),
		r.reads.length === 0 ? '-' : `${(r.reads.reduce((a, b) => a + b, 0) / r.reads.length).toFixed(2)}, ${Math.max(...r.reads)}`,
	]);
	const total = listingRows.reduce((sum, [, r]) => sum + r.runs, 0);
	console.log(
		`${table('Shifting listing: Get Many (Return All) while entries are inserted, deleted and moved', header, rows)}\n` +
			`runs: ${total}; short lists presented as complete: ${listingRows.reduce((sum, [, r]) => sum + r.short, 0)}; ` +
			`with one read (before the fix, core runs): ${listingRows.reduce((sum, [, r]) => sum + (Number.isNaN(r.oneReadShort) ? 0 : r.oneReadShort), 0)}`,
	);
	console.log(
		table(
			"Shifting listing: the trigger's first poll (an entry released before activation, every change kind and answer)",
			['scope', 'runs', 'one-read baseline: spurious events next poll', 'spurious events next poll', 'first polls failed (kept changing, retried next poll)'],
			triggerRows.map(([name, r]) => [name, String(r.runs), Number.isNaN(r.oneReadSpurious) ? '-' : String(r.oneReadSpurious), String(r.spurious), String(r.failedBaselines)]),
		),
	);
});

async function oneReadIds(fake: ShiftingFlexport, shape: (typeof SHAPES)[number]): Promise<string[]> {
	const ids: string[] = [];
	for await (const page of iterateCustomsEntryPages(new FlexportFakePort(fake.handle), { ...config, ...shape })) ids.push(...page.entries.map((e) => e.id));
	return ids;
}

function tally(row: Row, fake: ShiftingFlexport, outcome: string[] | FlexportApiError, reads: number): void {
	row.runs++;
	row.reads.push(reads);
	if (outcome instanceof FlexportApiError) {
		expect(outcome.reason).toBe('listing-unsettled');
		row.unsettled++;
		return;
	}
	const verdict = judgeListing(fake, outcome);
	if (verdict.missing.length > 0) row.short++;
	else if (verdict.duplicates.length === 0 && verdict.phantoms.length === 0) row.complete++;
	if (verdict.duplicates.length > 0) row.duplicates++;
	if (verdict.phantoms.length > 0) row.phantoms++;
}

async function coreListing(fake: ShiftingFlexport, shape: (typeof SHAPES)[number], seed: number): Promise<string[] | FlexportApiError> {
	const random = seededRandom(seed);
	const port = new FlexportFakePort(fake.handle, { latencyTurns: () => 1 + Math.floor(random() * 4) });
	try {
		return (await listAllCustomsEntries(port, { ...config, ...shape })).map((e) => e.id);
	} catch (error) {
		if (error instanceof FlexportApiError) return error;
		throw error;
	}
}

describe('Get Many (Return All) over a shifting listing: the core', () => {
	test('one change at every page answer of every read: complete, exactly once, never short', async () => {
		for (const [name, changes] of KINDS) {
			const row = newRow();
			for (const shape of SHAPES) {
				const pages = Math.ceil(shape.size / shape.perPage);
				for (let answer = 1; answer <= 2 * pages + 1; answer++) {
					const before = new ShiftingFlexport(shape.size, { withTotalCount: shape.withTotalCount, origin: BASE }).after(answer, ...changes(shape.perPage));
					if (judgeListing(before, await oneReadIds(before, shape)).missing.length > 0) row.oneReadShort++;
					const fake = new ShiftingFlexport(shape.size, { withTotalCount: shape.withTotalCount, origin: BASE }).after(answer, ...changes(shape.perPage));
					tally(row, fake, await coreListing(fake, shape, answer), fake.reads);
				}
			}
			listingRows.push([`core: ${name}`, row]);
			expect({ name, short: row.short, duplicates: row.duplicates, phantoms: row.phantoms, unsettled: row.unsettled }).toEqual({ name, short: 0, duplicates: 0, phantoms: 0, unsettled: 0 });
		}
	});

	test('random bursts of 1-5 changes at a random answer (1,000 runs): complete, exactly once, never short', async () => {
		const random = seededRandom(12_0001);
		const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
		const row = newRow();
		for (let run = 0; run < 1000; run++) {
			const shape = { size: int(1, 60), perPage: int(1, 12), concurrency: int(1, 4), withTotalCount: random() < 0.7 };
			const burst: ListingChange[] = Array.from({ length: int(1, 5) }, () => {
				const roll = random();
				if (roll < 0.4) return { kind: 'insert', at: int(-1, shape.size) };
				if (roll < 0.7) return { kind: 'delete', at: int(-1, shape.size) };
				return { kind: 'move', from: int(-1, shape.size), to: int(-1, shape.size) };
			});
			const answer = int(1, 2 * Math.ceil(shape.size / shape.perPage) + 2);
			const before = new ShiftingFlexport(shape.size, { withTotalCount: shape.withTotalCount, origin: BASE }).after(answer, ...burst);
			if (judgeListing(before, await oneReadIds(before, shape)).missing.length > 0) row.oneReadShort++;
			const fake = new ShiftingFlexport(shape.size, { withTotalCount: shape.withTotalCount, origin: BASE }).after(answer, ...burst);
			tally(row, fake, await coreListing(fake, shape, run), fake.reads);
		}
		listingRows.push(['core: random bursts (1-5 changes)', row]);
		expect({ short: row.short, duplicates: row.duplicates, phantoms: row.phantoms, unsettled: row.unsettled }).toEqual({ short: 0, duplicates: 0, phantoms: 0, unsettled: 0 });
	});

	test('a change after every answer: the listing fails saying it kept changing, never short', async () => {
		const keepChanging: Array<[string, (answer: number) => ListingChange]> = [
			['insert at the head after every answer', () => ({ kind: 'insert', at: 0 })],
			['delete at the head after every answer', () => ({ kind: 'delete', at: 0 })],
			['move the tail to the head after every answer', () => ({ kind: 'move', from: -1, to: 0 })],
			['insert or delete at random after every answer', (answer) => (answer % 3 === 0 ? { kind: 'delete', at: answer % 7 } : { kind: 'insert', at: (answer * 5) % 11 })],
		];
		for (const [name, change] of keepChanging) {
			const row = newRow();
			for (const shape of SHAPES) {
				const fake = new ShiftingFlexport(shape.size + 60, { withTotalCount: shape.withTotalCount, origin: BASE }).afterEvery(1, change);
				tally(row, fake, await coreListing(fake, shape, 1), fake.reads);
			}
			listingRows.push([`core: ${name}`, row]);
			expect({ name, short: row.short, duplicates: row.duplicates }).toEqual({ name, short: 0, duplicates: 0 });
			expect(Math.max(...row.reads)).toBeLessThanOrEqual(4);
		}
	});
});

/** Serves the fake through nock, as Flexport would answer the node's real HTTP requests. */
function serve(fake: ShiftingFlexport): void {
	nock(BASE)
		.persist()
		.get('/customs_entries')
		.query(true)
		.reply((uri) => {
			const url = new URL(uri, BASE);
			const reply = fake.handle({ method: 'GET', url: url.href } as HttpRequest, url);
			if (!('status' in reply)) throw reply;
			return [reply.status, reply.body as IDataObject];
		});
}

const store = new CredentialStore().set('shifting', 'flexportApi', { authentication: 'apiKey', apiKey: PROBES.flexportApiKey, baseUrl: BASE, apiVersion: '2', accessToken: '' });
const CREDENTIAL = { flexportApi: { id: 'shifting', name: 'Flexport (shifting)' } };

describe('Get Many (Return All) over a shifting listing: the node in n8n-core', () => {
	test('every change kind after each answer of the first two reads (300 entries, pages of 100): complete, exactly once', async () => {
		for (const [name, changes] of KINDS) {
			const row = newRow(false);
			for (let answer = 1; answer <= 7; answer++) {
				const fake = new ShiftingFlexport(300, { origin: BASE }).after(answer, ...changes(100));
				serve(fake);
				const result = await runNode({ type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'getAll', returnAll: true }, credentials: CREDENTIAL, continueOnFail: true }, [{}], store);
				nock.cleanAll();
				const error = result.items.length === 1 && typeof result.items[0].json.error === 'string' ? String(result.items[0].json.error) : undefined;
				const outcome = error !== undefined ? new FlexportApiError({ reason: /kept changing/.test(error) ? 'listing-unsettled' : 'api-error', message: error, delivery: 'sent' }) : result.items.map((item) => String(item.json.id));
				tally(row, fake, outcome, fake.reads);
			}
			listingRows.push([`node: ${name}`, row]);
			expect({ name, short: row.short, duplicates: row.duplicates, complete: row.complete }).toEqual({ name, short: 0, duplicates: 0, complete: row.runs });
		}
	}, 120_000);
});

describe("the trigger's first poll over a shifting listing", () => {
	// 150 entries, pages of 100; E00099 and E00100 (either side of the page boundary) were
	// released before activation, with no release date: only a complete baseline knows them.
	function account(changes: ListingChange[], answer: number): ShiftingFlexport {
		const fake = new ShiftingFlexport(150, { origin: BASE }).after(answer, ...changes);
		for (const index of [99, 100]) fake.api.entries[index].release_status = 'released';
		return fake;
	}

	test('the core: no event on the next poll for an entry already released, whatever change and answer', async () => {
		const row = { runs: 0, oneReadSpurious: 0, spurious: 0, failedBaselines: 0 };
		const options = { events: ['released' as const] };
		for (const [, changes] of KINDS) {
			for (let answer = 1; answer <= 5; answer++) {
				row.runs++;
				// Before: the baseline from one read of each page.
				const old = account(changes(100), answer);
				const oldPort = new FlexportFakePort(old.handle);
				const seen: CustomsEntry[] = [];
				for await (const page of iterateCustomsEntryPages(oldPort, { ...config, perPage: 100 })) seen.push(...page.entries);
				const oldState = advance(undefined, seen, { ...options, now: oldPort.now() }).state;
				const oldNext = await pollCustomsEntries(oldPort, { ...config, perPage: 100 }, oldState, options);
				row.oneReadSpurious += oldNext.emitted.length;

				const fake = account(changes(100), answer);
				const port = new FlexportFakePort(fake.handle);
				let state: unknown;
				try {
					state = (await pollCustomsEntries(port, { ...config, perPage: 100 }, undefined, options)).state;
				} catch (error) {
					expect((error as FlexportApiError).reason).toBe('listing-unsettled');
					row.failedBaselines++;
				}
				port.clock += 60_000;
				// After a failed first poll the next one is the first again: it emits nothing either way.
				const next = await pollCustomsEntries(port, { ...config, perPage: 100 }, state, options);
				row.spurious += next.emitted.length;
			}
		}
		triggerRows.push(['core pollCustomsEntries', row]);
		expect(row.oneReadSpurious).toBeGreaterThan(0);
		expect(row.spurious).toBe(0);
	});

	test('the node in n8n-core PollContext: no event on the next poll, whatever change and answer', async () => {
		const row = { runs: 0, oneReadSpurious: Number.NaN, spurious: 0, failedBaselines: 0 };
		const node = { name: 'Customs Entry Trigger', type: NODE_TYPES.trigger, parameters: { events: ['released'] }, credentials: CREDENTIAL };
		for (const [, changes] of KINDS) {
			for (let answer = 1; answer <= 5; answer++) {
				row.runs++;
				const fake = account(changes(100), answer);
				serve(fake);
				let staticData: IDataObject = {};
				try {
					staticData = JSON.parse(JSON.stringify((await runPoll(node, { credentials: store })).staticData)) as IDataObject;
				} catch (error) {
					expect(String((error as Error).message)).toMatch(/kept changing/);
					row.failedBaselines++;
				}
				const next = await runPoll(node, { staticData, credentials: store });
				nock.cleanAll();
				row.spurious += next.items?.[0].length ?? 0;
			}
		}
		triggerRows.push(['node (PollContext)', row]);
		expect(row.spurious).toBe(0);
	}, 120_000);
});
