/**
 * Flexport (`/flexport` prefix, seed 004): customs entries in the `/api/response` envelope with
 * `/api/collections/paginated` lists, `/api/error` errors, bearer auth (the API key, or a token
 * from `POST /oauth/token`, client credentials). Entry statuses move on a per-entry schedule
 * drawn from the seeded PRNG and read against the sandbox clock: `null` -> `pending` -> one of
 * `released`, `cleared`, `customs_hold` (a hold is released later).
 */
import { createHmac } from 'node:crypto';
import { bearerToken, isNonEmptyText, isRecord, parseJson, type SandboxRequest, type SandboxResponse } from './http';
import type { Prng } from './prng';
import type { SandboxKeys } from './keys';

export const FLEXPORT_AUDIENCE = 'https://api.flexport.com';
/** Flexport documents 24-hour tokens and 10 token requests a day. */
export const TOKEN_LIFETIME_MS = 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const DEFAULT_PER = 20;
const MAX_PER = 100;

export interface TimelineStep {
	at: number;
	status: string | null;
	/** Overrides the release date derived from `at` (ISO text), for scripted entries. */
	releaseDate?: string | null;
}

export interface FlexportEntryRecord {
	id: string;
	entryNumber: string;
	shipmentId: number;
	createdAt: number;
	/** Status changes in time order; the status at time t is that of the last step at or before t. */
	timeline: TimelineStep[];
}

/** What a test may give `control.addEntry`; everything is optional. */
export interface FlexportEntryInput {
	id?: string;
	entryNumber?: string;
	shipmentId?: number;
	/** Start status; default null. */
	releaseStatus?: string | null;
	releaseDate?: string | null;
	/** false: the status stays as given until `setStatus` (default true: it follows the seeded schedule). */
	progress?: boolean;
}

export interface FlexportTimelineOptions {
	/** From creation to `pending`, ms [min, max]; default 1 to 5 minutes. */
	pendingAfterMs?: [number, number];
	/** From `pending` to the decision (and from a hold to its release), ms [min, max]; default 5 to 30 minutes. */
	finalAfterMs?: [number, number];
}

export interface FlexportState {
	entries: FlexportEntryRecord[];
	/** Every `POST /oauth/token`, refused ones included: Flexport allows 10 a day. */
	tokenRequests: number;
	tokensIssued: number;
	/** Customs entry reads (list pages and single entries) answered, any outcome. */
	entryRequests: number;
	/** `Flexport-Version` header of each customs entry request ('' when absent). */
	versionHeaders: string[];
}

export function createFlexportState(): FlexportState {
	return { entries: [], tokenRequests: 0, tokensIssued: 0, entryRequests: 0, versionHeaders: [] };
}

interface IssuedToken {
	clientId: string;
	issuedAt: number;
	expiresAt: number;
}

export interface FlexportContext {
	state: FlexportState;
	keys: SandboxKeys;
	now: () => number;
	prng: Prng;
	timeline: Required<FlexportTimelineOptions>;
	tokenLimitPerDay: number;
	tokens: Map<string, IssuedToken>;
	tokenSecret: string;
}

export const DEFAULT_TIMELINE: Required<FlexportTimelineOptions> = {
	pendingAfterMs: [60_000, 300_000],
	finalAfterMs: [300_000, 1_800_000],
};

const FINAL_STATUSES: readonly string[] = ['released', 'released', 'released', 'cleared', 'cleared', 'customs_hold'];
const RELEASED = new Set(['released', 'cleared']);

/** A 22-character url-safe id, like Flexport's `MpG7GULQbuvaVHKeQ-pvEg`. */
export function entryId(prng: Prng): string {
	return prng.bytes(16).toString('base64url');
}

function between(prng: Prng, [min, max]: [number, number]): number {
	return prng.int(Math.min(min, max), Math.max(min, max));
}

