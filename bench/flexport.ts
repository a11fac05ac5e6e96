/**
 * (3) Flexport full scan: Get Many (Return All) and one Customs Entry Trigger poll over 10,000
 * entries (100 pages of 100) from the sandbox answering each request after 50 ms, in the real
 * n8n engine (nodes at their default page concurrency, 4) and through the core with the axios
 * port at concurrency 1 and 4; peak memory growth sampled during each run.
 * (4) Trigger state: bytes of workflow static data per tracked entry after a baseline poll at
 * 10,000 and 100,000 entries, and whether a poll over unchanged data emits or rewrites anything.
 */
import type { IDataObject } from 'n8n-workflow';

import { listAllCustomsEntries, pollCustomsEntries } from '../src/flexport';
import { CredentialStore, runPoll, runWorkflow, singleNodeWorkflow } from '../test/harness';
import { axiosHttpPort } from '../tools/axiosHttpPort';
import { startRemoteSandbox, type RemoteSandbox } from './sandbox';
import { summarise, timeMs, withMemoryPeak, type MemoryPeak, type Summary } from './stats';

const GET_NODE = 'Get Customs Entry';
const TRIGGER_NODE = 'Customs Entry Trigger';

export interface ScanFigures {
	label: string;
	/** ms per complete scan. */
	time: Summary;
	/** Worst peak growth over the runs. */
	memory: MemoryPeak;
	requests: number;
}

export interface FlexportFigures {
	entries: number;
	latencyMs: number;
	scans: ScanFigures[];
	/** Default (concurrency 4) over sequential, medians: the goal is at most 0.35. */
	ratios: Array<{ label: string; ratio: number }>;
}

export interface TriggerStateFigures {
	entries: number;
	/** JSON bytes of the workflow's static data after the baseline poll, per tracked entry. */
	bytesPerEntry: number;
	staticDataBytes: number;
	/** Baseline poll, then one over the same listing. */
	baselineMs: number;
	unchangedPollMs: number;
	unchangedEmitted: number;
	unchangedRewrote: boolean;
}

function credentials(sandbox: RemoteSandbox): CredentialStore {
	return new CredentialStore().set('1', 'flexportApi', {
		authentication: 'apiKey',
		apiKey: sandbox.keys.flexportApiKey,
		baseUrl: sandbox.urls.flexport,
		apiVersion: '2',
		accessToken: '',
	});
}

const FLEXPORT_CREDENTIAL = { flexportApi: { id: '1', name: 'Flexport (sandbox)' } };

async function nodeGetMany(store: CredentialStore, expected: number): Promise<void> {
	const result = await runWorkflow(
		singleNodeWorkflow(
			{
				name: GET_NODE,
				type: 'n8n-nodes-us-customs.getCustomsEntry',
				parameters: { resource: 'customsEntry', operation: 'getAll', returnAll: true },
				credentials: FLEXPORT_CREDENTIAL,
			},
			[{}],
		),
		{ credentials: store },
	);
	if (result.error) throw result.error;
	const count = result.output(GET_NODE).length;
	if (count !== expected) throw new Error(`Get Many returned ${count} entries, not ${expected}`);
}

async function nodePoll(store: CredentialStore, staticData?: IDataObject) {
	return await runPoll(
		{ name: TRIGGER_NODE, type: 'n8n-nodes-us-customs.customsEntryTrigger', parameters: {}, credentials: FLEXPORT_CREDENTIAL },
		{ staticData, credentials: store, mode: 'trigger' },
	);
}

async function measure(
	sandbox: RemoteSandbox,
	label: string,
	runs: number,
	run: () => Promise<void>,
): Promise<ScanFigures> {
	await run(); // warm-up: connections, code paths
	const times: number[] = [];
	const memory: MemoryPeak = { heapGrowth: 0, rssGrowth: 0 };
	const before = (await sandbox.stats()).flexportEntryRequests;
	for (let i = 0; i < runs; i++) {
		let ms = 0;
		const { memory: peak } = await withMemoryPeak(async () => {
			ms = await timeMs(run);
		});
		times.push(ms);
		memory.heapGrowth = Math.max(memory.heapGrowth, peak.heapGrowth);
		memory.rssGrowth = Math.max(memory.rssGrowth, peak.rssGrowth);
	}
	const requests = ((await sandbox.stats()).flexportEntryRequests - before) / runs;
	return { label, time: summarise(times), memory, requests };
}

