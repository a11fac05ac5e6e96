/**
 * Scale-out: the package in n8n 2.40.7 queue mode — Redis (OS package) on loopback, one main
 * (`n8n start`: webhooks, the leader's poller) and two workers (`n8n worker`) sharing the user
 * folder's SQLite database and encryption key — against the provider sandbox with the example
 * workflows. `n8n execute` falls back to regular mode in queue mode ("CLI command `execute` does
 * not support queue mode"), so every execution here starts the way production ones do: webhook
 * requests to the main, and the Customs Entry Trigger's polls on the main; the workers' logs say
 * which worker ran each execution.
 *   (a) 20 orders posted to the ERP webhook: the single-process results (filed with an ITN,
 *       NOEEI 30.37(a), refused before sending), on both workers, each transaction number accepted at most once;
 *   (b) Get Customs Entry with Flexport client credentials on both workers: one token request in
 *       the whole run (the token cached in the credential, in the shared database);
 *   (c) release alerts: statuses changed between poll cycles, each alert reaching the sink once.
 * (c) runs in the background from the start (poll cycles are a minute apart; n8n refuses shorter
 * intervals), while (a) and (b) run.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';

import { startSandbox, type Sandbox } from '../../sandbox';
import * as examples from '../../scripts/n8n-local/examples';
import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';
import * as queue from '../../scripts/n8n-local/queue';
import { login } from '../../scripts/n8n-local/server';
import { chain, credentialRef, credentialsFor } from './support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The examples e2e's fixed sandbox clock: ITN dates and Flexport statuses do not drift. */
const NOW = Date.parse('2026-11-23T15:00:00.000Z');
const ORDER_TO_FILING = 'exOrderToFiling01';
const RELEASE_ALERTS = 'exReleaseAlerts01';
const ENTRY_LOOKUP = 'qmEntryLookup0001';
const ENTRY_LOOKUP_COLD = 'qmEntryLookupCold';
const ORDERS = 20;
const LOOKUPS = 12;
const COLD_LOOKUPS = 6;
const WORKERS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stopping = false;

/** Polls `check` every 250 ms until it returns a value other than undefined/false. */
async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs: number): Promise<Exclude<T, false | undefined>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
		if (stopping) throw new Error(`stopped while waiting for ${what}`);
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(250);
	}
}

/** A webhook -> Get Customs Entry (get by ID) workflow that answers with the entry. */
function lookupWorkflow(id: string, path: string, credential: Json): examples.ExampleWorkflow {
	return {
		id,
		name: `Queue e2e: look up a customs entry (${path})`,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: randomUUID(),
				name: 'Lookup request',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Get Customs Entry',
				type: `${n8nLocal.PACKAGE_NAME}.getCustomsEntry`,
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: '={{ $json.body.id }}' },
				credentials: credentialRef(credential as never),
			},
		],
		connections: chain('Lookup request', 'Get Customs Entry'),
	};
}

/** The three sample orders of the order-to-filing example (laptops to DE, T-shirts to JP, gear boxes to MX). */
function sampleOrders(): Json[] {
	const example = examples.readExamples().find(({ workflow }) => workflow.id === ORDER_TO_FILING)!.workflow as Json;
	const sample = example.nodes.find((node: Json) => node.name === 'Sample ERP request');
	return (JSON.parse(sample.parameters.jsonOutput) as Json).body.orders as Json[];
}

function output(execution: queue.RestExecution, node: string, index = 0): Json[] | undefined {
	return n8nLocal.nodeOutput(execution.run, node, index) as Json[] | undefined;
}

/** Flexport listing scans (page 1 of GET /customs_entries): the trigger's polls. */
function pollScans(sandbox: Sandbox): number {
	return sandbox.state.requests.filter((r) => r.method === 'GET' && /^\/flexport\/customs_entries\?(.*&)?page=1(&|$)/.test(r.path)).length;
}

interface StatusChange {
	id: string;
	entryNumber: string;
	status: string;
	releaseDate: string | null;
}