/** Builds an entry and, unless told not to, its schedule: null -> pending -> decision (-> release after a hold). */
export function createEntry(ctx: FlexportContext, input: FlexportEntryInput = {}, createdAt = ctx.now()): FlexportEntryRecord {
	const id = input.id ?? entryId(ctx.prng);
	const shipmentId = input.shipmentId ?? ctx.prng.int(20_000, 99_999);
	const entryNumber =
		input.entryNumber ?? `${ctx.prng.pick(['FLX', 'CHQ', '9E2'])}-${String(ctx.prng.int(1_000_000, 9_999_999))}${ctx.prng.int(0, 9)}`;
	const start: TimelineStep = { at: createdAt, status: input.releaseStatus ?? null };
	if (input.releaseDate !== undefined) start.releaseDate = input.releaseDate;
	const timeline: TimelineStep[] = [start];
	if (input.progress !== false && !RELEASED.has(String(start.status))) {
		let at = createdAt;
		if (start.status === null) {
			at += between(ctx.prng, ctx.timeline.pendingAfterMs);
			timeline.push({ at, status: 'pending' });
		}
		if (start.status !== 'customs_hold') {
			at += between(ctx.prng, ctx.timeline.finalAfterMs);
			timeline.push({ at, status: ctx.prng.pick(FINAL_STATUSES) });
		}
		if (timeline[timeline.length - 1].status === 'customs_hold') {
			at += between(ctx.prng, ctx.timeline.finalAfterMs);
			timeline.push({ at, status: 'released' });
		}
	}
	const record = { id, entryNumber, shipmentId, createdAt, timeline };
	ctx.state.entries.push(record);
	return record;
}

/** Status and release date at `now`. */
export function statusAt(record: FlexportEntryRecord, now: number): { status: string | null; releaseDate: string | null } {
	let status: string | null = null;
	let releaseDate: string | null = null;
	for (const step of record.timeline) {
		if (step.at > now) break;
		status = step.status;
		if (step.releaseDate !== undefined) releaseDate = step.releaseDate;
		else if (RELEASED.has(String(step.status))) releaseDate ??= new Date(step.at).toISOString();
		else releaseDate = null;
	}
	return { status, releaseDate };
}

/** Sets an entry's status now and drops its future schedule (the entry then stays put until told otherwise). */
export function setStatus(record: FlexportEntryRecord, now: number, status: string | null, releaseDate?: string | null): void {
	record.timeline = record.timeline.filter((step) => step.at <= now);
	const step: TimelineStep = { at: now, status };
	if (releaseDate !== undefined) step.releaseDate = releaseDate;
	record.timeline.push(step);
}

export function entryView(record: FlexportEntryRecord, now: number, origin: string): Record<string, unknown> {
	const { status, releaseDate } = statusAt(record, now);
	return {
		_object: '/customs_entry',
		id: record.id,
		entry_number: record.entryNumber,
		release_status: status,
		release_date: releaseDate,
		shipment: {
			_object: '/api/refs/object',
			ref_type: '/shipment',
			link: `${origin}/flexport/shipments/${record.shipmentId}`,
			id: record.shipmentId,
		},
	};
}

function version(req: SandboxRequest): number {
	const header = Number(req.headers['flexport-version']);
	return Number.isInteger(header) && header > 0 ? header : 2;
}

function envelope(req: SandboxRequest, data: unknown): SandboxResponse {
	return { status: 200, body: { _object: '/api/response', self: req.url, version: version(req), data, error: null } };
}

export function flexportError(
	req: SandboxRequest,
	status: number,
	code: string,
	message: string,
	headers?: Record<string, string>,
): SandboxResponse {
	return {
		status,
		headers,
		body: {
			_object: '/api/response',
			self: req.url,
			version: version(req),
			data: null,
			error: { _object: '/api/error', status, code, message },
		},
	};
}