export async function benchFlexportScan(runs: number, entries = 10_000, latencyMs = 50): Promise<FlexportFigures> {
	const sandbox = await startRemoteSandbox({ latencyMs, entries });
	try {
		const store = credentials(sandbox);
		const base = { baseUrl: sandbox.urls.flexport };
		const port = axiosHttpPort({ auth: { type: 'bearer', token: sandbox.keys.flexportApiKey } });
		const expectAll = (list: unknown[]) => {
			if (list.length !== entries) throw new Error(`listed ${list.length} entries, not ${entries}`);
		};
		const scans: ScanFigures[] = [];
		for (const concurrency of [1, 4]) {
			scans.push(
				await measure(sandbox, `core listAllCustomsEntries, concurrency ${concurrency}`, runs, async () =>
					expectAll(await listAllCustomsEntries(port, { ...base, concurrency })),
				),
			);
		}
		for (const concurrency of [1, 4]) {
			scans.push(
				await measure(sandbox, `core pollCustomsEntries (baseline), concurrency ${concurrency}`, runs, async () => {
					const result = await pollCustomsEntries(port, { ...base, concurrency }, undefined);
					if (result.scanned !== entries) throw new Error(`poll scanned ${result.scanned}`);
				}),
			);
		}
		scans.push(await measure(sandbox, 'node Get Many (Return All), default', runs, () => nodeGetMany(store, entries)));
		scans.push(
			await measure(sandbox, 'node trigger poll (baseline), default', runs, async () => {
				const { items } = await nodePoll(store);
				if (items !== null) throw new Error('a baseline poll emitted items');
			}),
		);
		const median = (label: string) => scans.find((s) => s.label.startsWith(label))!.time.median;
		const ratios = [
			{ label: 'core listing: concurrency 4 / 1', ratio: median('core listAllCustomsEntries, concurrency 4') / median('core listAllCustomsEntries, concurrency 1') },
			{ label: 'core poll: concurrency 4 / 1', ratio: median('core pollCustomsEntries (baseline), concurrency 4') / median('core pollCustomsEntries (baseline), concurrency 1') },
			{ label: 'node Get Many (default) / core listing at 1', ratio: median('node Get Many') / median('core listAllCustomsEntries, concurrency 1') },
			{ label: 'node trigger poll (default) / core poll at 1', ratio: median('node trigger poll') / median('core pollCustomsEntries (baseline), concurrency 1') },
		];
		return { entries, latencyMs, scans, ratios };
	} finally {
		await sandbox.close();
	}
}

/** Static data as n8n saves it (without the engine's change flag). */
function withoutFlag(staticData: IDataObject): string {
	return JSON.stringify(staticData, (key, value: unknown) => (key === '__dataChanged' ? undefined : value));
}

function staticDataBytes(staticData: IDataObject): number {
	return Buffer.byteLength(withoutFlag(staticData), 'utf8');
}

/** A baseline poll and an unchanged poll through the node; the sandbox answers without latency. */
export async function benchTriggerState(entries: number): Promise<TriggerStateFigures> {
	const sandbox = await startRemoteSandbox({ latencyMs: 0, entries });
	try {
		const store = credentials(sandbox);
		let baseline: Awaited<ReturnType<typeof nodePoll>> | undefined;
		const baselineMs = await timeMs(async () => {
			baseline = await nodePoll(store);
		});
		const staticData = baseline!.staticData;
		const bytes = staticDataBytes(staticData);
		const snapshot = withoutFlag(staticData);
		let second: Awaited<ReturnType<typeof nodePoll>> | undefined;
		const unchangedPollMs = await timeMs(async () => {
			second = await nodePoll(store, staticData);
		});
		const emitted = second!.items === null ? 0 : second!.items[0].length;
		const rewrote = second!.staticData.__dataChanged === true || withoutFlag(second!.staticData) !== snapshot;
		return {
			entries,
			bytesPerEntry: bytes / entries,
			staticDataBytes: bytes,
			baselineMs,
			unchangedPollMs,
			unchangedEmitted: emitted,
			unchangedRewrote: rewrote,
		};
	} finally {
		await sandbox.close();
	}
}
