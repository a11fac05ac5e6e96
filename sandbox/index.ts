/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The provider sandbox: one loopback HTTP server (Node's own `http`) that behaves like EasyPost
 * AES, the EasyPost core API, Shipium and Flexport closely enough to run every node end to end
 * without accounts, plus alert sinks. Routed by path prefix; a credential's base URL is
 * `<url>/easypost-aes`, `<url>/easypost-api`, `<url>/shipium` or `<url>/flexport`.
 *
 *   const sandbox = await startSandbox({ port: 0, seed: 7 });
 *   sandbox.control.failNext({ path: '/flexport/customs_entries', status: 429, retryAfter: 1 });
 *   ...
 *   await sandbox.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createAesState, handleEasyPostAes, handleEasyPostApi, type AesState } from './easypost';
import { FaultPlan, type FaultRule } from './faults';
import {
	createEntry,
	createFlexportState,
	DEFAULT_TIMELINE,
	entryView,
	flexportError,
	handleFlexport,
	setStatus,
	type FlexportContext,
	type FlexportEntryInput,
	type FlexportState,
	type FlexportTimelineOptions,
} from './flexport';
import { isRecord, parseJson, readBody, send, sendRaw, streamBody, type SandboxRequest, type SandboxResponse } from './http';
import { DEFAULT_KEYS, PREFIXES, type SandboxKeys } from './keys';
import { createPrng } from './prng';
import { createShipiumState, handleShipium, shipiumError, type ShipiumState } from './shipium';
import { createSinkState, handleSink, type SinkState } from './sink';
import { startSmtpSink } from './smtp';

export { DEFAULT_KEYS, PREFIXES } from './keys';
export type { SandboxKeys } from './keys';
export type { FaultRule } from './faults';
export type { FlexportEntryInput, FlexportTimelineOptions } from './flexport';
export type { AesFiling } from './easypost';
export type { SmtpMail } from './smtp';

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
	host?: string;
	/** The SMTP sink's port on the same host; 0 (default) picks a free port. */
	smtpPort?: number;
	/** Seeds ids, schedules and ITN sequence; the same seed and clock give the same story. Default 1. */
	seed?: number;
	/** Delay before every answer, ms (real time). */
	latencyMs?: number;
	/** Milliseconds since the epoch; default Date.now. `control.advanceTime` adds to it. */
	clock?: () => number;
	/** Replaces some of the accepted credentials. */
	keys?: Partial<SandboxKeys>;
	flexport?: {
		/** Entries present at start: a count (default 14, as Flexport's example) or explicit entries. */
		entries?: number | FlexportEntryInput[];
		timeline?: FlexportTimelineOptions;
		/** Token requests allowed per rolling 24 h before a 429; default 10 (Flexport's limit). */
		tokenLimitPerDay?: number;
	};
}

export interface RequestLogEntry {
	at: string;
	method: string;
	/** Path and query as received (never headers: no credential is recorded). */
	path: string;
	/** HTTP status answered, or 'reset' / 'dropped' for injected connection faults. */
	status: number | 'reset' | 'dropped';
}

export interface SandboxState {
	requests: RequestLogEntry[];
	/**
	 * Requests received and not yet answered, by `METHOD /path` (query left out), e.g.
	 * `inFlight['POST /easypost-aes/api/AesItrItn']`: filings in flight when a client dies.
	 */
	inFlight: Record<string, number>;
	aes: AesState;
	shipium: ShipiumState;
	flexport: FlexportState;
	sink: SinkState;
}

export interface SandboxUrls {
	/** EasyPost credential `aesBaseUrl`. */
	easyPostAes: string;
	/** EasyPost credential `apiBaseUrl`. */
	easyPostApi: string;
	/** Shipium credential `baseUrl`. */
	shipium: string;
	/** Flexport credential `baseUrl`. */
	flexport: string;
	/** A Slack incoming-webhook stand-in. */
	slackWebhook: string;
	/** `GET` lists what the sinks received (Slack messages and emails). */
	sink: string;
}