function base64url(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JWT-like token (HS256 over a sandbox secret): three dot-separated parts, as Auth0 issues. */
function issueToken(ctx: FlexportContext, req: SandboxRequest, clientId: string): { token: string; expiresAt: number } {
	const now = ctx.now();
	const expiresAt = now + TOKEN_LIFETIME_MS;
	const head = base64url({ alg: 'HS256', typ: 'JWT' });
	const payload = base64url({
		iss: `${req.origin}/flexport/`,
		sub: `${clientId}@clients`,
		aud: FLEXPORT_AUDIENCE,
		iat: Math.floor(now / 1000),
		exp: Math.floor(expiresAt / 1000),
		gty: 'client-credentials',
		jti: ctx.prng.bytes(12).toString('hex'),
	});
	const signature = createHmac('sha256', ctx.tokenSecret).update(`${head}.${payload}`).digest('base64url');
	const token = `${head}.${payload}.${signature}`;
	ctx.tokens.set(token, { clientId, issuedAt: now, expiresAt });
	return { token, expiresAt };
}

/** `POST /oauth/token`: client credentials (JSON or form body), Auth0-style errors. */
function token(req: SandboxRequest, ctx: FlexportContext): SandboxResponse {
	ctx.state.tokenRequests += 1;
	if (req.method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'Use POST' } };
	const type = String(req.headers['content-type'] ?? '');
	const parsed = type.includes('application/x-www-form-urlencoded')
		? Object.fromEntries(new URLSearchParams(req.body))
		: parseJson(req.body);
	const body = isRecord(parsed) ? parsed : {};
	if (body.grant_type !== 'client_credentials') {
		return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type: only client_credentials' } };
	}
	if (body.audience !== FLEXPORT_AUDIENCE) {
		return { status: 403, body: { error: 'access_denied', error_description: `Service not found: ${String(body.audience ?? '')}` } };
	}
	if (!isNonEmptyText(body.client_id) || body.client_id !== ctx.keys.flexportClientId || body.client_secret !== ctx.keys.flexportClientSecret) {
		return { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
	}
	const now = ctx.now();
	const today = [...ctx.tokens.values()].filter((t) => t.issuedAt > now - DAY_MS).sort((a, b) => a.issuedAt - b.issuedAt);
	if (today.length >= ctx.tokenLimitPerDay) {
		const retryAfter = Math.max(1, Math.ceil((today[0].issuedAt + DAY_MS - now) / 1000));
		return {
			status: 429,
			headers: { 'retry-after': String(retryAfter) },
			body: { error: 'too_many_requests', error_description: `Token limit of ${ctx.tokenLimitPerDay} per day reached` },
		};
	}
	const { token: accessToken } = issueToken(ctx, req, body.client_id);
	ctx.state.tokensIssued += 1;
	return {
		status: 200,
		body: { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_MS / 1000, scope: 'read:customs_entries' },
	};
}

function authorised(req: SandboxRequest, ctx: FlexportContext): boolean {
	const presented = bearerToken(req.headers);
	if (!presented) return false;
	if (presented === ctx.keys.flexportApiKey) return true;
	const issued = ctx.tokens.get(presented);
	return issued !== undefined && issued.expiresAt > ctx.now();
}

function pageLink(req: SandboxRequest, page: number, per: number): string {
	const query = new URLSearchParams(req.query);
	query.set('page', String(page));
	query.set('per', String(per));
	return `${req.origin}/flexport/customs_entries?${query.toString()}`;
}

function positiveInteger(text: string | null, fallback: number): number | undefined {
	if (text === null) return fallback;
	return /^\d+$/.test(text) ? Number(text) : undefined;
}

function list(req: SandboxRequest, ctx: FlexportContext): SandboxResponse {
	const page = positiveInteger(req.query.get('page'), 1);
	const per = positiveInteger(req.query.get('per'), DEFAULT_PER);
	if (page === undefined || page < 1) return flexportError(req, 400, 'invalid_pagination', 'page must be a whole number of at least 1');
	if (per === undefined || per < 1 || per > MAX_PER) {
		return flexportError(req, 400, 'invalid_pagination', `per must be a whole number from 1 to ${MAX_PER}`);
	}
	const shipment = req.query.get('f.shipment.id');
	const now = ctx.now();
	const visible = ctx.state.entries.filter(
		(entry) => entry.createdAt <= now && (shipment === null || String(entry.shipmentId) === shipment.trim()),
	);
	const slice = visible.slice((page - 1) * per, page * per);
	return envelope(req, {
		_object: '/api/collections/paginated',
		prev: page > 1 ? pageLink(req, page - 1, per) : null,
		next: page * per < visible.length ? pageLink(req, page + 1, per) : null,
		total_count: visible.length,
		data: slice.map((entry) => entryView(entry, now, req.origin)),
	});
}

export function handleFlexport(req: SandboxRequest, ctx: FlexportContext): SandboxResponse {
	if (req.path === '/oauth/token') return token(req, ctx);
	const single = /^\/customs_entries\/([^/]+)$/.exec(req.path);
	if (req.path !== '/customs_entries' && !single) {
		return flexportError(req, 404, 'not_found', `No route for ${req.method} ${req.path} in the sandbox`);
	}
	ctx.state.entryRequests += 1;
	ctx.state.versionHeaders.push(String(req.headers['flexport-version'] ?? ''));
	if (!authorised(req, ctx)) return flexportError(req, 401, 'unauthorized', 'Invalid or expired access token');
	if (req.method !== 'GET') return flexportError(req, 405, 'method_not_allowed', 'Only GET is supported');
	if (!single) return list(req, ctx);
	const id = decodeURIComponent(single[1]);
	const now = ctx.now();
	const record = ctx.state.entries.find((entry) => entry.id === id && entry.createdAt <= now);
	if (!record) return flexportError(req, 404, 'not_found', `Couldn't find CustomsEntry with 'id'=${id}`);
	return envelope(req, entryView(record, now, req.origin));
}
