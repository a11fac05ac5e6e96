import { TransportError } from '../../../src/http/port';
import { FlexportApiError } from '../../../src/flexport/errors';
import { listAllCustomsEntries } from '../../../src/flexport/completeListing';
import { iterateCustomsEntryPages } from '../../../src/flexport/paginate';
import type { CustomsEntry } from '../../../src/flexport/types';
import { FakeFlexportApi, FlexportFakePort, envelope, json, makeEntries, toApiEntry } from '../../support/flexportFakePort';

// Seed 004: the list answer carries `total_count` and absolute `next`/`prev` links; "you can get
// the remaining ... by either making another HTTP GET request with the value of the next element,
// or simply change the page parameter value".
const base = { baseUrl: 'https://api.flexport.com', retry: { baseDelayMs: 10, maxDelayMs: 100 } };

/** One read of the listing (a pass), as the paginator hands it out. */
async function onePass(...args: Parameters<typeof iterateCustomsEntryPages>): Promise<CustomsEntry[]> {
	const entries: CustomsEntry[] = [];
	for await (const page of iterateCustomsEntryPages(...args)) entries.push(...page.entries);
	return entries;
}

async function caught(promise: Promise<unknown>): Promise<FlexportApiError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(FlexportApiError);
		return error as FlexportApiError;
	}
	throw new Error('expected the listing to fail');
}

function pageOf(url: URL): number {
	return Number(url.searchParams.get('page'));
}

describe('paging by total_count', () => {
	it('fetches every page once, at most `concurrency` at a time, and returns entries in page order', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(1000);
		// Later pages answer sooner, so completion order differs from page order.
		const port = new FlexportFakePort(api.handle, { latencyTurns: (url) => 12 - (pageOf(url) % 11) });
		const entries = await onePass(port, { ...base, perPage: 50, concurrency: 3 });
		expect(entries.map((e) => e.id)).toEqual(api.entries.map((e) => e.id));
		expect(port.requests).toHaveLength(20);
		expect(port.requests.map((r) => r.query?.page).sort((a, b) => Number(a) - Number(b))).toEqual(
			Array.from({ length: 20 }, (_, i) => i + 1),
		);
		expect(port.maxInFlight).toBe(3);
	});

	it('uses concurrency 4 by default', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(1000);
		const port = new FlexportFakePort(api.handle, { latencyTurns: () => 5 });
		await onePass(port, { ...base, perPage: 100 });
		expect(port.maxInFlight).toBe(4);
		expect(port.requests).toHaveLength(10);
	});

	it('follows the page size Flexport actually served when it is smaller than asked', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(95);
		api.perCap = 20;
		const port = new FlexportFakePort(api.handle);
		const entries = await onePass(port, { ...base, perPage: 100 });
		expect(entries).toHaveLength(95);
		expect(port.requests).toHaveLength(5);
	});

	it('makes a single request when everything fits on page 1', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(100);
		const port = new FlexportFakePort(api.handle);
		expect(await listAllCustomsEntries(port, base)).toHaveLength(100);
		expect(port.requests).toHaveLength(1);
	});

	it('makes a single request for an empty account', async () => {
		const port = new FlexportFakePort(new FakeFlexportApi().handle);
		expect(await listAllCustomsEntries(port, base)).toEqual([]);
		expect(port.requests).toHaveLength(1);
	});

	it('fetches only the pages needed for `limit`', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(1000);
		const port = new FlexportFakePort(api.handle);
		const entries = await listAllCustomsEntries(port, { ...base, perPage: 10 }, { limit: 25 });
		expect(entries.map((e) => e.id)).toEqual(api.entries.slice(0, 25).map((e) => e.id));
		expect(port.requests).toHaveLength(3);
	});

	it('passes the shipment filter on every page', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(70);
		const port = new FlexportFakePort(api.handle);
		const entries = await listAllCustomsEntries(port, { ...base, perPage: 3 }, { shipmentId: 20003 });
		expect(entries).toHaveLength(10);
		expect(entries.every((e) => e.shipment?.id === 20003)).toBe(true);
		expect(port.requests.every((r) => r.query?.['f.shipment.id'] === '20003')).toBe(true);
	});

	it('stops a listing whose total_count implies more than maxPages pages, after page 1 only', async () => {
		const port = new FlexportFakePort(() =>
			json(200, envelope({ data: [toApiEntry(makeEntries(1)[0])], total_count: 5_000_000, next: null })),
		);
		const error = await caught(listAllCustomsEntries(port, { ...base, perPage: 1, maxPages: 10_000 }));
		expect(error.reason).toBe('too-many-pages');
		expect(error.message).toBe(
			'The Flexport customs entries listing runs past 10000 pages (5000000 or more); stopped as a runaway',
		);
		expect(port.requests).toHaveLength(1);
	});

	it('fails when a page still fails after retries, and waits for the pages already in flight', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(500);
		api.fail = (url) => (pageOf(url) === 3 ? new TransportError('reset', 'ECONNRESET') : undefined);
		const port = new FlexportFakePort(api.handle, { latencyTurns: (url) => (pageOf(url) === 3 ? 1 : 8) });
		const error = await caught(listAllCustomsEntries(port, { ...base, perPage: 50, retry: { maxAttempts: 2 } }));
		expect(error.reason).toBe('transport');
		expect(port.inFlight).toBe(0);
		expect(port.requestsTo('/customs_entries').filter((r) => r.query?.page === 3)).toHaveLength(2);
		// Nothing past the window of pages 2..5 was started once page 3 failed.
		expect(Math.max(...port.requests.map((r) => Number(r.query?.page)))).toBeLessThanOrEqual(6);
	});
});

