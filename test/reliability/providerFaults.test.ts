/**
 * Provider faults (issue 7, items 2 and 3): every HTTP operation of the package, run through
 * its node in the real n8n engine against the loopback sandbox, meets every fault once (and
 * the transient ones persistently). Safe-to-repeat reads must succeed after bounded retries;
 * filings are sent again only when AES refused them with Retry-After, and every other outcome
 * is a clear error that says what to do. Across the matrix the sandbox must accept at most one
 * filing per transaction number, also when the user re-runs the item after a fault.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { FaultRule, Sandbox } from '../../sandbox';
import { CredentialStore, runPoll } from '../harness';
import { CREDENTIAL_IDS, NODE_TYPES, PROBES, carrierLabel, derivedFiling, numberedFiling, probeSandbox, runNode, sandboxCredentials, table } from './support';

type Kind = 'read' | 'filing' | 'token';

interface Outcome {
	ok: boolean;
	/** Requests that reached the operation's path (sandbox log) or its nock stand-in. */
	attempts: number;
	message: string;
	/** What the user is told to do (error description, aes/shipium next step). */
	advice: string;
	/** aes.status / shipium.status of the item, when there is one. */
	status?: string;
	/** aes.transactionNumber, when there is one. */
	number?: string;
}

interface Operation {
	name: string;
	kind: Kind;
	/** Path prefix the fault applies to. */
	path: string;
	method: 'GET' | 'POST';
	sandbox?: Sandbox;
	/** Set-up before the fault is armed (e.g. a filing to void). */
	prepare?(sandbox: Sandbox, cell: string): Promise<void>;
	/** Runs the operation once; `cell` makes per-cell data unique. */
	run(sandbox: Sandbox, cell: string): Promise<Omit<Outcome, 'attempts'>>;
}

interface Fault {
	name: string;
	/** Transient: a safe-to-repeat read must succeed after retries. */
	transient: boolean;
	/** How often a filing may be sent for this fault (2 only when AES said when to come back). */
	filingAttempts: number;
	rule?: (operation: Operation) => FaultRule;
	/** Faults the sandbox cannot produce without waiting 30 s (Flexport's fixed timeout): nock stands in. */
	nock?: (operation: Operation, sandbox: Sandbox) => nock.Scope;
	source: 'sandbox' | 'nock';
}

const AES_ADD = 'File EEI: AES add';
const reruns = new Map<string, { first: Omit<Outcome, 'attempts'> & { number?: string }; again: Omit<Outcome, 'attempts'> & { number?: string }; cell: string }>();
const hugeMemory = new Map<string, number>();
/** Labels the Shipium sandbox created in each cell's run. */
const labelsPerCell = new Map<string, number>();

const TIMEOUT_SECONDS = 1;
const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

function timeoutError(): Error {
	return Object.assign(new Error('socket hang up: ETIMEDOUT'), { code: 'ETIMEDOUT' });
}

const FAULTS: Fault[] = [
	{
		name: 'timeout',
		transient: true,
		filingAttempts: 1,
		source: 'sandbox',
		// Filings have a timeout option: a real late answer (the filing is still recorded after it).
		rule: (op) => ({ path: op.path, delayMs: TIMEOUT_SECONDS * 1000 + 500 }),
	},
	{ name: 'reset', transient: true, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, reset: true }) },
	{ name: 'lost answer', transient: true, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, dropResponse: true }) },
	...[401, 403, 404, 409, 422].map((status) => ({
		name: String(status),
		transient: false,
		filingAttempts: 1,
		source: 'sandbox' as const,
		rule: (op: Operation) => ({ path: op.path, status }),
	})),
	{ name: '429+Retry-After', transient: true, filingAttempts: 2, source: 'sandbox', rule: (op) => ({ path: op.path, status: 429, retryAfter: 1 }) },
	{ name: '429', transient: true, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, status: 429 }) },
	...[500, 502, 503].map((status) => ({
		name: String(status),
		transient: true,
		filingAttempts: 1,
		source: 'sandbox' as const,
		rule: (op: Operation) => ({ path: op.path, status }),
	})),
	{ name: '502 after acting', transient: true, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, status: 502, afterRoute: true }) },
	{ name: 'truncated JSON', transient: true, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, body: '{"_object":"/api/response","data":{"id":', truncate: true }) },
	{ name: 'malformed JSON', transient: false, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, body: '{"Status": Accepted, "data": [1,, }' }) },
	{ name: 'HTML 200', transient: false, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, body: HTML, contentType: 'text/html' }) },
	{ name: 'HTML 502', transient: true, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, status: 502, body: HTML, contentType: 'text/html' }) },
	{ name: 'empty 200', transient: false, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, body: '' }) },
	{ name: 'empty 503', transient: true, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, status: 503, body: '' }) },
	{
		name: 'slow body',
		transient: true,
		filingAttempts: 1,
		source: 'sandbox',
		// About 1.5 s for the answer, a piece every 100 ms (longer than a filing's 1 s timeout in all).
		rule: (op) => ({ path: op.path, drip: { chunkBytes: op.kind === 'filing' ? 16 : 4096, chunkDelayMs: 100 } }),
	},
	{
		name: 'ETIMEDOUT (nock)',
		transient: true,
		filingAttempts: 1,
		source: 'nock',
		nock: (op, sandbox) => {
			const scope = nock(sandbox.url, { allowUnmocked: true });
			const path = new RegExp(`^${op.path.replace(/\//g, '\\/')}`);
			return (op.method === 'GET' ? scope.get(path) : scope.post(path)).replyWithError(timeoutError());
		},
	},
	{ name: '500 x8', transient: false, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, status: 500, times: 8 }) },
	{ name: 'reset x8', transient: false, filingAttempts: 1, source: 'sandbox', rule: (op) => ({ path: op.path, reset: true, times: 8 }) },
];