export interface SandboxControl {
	/** The sandbox clock, ms since the epoch. */
	now(): number;
	/** Moves the sandbox clock forward (Flexport schedules, token expiry, ITN dates). */
	advanceTime(ms: number): void;
	/**
	 * Delays every answer by ms (real time), or only those whose path starts with `path` (e.g.
	 * '/easypost-aes/api/AesItrItn'; the longest matching path wins). The route runs after the
	 * wait, so a request whose client went away meanwhile still takes effect (a filing IS recorded).
	 */
	setLatency(ms: number, path?: string): void;
	/** Scripts the next matching requests to fail; rules apply in the order added. */
	failNext(rule: FaultRule): void;
	clearFaults(): void;
	/** Adds a Flexport customs entry (visible at once); returns it as the API shows it. */
	addEntry(input?: FlexportEntryInput): Record<string, unknown>;
	/** Sets a Flexport entry's status now; its seeded schedule stops. Throws on an unknown id. */
	setStatus(id: string, status: string | null, releaseDate?: string | null): Record<string, unknown>;
	/** A Flexport entry as the API shows it now, or undefined. */
	entry(id: string): Record<string, unknown> | undefined;
	/** All Flexport entries visible now, as the API shows them. */
	entries(): Record<string, unknown>[];
	/** Makes every issued Flexport token expire (the API key still works): the next call with one gets a 401. */
	expireTokens(): void;
}