interface ReleaseStory {
	/** Real time (ms) at which each scan was first seen; [0] is the activation baseline. */
	scanTimes: number[];
	rounds: Array<{ changes: StatusChange[]; appliedAt: number; alertsAt?: number; newMessages: number }>;
	error?: Error;
}

describe('n8n queue mode: one main, two workers, Redis, the examples against the sandbox', () => {
	let redis: queue.RedisServer | undefined;
	let sandbox: Sandbox;
	let cluster: queue.QueueCluster | undefined;
	let userFolder: string;
	let cookie: string;
	let url: string;
	let story: Promise<ReleaseStory>;
	let storyEntries: Json[];
	let otherEntries: Json[];
	const figures: Record<string, unknown> = {};
	const started = Date.now();

	const scanWatch: number[] = [];
	let scanTimer: NodeJS.Timeout | undefined;

	const slackTexts = () => sandbox.state.sink.slack.map((message) => (message.body as Json).text as string);
	const emailSubjects = () => sandbox.state.sink.email.map((message) => (message.body as Json).subject as string);
	const releaseMessages = () => [...slackTexts().filter((text) => text.startsWith('Customs entry ')), ...emailSubjects().filter((s) => s.startsWith('Customs hold: '))];

	/** Changes statuses between poll cycles and waits for the alerts of each round (see file comment). */
	async function releaseStory(): Promise<ReleaseStory> {
		const result: ReleaseStory = { scanTimes: scanWatch, rounds: [] };
		const [a, b, c] = storyEntries;
		const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
		const change = (entry: Json, status: string, releaseDate: string | null): StatusChange => ({ id: entry.id, entryNumber: entry.entry_number, status, releaseDate });
		const rounds: StatusChange[][] = [
			[change(a, 'released', at(-1)), change(b, 'customs_hold', null)],
			[change(c, 'cleared', at(-2)), change(b, 'released', at(-3))],
			[],
		];
		try {
			for (const changes of rounds) {
				// Just after a scan: the next one, a minute later, is the first to see these changes.
				await sleep(2000);
				const messagesBefore = releaseMessages().length;
				const scansBefore = pollScans(sandbox);
				for (const { id, status, releaseDate } of changes) sandbox.control.setStatus(id, status, releaseDate);
				const round: ReleaseStory['rounds'][number] = { changes, appliedAt: Date.now(), newMessages: 0 };
				result.rounds.push(round);
				if (changes.length > 0) {
					// One alert per change; allow one extra scan in case one was in flight while the statuses changed.
					await until(`the alerts of round ${result.rounds.length}`, () => releaseMessages().length >= messagesBefore + changes.length, 150_000);
					round.alertsAt = Date.now();
					// Let any duplicate execution land before counting.
					await sleep(5000);
				} else {
					await until('one more scan', () => pollScans(sandbox) > scansBefore, 75_000);
					await sleep(10_000);
				}
				round.newMessages = releaseMessages().length - messagesBefore;
				if (changes.length > 0) await until('the next scan', () => pollScans(sandbox) > scansBefore, 75_000);
			}
		} catch (error) {
			result.error = error as Error;
		}
		return result;
	}

	beforeAll(async () => {
		if (!n8nLocal.isInstalled()) n8nLocal.install();
		const t0 = Date.now();
		redis = await queue.startRedis();
		sandbox = await startSandbox({ seed: 11, clock: () => NOW });
		userFolder = n8nLocal.createUserFolder('n8n-us-customs-queue-');
		n8nLocal.packAndInstall(userFolder, { build: process.env.E2E_SKIP_BUILD !== '1' });
		const credentials = credentialsFor(sandbox);
		const client = credentials.find((c) => c.data.authentication === 'clientCredentials')!;
		// A second client-credentials credential that holds no token yet, for the cold-start measurement.
		const cold = { ...client, id: 'qmFlexportCold01', name: 'Flexport client credentials (cold)' };
		await n8nLocal.importCredentials(userFolder, [...credentials, cold]);
		const workflows = [
			...examples.readExamples().map(({ workflow }) => examples.pointAtSandbox(workflow, sandbox.url)),
			lookupWorkflow(ENTRY_LOOKUP, 'entry-lookup', client),
			lookupWorkflow(ENTRY_LOOKUP_COLD, 'entry-lookup-cold', cold),
		];
		await examples.importWorkflows(userFolder, workflows, { publish: [ORDER_TO_FILING, RELEASE_ALERTS, ENTRY_LOOKUP, ENTRY_LOOKUP_COLD] });
		figures.importSeconds = (Date.now() - t0) / 1000;

		const t1 = Date.now();
		scanTimer = setInterval(() => {
			while (scanWatch.length < pollScans(sandbox)) scanWatch.push(Date.now());
		}, 250);
		cluster = await queue.startQueueCluster(userFolder, { redisPort: redis.port, workers: WORKERS, concurrency: 5 });
		url = cluster.main.url;
		cookie = await login(url);
		// Published workflows are activated by the main's publication reconciler shortly after it is ready.
		for (const path of ['eei-order', 'entry-lookup', 'entry-lookup-cold']) {
			await until(`webhook ${path} registered`, async () => /Did you mean to make a POST request/.test(await (await fetch(`${url}/webhook/${path}`)).text()), 60_000);
		}
		await until('the trigger\'s activation scan', () => pollScans(sandbox) >= 1, 60_000);
		figures.clusterReadySeconds = (Date.now() - t1) / 1000;

		const untouched = (sandbox.control.entries() as Json[]).filter((entry) => entry.release_status === 'pending');
		storyEntries = untouched.slice(0, 3);
		otherEntries = (sandbox.control.entries() as Json[]).filter((entry) => !storyEntries.includes(entry));
		story = releaseStory();
	}, 10 * 60_000);

	afterAll(async () => {
		stopping = true;
		if (scanTimer) clearInterval(scanTimer);
		const t = Date.now();
		await cluster?.stop();
		await redis?.stop();
		await sandbox?.close();
		figures.stopSeconds = (Date.now() - t) / 1000;
		figures.totalSeconds = (Date.now() - started) / 1000;
		console.log(`queue mode e2e figures:\n${JSON.stringify(figures, null, 2)}`);
		if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== '1') rmSync(userFolder, { recursive: true, force: true });
	}, 120_000);

	it('runs one main and two workers in queue mode on the Redis it started (n8n warns that SQLite is not officially supported there)', async () => {
		expect(await queue.redisPing(redis!.port)).toBe(true);
		expect(cluster!.workers.map((worker) => worker.name)).toEqual(['worker1', 'worker2']);
		expect(readFileSync(cluster!.main.logFile, 'utf8')).toContain('Scaling mode is not officially supported with sqlite');
		for (const worker of cluster!.workers) expect(readFileSync(worker.logFile, 'utf8')).toContain('n8n worker is now ready');
	});

	describe(`(a) order to filing: ${ORDERS} orders posted to the ERP webhook at once`, () => {
		const templates = sampleOrders();
		const orders = Array.from({ length: ORDERS }, (_, i) => ({ ...templates[i % 3], orderId: `QM-${String(i + 1).padStart(2, '0')}` }));
		const kind = (orderId: string) => ['filed', 'noeei', 'rejected'][orders.findIndex((order) => order.orderId === orderId) % 3];
		let answers: Array<{ status: number; body: Json }>;
		let executions: queue.RestExecution[];
		let ranOn: Map<string, string>;
		const byOrder = new Map<string, queue.RestExecution>();

		beforeAll(async () => {
			const t = Date.now();
			answers = await Promise.all(
				orders.map(async (order) => {
					const response = await fetch(`${url}/webhook/eei-order`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ orders: [order] }),
					});
					return { status: response.status, body: (await response.json()) as Json };
				}),
			);
			const summaries = await until(
				`${ORDERS} finished order-to-filing executions`,
				async () => {
					const list = await queue.listExecutions(url, cookie, ORDER_TO_FILING);
					return list.length >= ORDERS && list.every((e) => !['new', 'running', 'waiting'].includes(e.status)) && list;
				},
				120_000,
			);
			figures.ordersSeconds = (Date.now() - t) / 1000;
			executions = await Promise.all(summaries.map((summary) => queue.getExecution(url, cookie, summary.id)));
			for (const execution of executions) byOrder.set(output(execution, 'ERP/TMS Webhook')![0].body.orders[0].orderId, execution);
			ranOn = queue.executionsByWorker(cluster!.workers);
			const perWorker: Record<string, number> = {};
			for (const execution of executions) perWorker[ranOn.get(execution.id) ?? 'main'] = (perWorker[ranOn.get(execution.id) ?? 'main'] ?? 0) + 1;
			figures.orderExecutionsPerWorker = perWorker;
		}, 5 * 60_000);

		it('answers every request at once ("Workflow was started") and runs one successful webhook execution per order', () => {
			expect(answers).toEqual(orders.map(() => ({ status: 200, body: { message: 'Workflow was started' } })));
			expect(executions.map((e) => [e.mode, e.status])).toEqual(orders.map(() => ['webhook', 'success']));
			expect([...byOrder.keys()].sort()).toEqual(orders.map((order) => order.orderId));
		});

		it('runs the executions on the workers, each on exactly one, and on both workers', () => {
			const owners = executions.map((execution) => ranOn.get(execution.id));
			expect(owners.filter((owner) => owner !== 'worker1' && owner !== 'worker2')).toEqual([]);
			expect(new Set(owners)).toEqual(new Set(['worker1', 'worker2']));
		});

		it('requires EEI for the laptops to Germany and the gear boxes to Mexico, not for the T-shirts to Japan (15 CFR 30.37(a)), as in one process', () => {
			for (const [orderId, execution] of byOrder) {
				const [checked] = output(execution, 'Check EEI Requirement')!;
				expect([orderId, checked.eei.required, checked.eei.legend]).toEqual([orderId, kind(orderId) !== 'noeei', kind(orderId) === 'noeei' ? 'NOEEI 30.37(a)' : null]);
			}
		});

		it('files each laptop order once and records the ITN the sandbox issued as its proof of filing', () => {
			const filed = [...byOrder].filter(([orderId]) => kind(orderId) === 'filed');
			expect(filed).toHaveLength(7);
			for (const [orderId, execution] of filed) {
				const [result] = output(execution, 'File EEI (test environment)')!;
				const transactionNumber = result.aes.transactionNumber as string;
				const itn = sandbox.state.aes.filings[transactionNumber]?.itn;
				expect(itn).toMatch(/^X20261123\d{6}$/);
				expect(result.aes).toMatchObject({ status: 'accepted', itn, proofOfFilingCitation: `AES ${itn}`, transactionType: 'add', environment: 'test' });
				expect(output(execution, 'Record ITN')).toEqual([{ orderId, eeiRequired: true, itn, legend: `AES ${itn}`, transactionNumber, environment: 'test' }]);
			}
			const itns = filed.map(([, execution]) => output(execution, 'File EEI (test environment)')![0].aes.itn);
			expect(new Set(itns).size).toBe(7);
		});

		it('attaches NOEEI 30.37(a) to each T-shirt order and files nothing for it', () => {
			for (const [orderId, execution] of [...byOrder].filter(([id]) => kind(id) === 'noeei')) {
				expect(output(execution, 'Attach NOEEI legend')![0]).toMatchObject({ orderId, eeiRequired: false, legend: 'NOEEI 30.37(a)' });
				expect(output(execution, 'File EEI (test environment)')).toBeUndefined();
			}
		});

		it('refuses each gear-box order before sending (port 9999 is not in the Schedule D table)', () => {
			for (const [, execution] of [...byOrder].filter(([id]) => kind(id) === 'rejected')) {
				const [result] = output(execution, 'File EEI (test environment)')!;
				expect(result.aes).toMatchObject({ status: 'notFiled', code: 'INVALID_REQUEST' });
				expect(result.error).toMatch(/PortOfExportCode: "9999" is not in the Schedule D ports of export/);
			}
		});

		it('the sandbox accepted each transaction number at most once: exactly the seven filed ones', () => {
			const filedNumbers = [...byOrder]
				.filter(([orderId]) => kind(orderId) === 'filed')
				.map(([, execution]) => output(execution, 'File EEI (test environment)')![0].aes.transactionNumber as string)
				.sort();
			expect(Object.keys(sandbox.state.aes.accepted).sort()).toEqual(filedNumbers);
			expect(Object.values(sandbox.state.aes.accepted).every((count) => count === 1)).toBe(true);
		});

		it('alerts Slack once per filed order and once per order refused before sending', () => {
			const texts = slackTexts().filter((text) => text.startsWith('EEI filing for QM-') || text.startsWith('EEI filed for QM-'));
			const expected = orders
				.filter((order) => kind(order.orderId) !== 'noeei')
				.map((order) => (kind(order.orderId) === 'filed' ? `EEI filed for ${order.orderId}:` : `EEI filing for ${order.orderId} was NOT accepted (notFiled)`));
			expect(expected.map((prefix) => texts.filter((text) => text.startsWith(prefix)).length)).toEqual(expected.map(() => 1));
			expect(texts).toHaveLength(expected.length);
		});
	});

	describe('(b) Get Customs Entry with Flexport OAuth client credentials on both workers', () => {
		let answers: Json[];
		let ranOn: Map<string, string>;
		let lookupIds: string[];
		let tokenRequestsBefore: number;
		let tokenRequestsAfter: number;
		let cold: { first: number; second: number; answered: number };

		beforeAll(async () => {
			tokenRequestsBefore = sandbox.state.flexport.tokenRequests;
			const ids = Array.from({ length: LOOKUPS }, (_, i) => otherEntries[i % otherEntries.length].id as string);
			const lookup = async (path: string, id: string) => {
				const response = await fetch(`${url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) });
				return { status: response.status, body: (await response.json()) as Json };
			};
			const t = Date.now();
			answers = await Promise.all(ids.map((id) => lookup('entry-lookup', id)));
			figures.lookupSeconds = (Date.now() - t) / 1000;
			tokenRequestsAfter = sandbox.state.flexport.tokenRequests;
			lookupIds = (await queue.listExecutions(url, cookie, ENTRY_LOOKUP)).map((e) => e.id);
			ranOn = queue.executionsByWorker(cluster!.workers);

			// Cold start: a credential without a token, hit by concurrent executions on both workers.
			const beforeCold = sandbox.state.flexport.tokenRequests;
			const first = await Promise.all(ids.slice(0, COLD_LOOKUPS).map((id) => lookup('entry-lookup-cold', id)));
			const afterFirst = sandbox.state.flexport.tokenRequests;
			const second = await Promise.all(ids.slice(0, COLD_LOOKUPS).map((id) => lookup('entry-lookup-cold', id)));
			cold = {
				first: afterFirst - beforeCold,
				second: sandbox.state.flexport.tokenRequests - afterFirst,
				answered: [...first, ...second].filter((answer) => answer.status === 200 && answer.body.id).length,
			};
			figures.tokens = { sharedCredential: tokenRequestsAfter, coldCredentialConcurrentFirstBatch: cold.first, coldCredentialSecondBatch: cold.second };
			answers = answers.map((answer) => ({ ...answer, expected: sandbox.control.entry(answer.body.id) }));
		}, 3 * 60_000);

		it('answers each lookup with the customs entry as Flexport returns it', () => {
			expect(answers.map((answer) => answer.status)).toEqual(Array(LOOKUPS).fill(200));
			for (const answer of answers) expect(answer.body).toEqual(answer.expected);
		});

		it('runs the lookups on both workers', () => {
			expect(lookupIds).toHaveLength(LOOKUPS);
			expect(new Set(lookupIds.map((id) => ranOn.get(id)))).toEqual(new Set(['worker1', 'worker2']));
		});

		it('asks Flexport for ONE token in the whole run: the main\'s poller fetched it, both workers used it from the credential in the database', () => {
			expect([tokenRequestsBefore, tokenRequestsAfter]).toEqual([1, 1]);
		});

		it('a credential without a token, hit by concurrent executions, gets tokens while they race, then one is cached for all (measured)', () => {
			expect(cold.answered).toBe(2 * COLD_LOOKUPS);
			expect(cold.first).toBeGreaterThanOrEqual(1);
			expect(cold.first).toBeLessThanOrEqual(COLD_LOOKUPS);
			expect(cold.second).toBe(0);
		});
	});

	describe('(c) release alerts: the main polls, the workers alert, each change once', () => {
		let result: ReleaseStory;
		let alertExecutions: Array<{ id: string; mode: string; status: string }>;
		let ranOn: Map<string, string>;

		beforeAll(async () => {
			result = await story;
			if (scanTimer) clearInterval(scanTimer);
			alertExecutions = await queue.listExecutions(url, cookie, RELEASE_ALERTS);
			ranOn = queue.executionsByWorker(cluster!.workers);
			const base = result.scanTimes[0];
			figures.releaseAlerts = {
				scansSecondsAfterFirst: result.scanTimes.map((time) => Math.round((time - base) / 100) / 10),
				rounds: result.rounds.map((round) => ({
					changes: round.changes.map((change) => `${change.entryNumber} -> ${change.status}`),
					alertsAfterSeconds: round.alertsAt ? Math.round((round.alertsAt - round.appliedAt) / 100) / 10 : null,
					newMessages: round.newMessages,
				})),
				alertExecutionsPerWorker: alertExecutions.map((e) => ranOn.get(e.id) ?? 'main'),
			};
		}, 8 * 60_000);

		it('completes three rounds of status changes across the poll cycles', () => {
			expect(result.error?.message).toBeUndefined();
			expect(result.rounds).toHaveLength(3);
		});

		it('polls Flexport from one process: a scan at activation, then one a minute', () => {
			const gaps = result.scanTimes.slice(2).map((time, i) => time - result.scanTimes[i + 1]);
			expect(result.scanTimes.length).toBeGreaterThanOrEqual(4);
			for (const gap of gaps) expect(gap).toBeGreaterThan(50_000);
			for (const gap of gaps) expect(gap).toBeLessThan(70_000);
		});

		it('alerts each release (Slack) and each hold (email) exactly once', () => {
			const [a, b, c] = storyEntries.map((entry) => entry.entry_number as string);
			const slack = slackTexts().filter((text) => text.startsWith('Customs entry '));
			const count = (entryNumber: string, status: string) => slack.filter((text) => text.startsWith(`Customs entry ${entryNumber} `) && text.includes(` is ${status} since `)).length;
			expect([count(a, 'released'), count(b, 'released'), count(c, 'cleared')]).toEqual([1, 1, 1]);
			expect(emailSubjects().filter((subject) => subject.startsWith('Customs hold: '))).toEqual([`Customs hold: entry ${b}`]);
			expect(slack).toHaveLength(3);
		});

		it('the poll after the last change alerts nobody', () => {
			expect(result.rounds.map((round) => round.newMessages)).toEqual([2, 2, 0]);
		});

		it('runs the alert executions on the workers, one per poll that found changes', () => {
			expect(alertExecutions.map((e) => [e.mode, e.status])).toEqual([
				['trigger', 'success'],
				['trigger', 'success'],
			]);
			for (const execution of alertExecutions) expect(['worker1', 'worker2']).toContain(ranOn.get(execution.id));
		});

		it('fetched no other Flexport token: the poller kept using the one in the credential', () => {
			expect(sandbox.state.flexport.tokenRequests - (figures.tokens as Json).coldCredentialConcurrentFirstBatch).toBe(1);
		});
	});

	it('no process found the shared SQLite database locked in the whole run', () => {
		const logs = [cluster!.main.logFile, ...cluster!.workers.map((worker) => worker.logFile)].map((file) => readFileSync(file, 'utf8'));
		for (const log of logs) expect(log.match(/SQLITE_BUSY|database is locked/gi) ?? []).toEqual([]);
	});
});
