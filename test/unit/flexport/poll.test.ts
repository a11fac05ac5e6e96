import { TransportError } from '../../../src/http/port';
import { FlexportApiError } from '../../../src/flexport/errors';
import { pollCustomsEntries, sampleCustomsEntryEvents } from '../../../src/flexport/poll';
import { FakeFlexportApi, FlexportFakePort, json, makeEntries } from '../../support/flexportFakePort';
import { ShiftingFlexport } from '../../support/shiftingFlexport';

// Orchestration of one trigger poll (style.md): load state -> fetch EVERYTHING -> advance ->
// the new state exists only after a complete fetch.
const config = { baseUrl: 'https://api.flexport.com', perPage: 10, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 } };

async function caught(promise: Promise<unknown>): Promise<FlexportApiError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(FlexportApiError);
		return error as FlexportApiError;
	}
	throw new Error('expected the poll to fail');
}

function setup(count = 45): { api: FakeFlexportApi; port: FlexportFakePort } {
	const api = new FakeFlexportApi();
	api.entries = makeEntries(count, 'E', ['pending']);
	return { api, port: new FlexportFakePort(api.handle) };
}

describe('pollCustomsEntries', () => {
	it('takes the baseline from a complete listing (every page read twice, the two reads agreeing) and reports what it scanned', async () => {
		const { port } = setup(45);
		const result = await pollCustomsEntries(port, config, undefined);
		expect(result.baseline).toBe(true);
		expect(result.emitted).toEqual([]);
		expect(result.scanned).toBe(45);
		expect(result.pages).toBe(10);
		expect(Object.keys(result.state.entries)).toHaveLength(45);
	});

	it('reads every page once on a poll after the baseline: an entry a shifted page hides is no event there', async () => {
		const { port } = setup(45);
		const { state } = await pollCustomsEntries(port, config, undefined);
		const before = port.requests.length;
		const result = await pollCustomsEntries(port, config, state);
		expect(result.pages).toBe(5);
		expect(port.requests.length - before).toBe(5);
	});

	it('emits a release seen on a later poll, with detectedAt from the port clock', async () => {
		const { api, port } = setup(45);
		const { state } = await pollCustomsEntries(port, config, undefined);
		api.entries[33].release_status = 'released';
		port.clock += 60_000;
		const result = await pollCustomsEntries(port, config, state, { events: ['released'] });
		expect(result.emitted.map((e) => [e.entry.id, e.event, e.previousReleaseStatus, e.detectedAt])).toEqual([
			['E00033', 'released', 'pending', '2025-01-15T12:01:00.000Z'],
		]);
	});

	it('fails without a new state when a page still fails after retries, and the next poll emits the change once', async () => {
		const { api, port } = setup(45);
		const { state } = await pollCustomsEntries(port, config, undefined);
		const frozen = JSON.stringify(state);
		api.entries[3].release_status = 'released';
		api.entries[41].release_status = 'customs_hold';
		api.fail = (url) => (url.searchParams.get('page') === '4' ? json(502, '<html>Bad gateway</html>') : undefined);
		const before = port.requests.length;
		const error = await caught(pollCustomsEntries(port, config, state));
		expect(error.status).toBe(502);
		expect(port.requests.slice(before).filter((r) => r.query?.page === 4)).toHaveLength(3);
		expect(JSON.stringify(state)).toBe(frozen);

		api.fail = undefined;
		const next = await pollCustomsEntries(port, config, state);
		expect(next.emitted.map((e) => [e.entry.id, e.event])).toEqual([
			['E00003', 'released'],
			['E00041', 'statusChanged'],
		]);
		const after = await pollCustomsEntries(port, config, next.state);
		expect(after.emitted).toEqual([]);
		expect(after.changed).toBe(false);
	});

	it('fails with a clear message when the poll budget runs out before the scan completes', async () => {
		const { api, port } = setup(45);
		const { state } = await pollCustomsEntries(port, config, undefined);
		api.entries[0].release_status = 'released';
		api.fail = (url) => (url.searchParams.get('page') === '2' ? json(503, {}, { 'retry-after': '20' }) : undefined);
		const error = await caught(pollCustomsEntries(port, { ...config, concurrency: 1 }, state, { budgetMs: 30_000 }));
		expect(error.reason).toBe('deadline');
		expect(error.message).toBe(
			'The poll budget of 30000 ms ran out after 1 page of the Flexport customs entries listing; nothing was emitted and the trigger state was kept, so the next poll sees every change',
		);
		api.fail = undefined;
		expect((await pollCustomsEntries(port, config, state)).emitted.map((e) => e.entry.id)).toEqual(['E00000']);
	});

	it('treats a connection reset on every attempt of one page as a failed poll', async () => {
		const { api, port } = setup(45);
		const { state } = await pollCustomsEntries(port, config, undefined);
		api.fail = (url) => (url.searchParams.get('page') === '5' ? new TransportError('reset', 'ECONNRESET') : undefined);
		expect((await caught(pollCustomsEntries(port, config, state))).reason).toBe('transport');
	});

	it('lists each filtered shipment with f.shipment.id when there are only a few', async () => {
		const { port } = setup(70);
		const result = await pollCustomsEntries(port, config, undefined, { shipmentIds: [20001, '20002'] });
		expect(result.scanned).toBe(20);
		expect(new Set(port.requests.map((r) => r.query?.['f.shipment.id']))).toEqual(new Set(['20001', '20002']));
	});

	it('reads the whole listing and filters it when more than 20 shipments are watched', async () => {
		const { port } = setup(70);
		const shipmentIds = [20001, ...Array.from({ length: 20 }, (_, i) => 90000 + i)];
		const result = await pollCustomsEntries(port, config, undefined, { shipmentIds });
		expect(result.scanned).toBe(10);
		expect(port.requests.every((r) => r.query?.['f.shipment.id'] === undefined)).toBe(true);
		// 7 pages, twice: the baseline needs a complete listing.
		expect(port.requests).toHaveLength(14);
	});
});