describe('paging by next links', () => {
	function nextOnly(count: number): { api: FakeFlexportApi; port: FlexportFakePort } {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(count);
		api.withTotalCount = false;
		return { api, port: new FlexportFakePort(api.handle) };
	}

	it('follows next links one page at a time until next is null', async () => {
		const { api, port } = nextOnly(23);
		const entries = await onePass(port, { ...base, perPage: 5 });
		expect(entries.map((e) => e.id)).toEqual(api.entries.map((e) => e.id));
		expect(port.requests).toHaveLength(5);
		expect(port.maxInFlight).toBe(1);
		expect(port.requests[1].url).toBe('https://api.flexport.com/customs_entries?page=2&per=5');
		expect(port.requests[1].query).toBeUndefined();
	});

	it('refuses a next link to another host so that the bearer token never goes there', async () => {
		const port = new FlexportFakePort(() =>
			json(200, envelope({ data: [toApiEntry(makeEntries(1)[0])], next: 'https://api.sb.flexport.com/customs_entries?page=2' })),
		);
		const error = await caught(listAllCustomsEntries(port, base));
		expect(error.reason).toBe('unsafe-next-link');
		expect(error.message).toContain('https://api.sb.flexport.com');
		expect(port.requests).toHaveLength(1);
	});

	it('refuses a next link that downgrades the scheme or changes the port', async () => {
		for (const next of ['http://api.flexport.com/customs_entries?page=2', 'https://api.flexport.com:8443/customs_entries?page=2']) {
			const port = new FlexportFakePort(() => json(200, envelope({ data: [toApiEntry(makeEntries(1)[0])], next })));
			expect((await caught(listAllCustomsEntries(port, base))).reason).toBe('unsafe-next-link');
			expect(port.requests).toHaveLength(1);
		}
	});

	it('refuses a next link that is not an absolute URL', async () => {
		const port = new FlexportFakePort(() => json(200, envelope({ data: [], next: '/customs_entries?page=2' })));
		expect((await caught(listAllCustomsEntries(port, base))).reason).toBe('unsafe-next-link');
	});

	it('stops when a next link points back at a page already read', async () => {
		const port = new FlexportFakePort((_request, url) => {
			const page = pageOf(url) || 2;
			const next = page === 3 ? 'https://api.flexport.com/customs_entries?per=100&page=2' : `https://api.flexport.com/customs_entries?page=${page + 1}&per=100`;
			return json(200, envelope({ data: [toApiEntry({ ...makeEntries(1)[0], id: `P${page}` })], next }));
		});
		const error = await caught(listAllCustomsEntries(port, base));
		expect(error.reason).toBe('pagination-loop');
		expect(error.message).toBe("Flexport's `next` link after page 3 points back at a page already read; stopped instead of looping");
		expect(port.requests).toHaveLength(3);
	});

	it('stops an endless chain of new next links at maxPages', async () => {
		const port = new FlexportFakePort((_request, url) => {
			const page = pageOf(url);
			return json(200, envelope({ data: [], next: `https://api.flexport.com/customs_entries?page=${page + 1}&per=100` }));
		});
		const error = await caught(listAllCustomsEntries(port, { ...base, maxPages: 50 }));
		expect(error.reason).toBe('too-many-pages');
		expect(port.requests).toHaveLength(50);
	});

	it('stops following next links once `limit` entries are in hand', async () => {
		const { port } = nextOnly(100);
		expect(await listAllCustomsEntries(port, { ...base, perPage: 10 }, { limit: 15 })).toHaveLength(15);
		expect(port.requests).toHaveLength(2);
	});
});

describe('listing control', () => {
	it('fails as unsettled, after 4 reads, when every read of the listing shows an id on two pages', async () => {
		const entries = makeEntries(3);
		const port = new FlexportFakePort((_request, url) => {
			const page = pageOf(url);
			const data = page === 1 ? [entries[0], entries[1]] : [entries[1], entries[2]];
			return json(200, envelope({ data: data.map((e) => toApiEntry(e)), total_count: 4 }));
		});
		const error = await caught(listAllCustomsEntries(port, { ...base, perPage: 2 }));
		expect(error.reason).toBe('listing-unsettled');
		expect(port.requests).toHaveLength(8);
	});

	it('fails with a deadline error instead of sleeping past the deadline', async () => {
		const port = new FlexportFakePort(() => json(503, {}, { 'retry-after': '30' }));
		const error = await caught(listAllCustomsEntries(port, base, { deadline: Date.UTC(2025, 0, 15, 12, 0, 10) }));
		expect(error.reason).toBe('deadline');
		expect(port.requests).toHaveLength(1);
		expect(port.sleeps).toEqual([]);
	});

	it('stops with an aborted error when the caller cancels between pages', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(50);
		api.withTotalCount = false;
		const signal = { aborted: false };
		const port = new FlexportFakePort((request, url) => {
			signal.aborted = true;
			return api.handle(request, url);
		});
		const error = await caught(listAllCustomsEntries(port, { ...base, perPage: 10 }, { signal }));
		expect(error.reason).toBe('aborted');
		expect(port.requests).toHaveLength(1);
	});

	it('lets a caller read page by page and stop early', async () => {
		const api = new FakeFlexportApi();
		api.entries = makeEntries(300);
		const port = new FlexportFakePort(api.handle);
		const seen: number[] = [];
		for await (const page of iterateCustomsEntryPages(port, { ...base, perPage: 10, concurrency: 2 })) {
			seen.push(page.pageNumber);
			if (page.pageNumber === 4) break;
		}
		expect(seen).toEqual([1, 2, 3, 4]);
		expect(port.inFlight).toBe(0);
		expect(port.requests.length).toBeLessThanOrEqual(5);
	});
});