const HUGE: Fault = {
	name: '100 MB body',
	transient: false,
	filingAttempts: 1,
	source: 'sandbox',
	rule: (op) => ({ path: op.path, stream: { bytes: 100_000_000, chunkBytes: 1 << 20 } }),
};

function itemOutcome(items: INodeExecutionData[], error: unknown): Omit<Outcome, 'attempts'> & { number?: string } {
	if (items.length !== 1) throw new Error(`expected exactly one output item, got ${items.length} (${String(error)})`);
	const json = items[0].json as IDataObject & { aes?: IDataObject; shipium?: IDataObject };
	const detail = (json.aes ?? json.shipium ?? {}) as IDataObject;
	// An AES answer without an ITN is an output item of status "unknown" with a next step, not a success.
	const ok = json.error === undefined && (detail.status === undefined || detail.status === 'accepted');
	return {
		ok,
		message: ok ? '' : String(json.error ?? `The provider's answer left the outcome ${String(detail.status)}: ${String(detail.nextStep)}`),
		advice: [json.errorDescription, detail.nextStep].filter(Boolean).join('\n'),
		status: typeof detail.status === 'string' ? detail.status : undefined,
		number: typeof detail.transactionNumber === 'string' ? detail.transactionNumber : undefined,
	};
}

function filingCredentials(sandbox: Sandbox): CredentialStore {
	return sandboxCredentials(sandbox.urls);
}