export interface Sandbox {
	/** `http://127.0.0.1:<port>` */
	url: string;
	port: number;
	urls: SandboxUrls;
	/** The SMTP sink (n8n SMTP credential: host, port, SSL/TLS off, keys.smtpUser / smtpPassword). */
	smtp: { host: string; port: number };
	keys: SandboxKeys;
	state: SandboxState;
	control: SandboxControl;
	close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The error a provider would send for an injected status, in that provider's own format. */
function faultResponse(req: SandboxRequest, prefix: string, status: number, retryAfter: number | undefined, now: number): SandboxResponse {
	const headers: Record<string, string> = retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
	const limited = status === 429;
	const message = limited ? 'Too many requests (sandbox fault injection)' : `Sandbox injected a ${status} response`;
	let response: SandboxResponse;
	if (prefix === PREFIXES.flexport) {
		response = flexportError(req, status, limited ? 'too_many_requests' : 'server_error', message);
	} else if (prefix === PREFIXES.shipium) {
		response = shipiumError(status, message, req.fullPath, now);
	} else if (prefix === PREFIXES.easyPostAes || prefix === PREFIXES.easyPostApi) {
		response = { status, body: { error: { code: limited ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR', message, errors: [] } } };
	} else {
		response = { status, body: message };
	}
	return { ...response, headers: { ...(response.headers ?? {}), ...headers } };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	if (!LOOPBACK.has(host)) throw new Error(`The sandbox listens on loopback only (127.0.0.1, ::1, localhost), not "${host}"`);
	const seed = options.seed ?? 1;
	const prng = createPrng(seed);
	const keys: SandboxKeys = { ...DEFAULT_KEYS, ...(options.keys ?? {}) };
	const clock = options.clock ?? Date.now;
	let offset = 0;
	let latencyMs = options.latencyMs ?? 0;
	const latencyByPath = new Map<string, number>();
	const latencyFor = (fullPath: string): number => {
		const paths = [...latencyByPath.keys()].filter((p) => fullPath.startsWith(p)).sort((a, b) => b.length - a.length);
		return paths.length > 0 ? (latencyByPath.get(paths[0]) as number) : latencyMs;
	};
	const now = (): number => clock() + offset;
	const faults = new FaultPlan();
	const state: SandboxState = {
		requests: [],
		inFlight: {},
		aes: createAesState(),
		shipium: createShipiumState(),
		flexport: createFlexportState(),
		sink: createSinkState(),
	};
	let sequence = prng.int(100_000, 400_000);
	const aesContext = { state: state.aes, keys, now, nextSequence: () => (sequence = (sequence % 999_999) + 1) };
	const shipiumContext = { state: state.shipium, keys, now, prng };
	const flexportContext: FlexportContext = {
		state: state.flexport,
		keys,
		now,
		prng,
		timeline: { ...DEFAULT_TIMELINE, ...(options.flexport?.timeline ?? {}) },
		tokenLimitPerDay: options.flexport?.tokenLimitPerDay ?? 10,
		tokens: new Map(),
		tokenSecret: `n8n-nodes-us-customs-sandbox-${seed}`,
	};
	const initial = options.flexport?.entries ?? 14;
	if (typeof initial === 'number') {
		// Created over the last half hour, so a fresh sandbox shows a mix of statuses.
		const start = now();
		const createdAt = Array.from({ length: initial }, () => start - prng.int(0, 1_800_000)).sort((a, b) => a - b);
		for (const at of createdAt) createEntry(flexportContext, {}, at);
	} else {
		for (const input of initial) createEntry(flexportContext, input);
	}

	let origin = '';
	const find = (id: string) => state.flexport.entries.find((entry) => entry.id === id);
	const control: SandboxControl = {
		now,
		advanceTime: (ms) => {
			offset += ms;
		},
		setLatency: (ms, path) => {
			if (path === undefined) latencyMs = ms;
			else if (ms > 0) latencyByPath.set(path, ms);
			else latencyByPath.delete(path);
		},
		failNext: (rule) => faults.add(rule),
		clearFaults: () => faults.clear(),
		addEntry: (input) => entryView(createEntry(flexportContext, input ?? {}), now(), origin),
		setStatus: (id, status, releaseDate) => {
			const record = find(id);
			if (!record) throw new Error(`No customs entry "${id}" in the sandbox`);
			setStatus(record, now(), status, releaseDate);
			return entryView(record, now(), origin);
		},
		entry: (id) => {
			const record = find(id);
			return record && record.createdAt <= now() ? entryView(record, now(), origin) : undefined;
		},
		entries: () => state.flexport.entries.filter((e) => e.createdAt <= now()).map((e) => entryView(e, now(), origin)),
		expireTokens: () => {
			for (const token of flexportContext.tokens.values()) token.expiresAt = Math.min(token.expiresAt, now());
		},
	};

	/** `/_sandbox/state` (GET) and `/_sandbox/control` (POST {action, ...}) for a sandbox run from the CLI. */
	const sandboxRoute = (req: SandboxRequest): SandboxResponse => {
		if (req.path === '/state' && req.method === 'GET') {
			return { status: 200, body: { now: new Date(now()).toISOString(), ...state, entries: control.entries() } };
		}
		if (req.path !== '/control' || req.method !== 'POST') return { status: 404, body: { error: 'GET /_sandbox/state or POST /_sandbox/control' } };
		const body = parseJson(req.body);
		if (!isRecord(body)) return { status: 400, body: { error: 'JSON body {action, ...} expected' } };
		try {
			switch (body.action) {
				case 'advanceTime':
					control.advanceTime(Number(body.ms));
					return { status: 200, body: { now: new Date(now()).toISOString() } };
				case 'failNext':
					control.failNext(body as FaultRule);
					return { status: 200, body: { pendingFaults: faults.pending } };
				case 'clearFaults':
					control.clearFaults();
					return { status: 200, body: { pendingFaults: 0 } };
				case 'setLatency':
					control.setLatency(Number(body.ms), typeof body.path === 'string' ? body.path : undefined);
					return { status: 200, body: { latencyMs, byPath: Object.fromEntries(latencyByPath) } };
				case 'addEntry':
					return { status: 200, body: control.addEntry(body as FlexportEntryInput) };
				case 'setStatus':
					return {
						status: 200,
						body: control.setStatus(String(body.id), (body.status as string | null) ?? null, body.releaseDate as string | undefined),
					};
				case 'expireTokens':
					control.expireTokens();
					return { status: 200, body: { expired: true } };
				default:
					return { status: 400, body: { error: `unknown action "${String(body.action)}"` } };
			}
		} catch (error) {
			return { status: 400, body: { error: (error as Error).message } };
		}
	};

	const route = (req: SandboxRequest, prefix: string): SandboxResponse => {
		switch (prefix) {
			case PREFIXES.easyPostAes:
				return handleEasyPostAes(req, aesContext);
			case PREFIXES.easyPostApi:
				return handleEasyPostApi(req, aesContext);
			case PREFIXES.shipium:
				return handleShipium(req, shipiumContext);
			case PREFIXES.flexport:
				return handleFlexport(req, flexportContext);
			case PREFIXES.sink:
				return handleSink(req, state.sink, now);
			default:
				return sandboxRoute(req);
		}
	};

	const handle = async (incoming: IncomingMessage, res: ServerResponse): Promise<void> => {
		const method = (incoming.method ?? 'GET').toUpperCase();
		const parsed = new URL(incoming.url ?? '/', origin);
		const fullPath = parsed.pathname;
		const prefix = Object.values(PREFIXES).find((p) => fullPath === p || fullPath.startsWith(`${p}/`));
		const log = (status: RequestLogEntry['status']) =>
			state.requests.push({ at: new Date(now()).toISOString(), method, path: `${parsed.pathname}${parsed.search}`, status });
		let body = '';
		try {
			body = await readBody(incoming);
		} catch {
			send(res, { status: 413, body: { error: 'request body too large' } });
			log(413);
			return;
		}
		if (!prefix) {
			send(res, { status: 404, body: { error: `No sandbox route for ${fullPath}`, routes: Object.values(PREFIXES) } });
			log(404);
			return;
		}
		const req: SandboxRequest = {
			method,
			path: fullPath.slice(prefix.length) || '/',
			fullPath,
			query: parsed.searchParams,
			headers: incoming.headers,
			body,
			origin,
			url: `${origin}${parsed.pathname}${parsed.search}`,
		};
		const latency = latencyFor(fullPath);
		if (latency > 0) await sleep(latency);
		const fault = prefix === PREFIXES.sandbox ? undefined : faults.take(method, fullPath);
		if (fault?.delayMs !== undefined) await sleep(fault.delayMs);
		if (fault?.kind === 'reset') {
			log('reset');
			incoming.socket.destroy();
			return;
		}
		// The route runs (and its effect is recorded) unless the fault answers in its place.
		const routed = fault === undefined || fault.kind === 'none' || fault.kind === 'dropResponse' || fault.afterRoute ? route(req, prefix) : undefined;
		if (fault?.kind === 'dropResponse') {
			log('dropped');
			incoming.socket.destroy();
			return;
		}
		if (fault?.kind === 'body') {
			sendRaw(res, fault.status, fault.body, fault.contentType, fault.truncate, fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
			log(fault.status);
			return;
		}
		if (fault?.kind === 'stream') {
			log(fault.status);
			await streamBody(res, fault);
			return;
		}
		const response = fault?.kind === 'status' ? faultResponse(req, prefix, fault.status, fault.retryAfter, now()) : (routed as SandboxResponse);
		send(res, response, fault?.drip);
		log(response.status);
	};

	const server = createServer((incoming, res) => {
		const key = `${(incoming.method ?? 'GET').toUpperCase()} ${new URL(incoming.url ?? '/', 'http://sandbox').pathname}`;
		state.inFlight[key] = (state.inFlight[key] ?? 0) + 1;
		handle(incoming, res)
			.catch((error: unknown) => {
				if (!res.headersSent) send(res, { status: 500, body: { error: `sandbox bug: ${(error as Error).message}` } });
			})
			.finally(() => {
				state.inFlight[key] -= 1;
				if (state.inFlight[key] === 0) delete state.inFlight[key];
			});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	let smtpSink;
	try {
		smtpSink = await startSmtpSink({
			host,
			port: options.smtpPort ?? 0,
			credentials: { user: keys.smtpUser, password: keys.smtpPassword },
			messages: state.sink.email,
			now,
		});
	} catch (error) {
		await new Promise<void>((resolve) => server.close(() => resolve()));
		throw error;
	}
	const address = server.address() as AddressInfo;
	const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	origin = `http://${hostInUrl}:${address.port}`;

	return {
		url: origin,
		port: address.port,
		urls: {
			easyPostAes: `${origin}${PREFIXES.easyPostAes}`,
			easyPostApi: `${origin}${PREFIXES.easyPostApi}`,
			shipium: `${origin}${PREFIXES.shipium}`,
			flexport: `${origin}${PREFIXES.flexport}`,
			slackWebhook: `${origin}${PREFIXES.sink}/slack`,
			sink: `${origin}${PREFIXES.sink}`,
		},
		smtp: { host: smtpSink.host, port: smtpSink.port },
		keys,
		state,
		control,
		close: async () => {
			await smtpSink.close();
			await new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
