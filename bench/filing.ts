/**
 * (5) Filing throughput: 1,000 File EEI items (EasyPost AES, the item's Delivery, each with its
 * own transaction number) against the sandbox answering after 50 ms, in the real n8n engine, at
 * concurrency 1 and at the node's default; checks that every filing was accepted and that the
 * output keeps the input order.
 */
import type { IDataObject } from 'n8n-workflow';

import simpleFiling from '../test/fixtures/easypost/simple-filing.json';
import { CredentialStore, runWorkflow, singleNodeWorkflow } from '../test/harness';
import { startRemoteSandbox, type RemoteSandbox } from './sandbox';
import { repeat, summarise, withMemoryPeak, type MemoryPeak, type Summary } from './stats';

const NODE = 'File EEI';

export interface FilingFigures {
	items: number;
	latencyMs: number;
	cases: Array<{ label: string; concurrency: number | 'default'; time: Summary; memory: MemoryPeak; orderPreserved: boolean }>;
	/** Default over sequential, medians: the goal is at most 0.3. */
	ratio: number;
}

let batch = 0;

/** Items whose transaction numbers were never used: AES refuses a reused number on add. */
function filings(count: number): IDataObject[] {
	batch++;
	return Array.from({ length: count }, (_, i) => {
		const copy = structuredClone(simpleFiling) as { Delivery: { Reference: string; International: { EeiTransactionNumber: string } } };
		copy.Delivery.Reference = `BENCH-${batch}-${i}`;
		copy.Delivery.International.EeiTransactionNumber = `B${batch}N${i}`;
		return copy as unknown as IDataObject;
	});
}

async function fileAll(sandbox: RemoteSandbox, store: CredentialStore, count: number, concurrency: number | undefined): Promise<boolean> {
	const items = filings(count);
	const before = (await sandbox.stats()).aesAccepted;
	const result = await runWorkflow(
		singleNodeWorkflow(
			{
				name: NODE,
				type: 'n8n-nodes-us-customs.fileEei',
				parameters: concurrency === undefined ? {} : { aesOptions: { concurrency } },
				credentials: { easyPostApi: { id: '1', name: 'EasyPost (sandbox)' } },
			},
			items,
		),
		{ credentials: store },
	);
	if (result.error) throw result.error;
	const output = result.output(NODE);
	const accepted = (await sandbox.stats()).aesAccepted - before;
	if (output.length !== count || accepted !== count) throw new Error(`${accepted} of ${count} filings accepted, ${output.length} output items`);
	return output.every((item, i) => {
		const aes = item.json.aes as { status?: string; transactionNumber?: string } | undefined;
		const paired = item.pairedItem as { item: number };
		const wanted = (items[i] as { Delivery: { International: { EeiTransactionNumber: string } } }).Delivery.International.EeiTransactionNumber;
		return paired.item === i && aes?.status === 'accepted' && aes.transactionNumber === wanted;
	});
}

export async function benchFiling(runs: number, count = 1_000, latencyMs = 50): Promise<FilingFigures> {
	const sandbox = await startRemoteSandbox({ latencyMs });
	try {
		const store = new CredentialStore().set('1', 'easyPostApi', {
			apiKey: sandbox.keys.easyPostApiKey,
			aesBaseUrl: sandbox.urls.easyPostAes,
			apiBaseUrl: sandbox.urls.easyPostApi,
		});
		const cases: FilingFigures['cases'] = [];
		for (const concurrency of [1, undefined]) {
			// Warm-up on a small batch: a sequential 1,000 takes close to a minute.
			await fileAll(sandbox, store, 20, concurrency);
			let orderPreserved = true;
			const memory: MemoryPeak = { heapGrowth: 0, rssGrowth: 0 };
			const times = await repeat(
				async () => {
					const { result, memory: peak } = await withMemoryPeak(() => fileAll(sandbox, store, count, concurrency));
					orderPreserved &&= result;
					memory.heapGrowth = Math.max(memory.heapGrowth, peak.heapGrowth);
					memory.rssGrowth = Math.max(memory.rssGrowth, peak.rssGrowth);
				},
				runs,
				0,
			);
			cases.push({
				label: concurrency === undefined ? 'File EEI, default concurrency (4)' : `File EEI, concurrency ${concurrency}`,
				concurrency: concurrency ?? 'default',
				time: summarise(times),
				memory,
				orderPreserved,
			});
		}
		return { items: count, latencyMs, cases, ratio: cases[1].time.median / cases[0].time.median };
	} finally {
		await sandbox.close();
	}
}