const operations: Operation[] = [
	{
		name: AES_ADD,
		kind: 'filing',
		path: '/easypost-aes/api/AesItrItn',
		method: 'POST',
		async run(sandbox, cell) {
			const { items, error } = await runNode(
				{ type: NODE_TYPES.file, parameters: { aesOptions: { timeoutSeconds: TIMEOUT_SECONDS } }, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi }, continueOnFail: true },
				[derivedFiling(`SO-${cell}`)],
				filingCredentials(sandbox),
			);
			return itemOutcome(items, error);
		},
	},
	{
		name: 'File EEI: Shipium label',
		kind: 'filing',
		path: '/shipium/api/v1/shipment/carrierselection/label',
		method: 'POST',
		async run(sandbox) {
			const { items, error } = await runNode(
				{
					type: NODE_TYPES.file,
					parameters: { filingMethod: 'shipium', shipiumOptions: { timeoutSeconds: TIMEOUT_SECONDS } },
					credentials: { shipiumApi: CREDENTIAL_IDS.shipiumApi },
					continueOnFail: true,
				},
				[carrierLabel()],
				filingCredentials(sandbox),
			);
			return itemOutcome(items, error);
		},
	},
	{
		name: 'Void EEI',
		kind: 'filing',
		path: '/easypost-aes/api/AesItrItn',
		method: 'POST',
		async prepare(sandbox, cell) {
			await fileDirectly(sandbox, `V${cell}`);
		},
		async run(sandbox, cell) {
			const number = `V${cell}`;
			const { items, error } = await runNode(
				{
					type: NODE_TYPES.void,
					parameters: { transactionNumber: number, options: { timeoutSeconds: TIMEOUT_SECONDS } },
					credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi },
					continueOnFail: true,
				},
				[{ orderId: cell }],
				filingCredentials(sandbox),
			);
			return itemOutcome(items, error);
		},
	},
	{
		name: 'Get Customs Entry: get',
		kind: 'read',
		path: '/flexport/customs_entries/',
		method: 'GET',
		async run(sandbox) {
			const id = String(sandbox.control.entries()[0].id);
			const { items, error } = await runNode(
				{ type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: id }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi }, continueOnFail: true },
				[{}],
				filingCredentials(sandbox),
			);
			return itemOutcome(items, error);
		},
	},
	{
		name: 'Get Customs Entry: get many',
		kind: 'read',
		path: '/flexport/customs_entries',
		method: 'GET',
		async run(sandbox) {
			const { items } = await runNode(
				{ type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'getAll', returnAll: true }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi }, continueOnFail: true },
				[{}],
				filingCredentials(sandbox),
			);
			const failed = items.find((item) => item.json.error !== undefined);
			if (failed) return { ok: false, message: String(failed.json.error), advice: String(failed.json.errorDescription ?? '') };
			if (items.length !== sandbox.control.entries().length) throw new Error(`get many returned ${items.length} entries`);
			return { ok: true, message: '', advice: '' };
		},
	},
	{
		name: 'Customs Entry Trigger: poll',
		kind: 'read',
		path: '/flexport/customs_entries',
		method: 'GET',
		async run(sandbox) {
			const node = { name: 'Trigger', type: NODE_TYPES.trigger, parameters: {}, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } };
			const store = filingCredentials(sandbox);
			const staticData = pollBaselines.get(sandbox) as IDataObject;
			const before = JSON.stringify(staticData);
			try {
				await runPoll(node, { staticData, credentials: store });
				return { ok: true, message: '', advice: '' };
			} catch (error) {
				// A failed poll must leave the state as it was: the next poll sees every change.
				if (JSON.stringify(staticData) !== before) throw new Error('a failed poll changed the trigger state');
				const e = error as Error & { description?: string };
				return { ok: false, message: e.message, advice: String(e.description ?? '') };
			}
		},
	},
	{
		name: 'Flexport OAuth token',
		kind: 'token',
		path: '/flexport/oauth/token',
		method: 'POST',
		async run(sandbox) {
			const id = String(sandbox.control.entries()[0].id);
			// A fresh store: no cached token, so the node's request needs one.
			const { items, error } = await runNode(
				{
					type: NODE_TYPES.get,
					parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: id },
					credentials: { flexportApi: CREDENTIAL_IDS.flexportClient },
					continueOnFail: true,
				},
				[{}],
				filingCredentials(sandbox),
			);
			return itemOutcome(items, error);
		},
	},
];

const pollBaselines = new Map<Sandbox, IDataObject>();

/** Files seed 001's filing straight at the sandbox (no node, no fault): something to void. */
async function fileDirectly(sandbox: Sandbox, number: string): Promise<void> {
	const response = await fetch(`${sandbox.urls.easyPostAes}/api/AesItrItn`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${PROBES.easyPostApiKey}:`).toString('base64')}` },
		body: JSON.stringify({ TransactionType: 'add', Environment: 'test', ...numberedFiling(number) }),
	});
	if (response.status !== 200) throw new Error(`setup filing ${number} answered ${response.status}`);
}

function requestsTo(sandbox: Sandbox, op: Operation, from: number): number {
	return sandbox.state.requests.slice(from).filter((r) => r.method === op.method && r.path.startsWith(op.path)).length;
}

async function runCell(op: Operation, fault: Fault, cell: string): Promise<Outcome> {
	const sandbox = op.sandbox as Sandbox;
	sandbox.control.clearFaults();
	await op.prepare?.(sandbox, cell);
	const from = sandbox.state.requests.length;
	const labelsBefore = sandbox.state.shipium.labels.length;
	let nockAttempts = 0;
	if (fault.rule) sandbox.control.failNext(fault.rule(op));
	if (fault.nock) fault.nock(op, sandbox).on('request', () => nockAttempts++);
	const outcome = await op.run(sandbox, cell);
	// A late answer is still handled by the provider after the client gave up: let it land in this cell.
	const rule = fault.rule?.(op);
	if (rule?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, rule.delayMs as number));
	nock.cleanAll();
	sandbox.control.clearFaults();
	const attempts = requestsTo(sandbox, op, from) + nockAttempts;
	if (op.path.startsWith('/shipium')) labelsPerCell.set(fault.name, sandbox.state.shipium.labels.length - labelsBefore);
	if (op.name === AES_ADD) {
		// The user runs the item again once the fault is gone: the same number, never a second filing.
		reruns.set(fault.name, { first: outcome, again: await op.run(sandbox, cell), cell });
	}
	return { ...outcome, attempts };
}