describe('a baseline over a listing that shifts while read (issue 12, point 2)', () => {
	// 150 entries, pages of 100. Entry 100 was released before the trigger was activated (no
	// release date given, so only a complete baseline can know it). The head entry goes away
	// right after page 1 is served: entry 100 moves onto page 1, already read.
	function shifting(): ShiftingFlexport {
		const fake = new ShiftingFlexport(150).after(1, { kind: 'delete', at: 0 });
		fake.api.entries[100].release_status = 'released';
		return fake;
	}

	it('records the released entry, so the next poll emits no release for it', async () => {
		const fake = shifting();
		const port = new FlexportFakePort(fake.handle);
		const first = await pollCustomsEntries(port, { ...config, perPage: 100 }, undefined, { events: ['released'] });
		expect(first.state.entries).toHaveProperty('E00100');
		port.clock += 60_000;
		const next = await pollCustomsEntries(port, { ...config, perPage: 100 }, first.state, { events: ['released'] });
		expect(next.emitted).toEqual([]);
	});

	it('takes no baseline at all while the listing keeps changing: the poll fails, nothing recorded, nothing emitted', async () => {
		const fake = new ShiftingFlexport(150).afterEvery(1, () => ({ kind: 'insert', at: 0 }));
		const error = await caught(pollCustomsEntries(new FlexportFakePort(fake.handle), { ...config, perPage: 100 }, undefined));
		expect(error.reason).toBe('listing-unsettled');
	});
});

describe('sampleCustomsEntryEvents (manual run)', () => {
	it('returns the first entries shaped like events, reading only the first page', async () => {
		const { port } = setup(45);
		const sample = await sampleCustomsEntryEvents(port, config, { limit: 3, events: ['released'] });
		expect(sample.map((e) => [e.entry.id, e.event])).toEqual([
			['E00000', 'released'],
			['E00001', 'released'],
			['E00002', 'released'],
		]);
		expect(port.requests).toHaveLength(1);
		expect(port.requests[0].query).toMatchObject({ page: 1, per: 3 });
	});

	it('samples only the filtered shipments', async () => {
		const { port } = setup(45);
		const sample = await sampleCustomsEntryEvents(port, config, { limit: 2, shipmentIds: [20004] });
		expect(sample.map((e) => e.entry.shipment?.id)).toEqual([20004, 20004]);
	});
});
