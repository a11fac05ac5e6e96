/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import type { HttpPort, HttpRequest, HttpResponse } from '../../src/http/port';
import { TransportError } from '../../src/http/port';

/** A small seeded PRNG (mulberry32) so that simulations and jitter repeat exactly. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type FakeReply = HttpResponse | TransportError;
export type FakeHandler = (request: HttpRequest, url: URL) => FakeReply | Promise<FakeReply>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
	return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

export function text(status: number, body: string, contentType = 'text/html'): HttpResponse {
	return { status, headers: { 'content-type': contentType }, body };
}

/** The request's URL with its `query` merged in, as the real port would send it. */
export function requestUrl(request: HttpRequest): URL {
	const url = new URL(request.url);
	for (const [key, value] of Object.entries(request.query ?? {})) {
		if (value !== undefined) url.searchParams.set(key, String(value));
	}
	return url;
}

/**
 * A fake HttpPort: counts requests, records sleeps, keeps a virtual clock that sleeps advance,
 * and measures how many requests were in flight at once. Each reply is delivered after a few
 * event-loop turns (`latencyTurns`) so that concurrency and out-of-order completion are real.
 */
export class FlexportFakePort implements HttpPort {
	readonly requests: HttpRequest[] = [];
	readonly sleeps: number[] = [];
	clock: number;
	inFlight = 0;
	maxInFlight = 0;
	private readonly rng: () => number;

	constructor(
		private handler: FakeHandler,
		private readonly options: { now?: number; seed?: number; latencyTurns?: (url: URL) => number } = {},
	) {
		this.clock = options.now ?? Date.UTC(2025, 0, 15, 12, 0, 0);
		this.rng = seededRandom(options.seed ?? 42);
	}

	setHandler(handler: FakeHandler): void {
		this.handler = handler;
	}

	async send(request: HttpRequest): Promise<HttpResponse> {
		this.requests.push(request);
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			const url = requestUrl(request);
			const turns = this.options.latencyTurns?.(url) ?? 1;
			for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
			const reply = await this.handler(request, url);
			if (reply instanceof TransportError) throw reply;
			return reply;
		} finally {
			this.inFlight--;
		}
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		this.clock += ms;
	}

	now(): number {
		return this.clock;
	}

	random(): number {
		return this.rng();
	}

	/** Requests whose path ends with `suffix` (e.g. '/customs_entries'). */
	requestsTo(suffix: string): HttpRequest[] {
		return this.requests.filter((r) => requestUrl(r).pathname.endsWith(suffix));
	}
}

export interface FakeEntry {
	id: string;
	entry_number: string;
	release_status: string | null;
	release_date: string | null;
	shipmentId: number;
}

export function toApiEntry(entry: FakeEntry, origin = 'https://api.flexport.com'): Record<string, unknown> {
	return {
		_object: '/customs_entry',
		id: entry.id,
		entry_number: entry.entry_number,
		release_status: entry.release_status,
		release_date: entry.release_date,
		shipment: {
			_object: '/api/refs/object',
			ref_type: '/shipment',
			link: `${origin}/shipments/${entry.shipmentId}`,
			id: entry.shipmentId,
		},
	};
}

export function envelope(data: unknown, self = 'https://api.flexport.com/customs_entries'): Record<string, unknown> {
	return { _object: '/api/response', self, version: 2, data, error: null };
}

/**
 * A fake Flexport customs entries API over an in-memory list: `GET /customs_entries` (page, per,
 * f.shipment.id; with `total_count` or with `next` links only) and `GET /customs_entries/{id}`.
 * `fail` may answer any request instead (errors, timeouts) to inject faults.
 */
export class FakeFlexportApi {
	entries: FakeEntry[] = [];
	withTotalCount = true;
	/** Flexport may serve fewer than asked; the fake caps `per` here. */
	perCap = 100;
	fail?: (url: URL) => FakeReply | undefined;

	constructor(readonly origin = 'https://api.flexport.com') {}

	readonly handle: FakeHandler = (_request, url) => {
		const injected = this.fail?.(url);
		if (injected !== undefined) return injected;
		const path = url.pathname;
		if (path === '/customs_entries') return this.list(url);
		const match = /^\/customs_entries\/([^/]+)$/.exec(path);
		if (match) {
			const id = decodeURIComponent(match[1]);
			const entry = this.entries.find((e) => e.id === id);
			if (!entry) {
				return json(404, { _object: '/api/error', status: 404, code: 'not_found', message: `Customs entry ${id} not found` });
			}
			return json(200, envelope(toApiEntry(entry, this.origin), `${this.origin}${path}`));
		}
		return json(404, { _object: '/api/error', status: 404, code: 'not_found', message: 'No route' });
	};

	private list(url: URL): HttpResponse {
		const page = Number(url.searchParams.get('page') ?? '1');
		const per = Math.min(Number(url.searchParams.get('per') ?? '20'), this.perCap);
		const shipment = url.searchParams.get('f.shipment.id');
		const all = shipment === null ? this.entries : this.entries.filter((e) => String(e.shipmentId) === shipment);
		const slice = all.slice((page - 1) * per, page * per);
		const link = (p: number): string => {
			const u = new URL(`${this.origin}/customs_entries`);
			u.searchParams.set('page', String(p));
			u.searchParams.set('per', String(per));
			if (shipment !== null) u.searchParams.set('f.shipment.id', shipment);
			return u.href;
		};
		const data: Record<string, unknown> = {
			_object: '/api/collections/paginated',
			prev: page > 1 ? link(page - 1) : null,
			next: page * per < all.length ? link(page + 1) : null,
			data: slice.map((e) => toApiEntry(e, this.origin)),
		};
		if (this.withTotalCount) data.total_count = all.length;
		return json(200, envelope(data, url.href));
	}
}

export function makeEntries(count: number, prefix = 'E', statuses: Array<string | null> = [null]): FakeEntry[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `${prefix}${String(i).padStart(5, '0')}`,
		entry_number: `FLX-${100000 + i}`,
		release_status: statuses[i % statuses.length],
		release_date: null,
		shipmentId: 20000 + (i % 7),
	}));
}