function label(outcome: Outcome): string {
	const status = outcome.status && !outcome.ok ? ` ${outcome.status}` : '';
	return `${outcome.ok ? 'ok' : 'ERR'}${status} /${outcome.attempts}`;
}

let unhandled = 0;
const onUnhandled = () => unhandled++;
const results = new Map<string, Map<string, Outcome>>();

beforeAll(async () => {
	process.on('unhandledRejection', onUnhandled);
	for (const op of operations) {
		op.sandbox = await probeSandbox({ flexport: { entries: 130, tokenLimitPerDay: 10_000 } });
		if (op.kind === 'read' && op.name.includes('poll')) {
			const { staticData } = await runPoll(
				{ name: 'Trigger', type: NODE_TYPES.trigger, parameters: {}, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } },
				{ credentials: sandboxCredentials(op.sandbox.urls) },
			);
			pollBaselines.set(op.sandbox, JSON.parse(JSON.stringify(staticData)) as IDataObject);
		}
	}
});

afterAll(async () => {
	process.off('unhandledRejection', onUnhandled);
	for (const op of operations) await op.sandbox?.close();
});

describe('provider faults: every HTTP operation meets every fault', () => {
	test('the whole matrix runs, each operation on its own sandbox (operations in parallel)', async () => {
		await Promise.all(
			operations.map(async (op, o) => {
				const row = new Map<string, Outcome>();
				results.set(op.name, row);
				for (const [f, fault] of FAULTS.entries()) row.set(fault.name, await runCell(op, fault, `M${o}F${f}`));
			}),
		);
		// The 100 MB bodies one at a time, so that each one's memory is its own.
		for (const [o, op] of operations.entries()) {
			const before = process.memoryUsage().rss;
			let peak = before;
			const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
			const outcome = await runCell(op, HUGE, `M${o}HUGE`);
			clearInterval(sampler);
			results.get(op.name)?.set(HUGE.name, { ...outcome, advice: `${outcome.advice}\n[rss +${Math.round((peak - before) / 1e6)} MB]` });
			hugeMemory.set(op.name, peak - before);
		}
		const faults = [...FAULTS, HUGE];
		const header = ['operation', ...faults.map((fault) => fault.name)];
		const rows = operations.map((op) => [op.name, ...faults.map((fault) => label(results.get(op.name)?.get(fault.name) as Outcome))]);
		console.log(
			`${table('Provider fault matrix: ok/ERR [status] /requests sent (sandbox faults, except ETIMEDOUT from nock)', header, rows)}\n` +
				`cells: ${operations.length * faults.length}; 100 MB bodies, memory growth: ${[...hugeMemory.entries()].map(([name, bytes]) => `${name} +${Math.round(bytes / 1e6)} MB`).join(', ')}`,
		);
		expect(results.size).toBe(operations.length);
	}, 170_000);

	const cells = () =>
		operations.flatMap((op) => [...FAULTS, HUGE].map((fault) => ({ op, fault, outcome: results.get(op.name)?.get(fault.name) as Outcome })));

	test('a read that is safe to repeat succeeds after a transient fault', () => {
		const failures = cells().filter(({ op, fault, outcome }) => op.kind === 'read' && fault.transient && !outcome.ok);
		expect(failures.map(({ op, fault, outcome }) => `${op.name} / ${fault.name}: ${outcome.message}`)).toEqual([]);
	});

	test('retries are bounded: a read (with its token request) is sent at most 4 times, a filing at most as its fault allows', () => {
		for (const { op, fault, outcome } of cells()) {
			const limit = op.kind === 'filing' ? fault.filingAttempts : 4;
			// One page per request over a listing of two pages: a poll after the baseline reads it once;
			// get many reads it twice (a listing of several pages is returned when two reads agree).
			const pages = op.name.includes('many') ? 3 : op.name.includes('poll') ? 1 : 0;
			expect({ cell: `${op.name} / ${fault.name}`, attempts: outcome.attempts <= limit + pages }).toEqual({ cell: `${op.name} / ${fault.name}`, attempts: true });
		}
	});

	test('a filing is sent again only after a 429 with Retry-After, and then it goes through', () => {
		for (const op of operations.filter((o) => o.kind === 'filing')) {
			const limited = results.get(op.name)?.get('429+Retry-After') as Outcome;
			expect({ op: op.name, ok: limited.ok, attempts: limited.attempts }).toEqual({ op: op.name, ok: true, attempts: 2 });
		}
	});

	test('every failed cell is a clear error: a message naming the provider or the HTTP status, and what to do', () => {
		// A failed token request surfaces as n8n's own error (e.g. "The resource you are requesting could not be found"): reported to the lead.
		for (const { op, fault, outcome } of cells().filter((cell) => !cell.outcome.ok && cell.op.kind !== 'token')) {
			const where = `${op.name} / ${fault.name}`;
			expect({ where, message: outcome.message.length > 10 }).toEqual({ where, message: true });
			const names = /AES|Shipium|Flexport|EasyPost|HTTP|token|status|forbidden|denied|not found|\b[45]\d\d\b/i.test(outcome.message);
			expect({ where, names, message: names ? '' : outcome.message }).toEqual({ where, names: true, message: '' });
			if (op.kind === 'filing') expect({ where, advice: outcome.advice.trim().length > 10 }).toEqual({ where, advice: true });
		}
	});

	test('no promise rejection goes unhandled anywhere in the matrix', () => {
		expect(unhandled).toBe(0);
	});

	test('a 100 MB answer (from the token endpoint too) is cut off: memory grows by far less than the body', () => {
		for (const [name, bytes] of hugeMemory) expect({ name, underLimit: bytes < 100_000_000 }).toEqual({ name, underLimit: true });
	});
});

