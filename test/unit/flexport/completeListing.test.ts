/**
 * Issue 12, point 1: Get Many (Return All) must never present a short list as complete when
 * Flexport's listing changes while it is read. Flexport pages by offset (`page`, `per` 1..100),
 * with no sort, no snapshot and `total_count` on every page (providers.md; seed 004). Promise:
 * every entry present for the whole scan is returned exactly once, or the listing fails as
 * unsettled (`src/flexport/completeListing.ts`).
 */
import fc from 'fast-check';

import { listAllCustomsEntries, MAX_LISTING_PASSES } from '../../../src/flexport/completeListing';
import { FlexportApiError } from '../../../src/flexport/errors';
import { iterateCustomsEntryPages } from '../../../src/flexport/paginate';
import { FlexportFakePort, seededRandom } from '../../support/flexportFakePort';
import type { ListingChange } from '../../support/shiftingFlexport';
import { ShiftingFlexport, judgeListing } from '../../support/shiftingFlexport';

const base = { baseUrl: 'https://api.flexport.com', retry: { baseDelayMs: 10, maxDelayMs: 100 } };

async function ids(fake: ShiftingFlexport, config: { perPage: number; concurrency?: number }, seed = 1): Promise<string[]> {
	const random = seededRandom(seed);
	// Replies come back out of order, so "after the n-th answer" falls between pages of any order.
	const port = new FlexportFakePort(fake.handle, { latencyTurns: () => 1 + Math.floor(random() * 4) });
	return (await listAllCustomsEntries(port, { ...base, ...config })).map((entry) => entry.id);
}

async function onePassIds(fake: ShiftingFlexport, config: { perPage: number; concurrency?: number }): Promise<string[]> {
	const port = new FlexportFakePort(fake.handle);
	const seen: string[] = [];
	for await (const page of iterateCustomsEntryPages(port, { ...base, ...config })) seen.push(...page.entries.map((entry) => entry.id));
	return seen;
}

const clean = { missing: [], duplicates: [], phantoms: [] };

describe("the adversarial review's cases (300 entries, pages of 100, 4 at once)", () => {
	const cases: Array<[string, ListingChange[]]> = [
		['one entry inserted at the head after page 1 is served', [{ kind: 'insert', at: 0 }]],
		['one entry removed from the head after page 1 is served', [{ kind: 'delete', at: 0 }]],
		['three entries inserted at the head after page 1 is served', [{ kind: 'insert', at: 0 }, { kind: 'insert', at: 0 }, { kind: 'insert', at: 0 }]],
		['the last entry moved to the head after page 1 is served', [{ kind: 'move', from: -1, to: 0 }]],
	];

	test.each(cases)('%s: one read loses an entry present throughout', async (_name, changes) => {
		const fake = new ShiftingFlexport(300).after(1, ...changes);
		expect(judgeListing(fake, await onePassIds(fake, { perPage: 100 })).missing.length).toBeGreaterThan(0);
	});

	test.each(cases)('%s: the listing returns every entry present throughout, exactly once', async (_name, changes) => {
		const fake = new ShiftingFlexport(300).after(1, ...changes);
		expect(judgeListing(fake, await ids(fake, { perPage: 100 }))).toEqual(clean);
	});
});

describe('one change at every page boundary', () => {
	const kinds: Array<[string, (size: number, per: number) => ListingChange[]]> = [
		['insert at the head', () => [{ kind: 'insert', at: 0 }]],
		['insert at a page boundary', (_s, per) => [{ kind: 'insert', at: per }]],
		['insert at the tail', () => [{ kind: 'insert', at: -1 }]],
		['delete at the head', () => [{ kind: 'delete', at: 0 }]],
		['delete the last entry of page 1', (_s, per) => [{ kind: 'delete', at: per - 1 }]],
		['delete at the tail', () => [{ kind: 'delete', at: -1 }]],
		['move the tail to the head', () => [{ kind: 'move', from: -1, to: 0 }]],
		['move the head to the tail', () => [{ kind: 'move', from: 0, to: -1 }]],
		['move across a page boundary', (_s, per) => [{ kind: 'move', from: per + 1, to: per - 2 }]],
		// One pass alone cannot see this: total_count stays, no id comes twice.
		['delete at the head and insert at the tail', () => [{ kind: 'delete', at: 0 }, { kind: 'insert', at: -1 }]],
	];
	const shapes = [
		{ label: '23 entries, pages of 5, one at a time', size: 23, perPage: 5, concurrency: 1, withTotalCount: true },
		{ label: '23 entries, pages of 5, 4 at once', size: 23, perPage: 5, concurrency: 4, withTotalCount: true },
		{ label: '23 entries, pages of 5, next links only', size: 23, perPage: 5, concurrency: 4, withTotalCount: false },
	];

	for (const shape of shapes) {
		test.each(kinds)(`${shape.label}: %s after any answer still gives every entry present throughout, once`, async (_kind, changes) => {
			const pages = Math.ceil(shape.size / shape.perPage);
			// Every answer of the first two reads, and one past them.
			for (let answer = 1; answer <= 2 * pages + 1; answer++) {
				const fake = new ShiftingFlexport(shape.size, { withTotalCount: shape.withTotalCount }).after(answer, ...changes(shape.size, shape.perPage));
				const verdict = judgeListing(fake, await ids(fake, shape, answer));
				expect({ answer, ...verdict }).toEqual({ answer, ...clean });
			}
		});
	}
});

describe('any burst of changes between two answers (generated)', () => {
	const change = (size: number): fc.Arbitrary<ListingChange> =>
		fc.oneof(
			fc.record({ kind: fc.constant('insert' as const), at: fc.integer({ min: -1, max: size }) }),
			fc.record({ kind: fc.constant('delete' as const), at: fc.integer({ min: -1, max: size }) }),
			fc.record({ kind: fc.constant('move' as const), from: fc.integer({ min: -1, max: size }), to: fc.integer({ min: -1, max: size }) }),
		);
	const scenario = fc.integer({ min: 1, max: 40 }).chain((size) =>
		fc.record({
			size: fc.constant(size),
			perPage: fc.integer({ min: 1, max: 10 }),
			concurrency: fc.integer({ min: 1, max: 4 }),
			withTotalCount: fc.boolean(),
			answer: fc.integer({ min: 1, max: 30 }),
			burst: fc.array(change(size), { minLength: 1, maxLength: 5 }),
			seed: fc.integer({ min: 1, max: 1000 }),
		}),
	);

	test('every entry present throughout comes back exactly once, and nothing that was never listed', async () => {
		await fc.assert(
			fc.asyncProperty(scenario, async (s) => {
				const fake = new ShiftingFlexport(s.size, { withTotalCount: s.withTotalCount }).after(s.answer, ...s.burst);
				expect(judgeListing(fake, await ids(fake, s, s.seed))).toEqual(clean);
			}),
			{ numRuns: 300, seed: 12_01 },
		);
	});
});

describe('a listing that keeps changing', () => {
	test(`fails as unsettled after ${MAX_LISTING_PASSES} reads, naming the cause, instead of returning a short list`, async () => {
		const fake = new ShiftingFlexport(23).afterEvery(1, () => ({ kind: 'insert', at: 0 }));
		const port = new FlexportFakePort(fake.handle);
		let error: unknown;
		try {
			await listAllCustomsEntries(port, { ...base, perPage: 5 });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(FlexportApiError);
		expect((error as FlexportApiError).reason).toBe('listing-unsettled');
		expect((error as FlexportApiError).message).toMatch(/^The Flexport customs entries listing kept changing while it was read: 4 reads/);
		expect(fake.reads).toBe(MAX_LISTING_PASSES);
	});

	test('a removal at the head after every answer also ends as unsettled, never as a list missing an entry present throughout', async () => {
		const fake = new ShiftingFlexport(60).afterEvery(2, () => ({ kind: 'delete', at: 0 }));
		const port = new FlexportFakePort(fake.handle);
		await expect(listAllCustomsEntries(port, { ...base, perPage: 10 })).rejects.toMatchObject({ reason: 'listing-unsettled' });
	});
});

describe('what the reads cost', () => {
	test('a listing that fits on one page is one read: one answer is one moment of the listing', async () => {
		const fake = new ShiftingFlexport(80).after(1, { kind: 'insert', at: 0 });
		expect(await ids(fake, { perPage: 100 })).toHaveLength(80);
		expect(fake.answered).toBe(1);
	});

	test('a steady listing of several pages is read twice, and the two reads agree', async () => {
		const fake = new ShiftingFlexport(250);
		expect(await ids(fake, { perPage: 100 })).toHaveLength(250);
		expect({ reads: fake.reads, answered: fake.answered }).toEqual({ reads: 2, answered: 6 });
	});

	test('a status change between the reads moves no entry: two reads, and the later status is returned', async () => {
		const fake = new ShiftingFlexport(250);
		const port = new FlexportFakePort((request, url) => {
			// After the first read (3 pages), CBP releases entry 120.
			if (fake.answered === 3) fake.api.entries[120].release_status = 'released';
			return fake.handle(request, url);
		});
		const entries = await listAllCustomsEntries(port, { ...base, perPage: 100 });
		expect(fake.reads).toBe(2);
		expect(entries.find((entry) => entry.id === 'E00120')?.release_status).toBe('released');
	});

	test('a limit reached in the first read ends the listing there: the entries asked for, each once', async () => {
		const fake = new ShiftingFlexport(300).after(1, { kind: 'insert', at: 0 });
		const port = new FlexportFakePort(fake.handle);
		const listed = await listAllCustomsEntries(port, { ...base, perPage: 100 }, { limit: 150 });
		expect(new Set(listed.map((entry) => entry.id)).size).toBe(150);
		expect(fake.reads).toBe(1);
	});

	test('with a filter and no limit the kept entries are complete too', async () => {
		const fake = new ShiftingFlexport(300).after(2, { kind: 'delete', at: 0 });
		const port = new FlexportFakePort(fake.handle);
		const listed = await listAllCustomsEntries(port, { ...base, perPage: 100 }, { filter: (entry) => entry.shipment?.id === 20003 });
		const expected = fake.presentThroughout().filter((id) => Number(id.slice(1)) % 7 === 3);
		expect(listed.map((entry) => entry.id)).toEqual(expect.arrayContaining(expected));
		expect(listed.every((entry) => entry.shipment?.id === 20003)).toBe(true);
	});
});