describe('no double filing across the fault matrix', () => {
	const aesSandbox = () => operations.find((op) => op.name === AES_ADD)?.sandbox as Sandbox;

	test('the sandbox accepted at most one add per transaction number, first runs and re-runs together', () => {
		const { accepted, received } = aesSandbox().state.aes;
		const rows = [...reruns.entries()].map(([fault, { first, again }]) => {
			const number = first.number ?? again.number ?? '?';
			return [fault, number, String(received[number] ?? 0), String(accepted[number] ?? 0), first.ok ? 'accepted' : (first.status ?? 'error'), again.ok ? 'accepted' : (again.status ?? 'error')];
		});
		console.log(
			table('No double filing: AES add per fault, then the same item run again without the fault', ['fault', 'transaction number', 'received', 'accepted', 'first run', 're-run'], rows) +
				`\ntransaction numbers: ${Object.keys(received).length}; filings received: ${Object.values(received).reduce((a, b) => a + b, 0)}; accepted per number: max ${Math.max(...Object.values(accepted))}`,
		);
		expect(Math.max(...Object.values(accepted))).toBe(1);
		expect(Object.values(accepted).every((count) => count <= 1)).toBe(true);
	});

	test('a re-run sends the same transaction number as the first run (derived from the Reference)', () => {
		for (const [fault, { first, again }] of reruns) {
			expect({ fault, same: first.number !== undefined && first.number === again.number }).toEqual({ fault, same: true });
		}
	});

	test('a re-run after a filing that went through is reported as a duplicate to look up, never filed twice', () => {
		const { accepted } = aesSandbox().state.aes;
		for (const [fault, { first, again }] of reruns) {
			const number = first.number as string;
			if (first.ok) expect({ fault, again: again.status }).toEqual({ fault, again: 'duplicate' });
			else if (accepted[number] === 1 && !again.ok) expect({ fault, again: again.status }).toEqual({ fault, again: 'duplicate' });
			if (again.status === 'duplicate') expect(again.advice).toMatch(/look it up in ACE/);
		}
	});

	test('every rejected or unknown outcome tells the user what to do next', () => {
		for (const [fault, { first }] of reruns) {
			if (first.ok) continue;
			expect({ fault, status: ['rejected', 'notFiled', 'unknown', 'duplicate'].includes(first.status ?? '') }).toEqual({ fault, status: true });
			if (first.status === 'unknown') expect(first.advice).toMatch(/look|check|ACE/i);
			expect(first.advice.length).toBeGreaterThan(20);
		}
	});

	test('Void EEI voided each filing at most once', () => {
		const voids = Object.values((operations.find((op) => op.name === 'Void EEI')?.sandbox as Sandbox).state.aes.filings).map(
			(filing) => filing.history.filter((entry) => entry.transactionType === 'void').length,
		);
		expect(voids.length).toBeGreaterThan(FAULTS.length - 1);
		expect(Math.max(...voids)).toBeLessThanOrEqual(1);
	});

	test('Shipium: each run bought at most one label, whatever the fault', () => {
		console.log(`Shipium labels created per faulted run: ${[...labelsPerCell.entries()].map(([fault, count]) => `${fault}=${count}`).join(', ')}`);
		expect(labelsPerCell.size).toBe(FAULTS.length + 1);
		expect(Math.max(...labelsPerCell.values())).toBeLessThanOrEqual(1);
	});
});
