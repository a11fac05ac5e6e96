/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The provider sandbox in its own process, so that its CPU and memory are not counted as the
 * client's. Started by bench/sandbox.ts with fork(); the clock is fixed, so Flexport entries
 * keep their statuses between polls (an unchanged listing stays unchanged).
 */
import { startSandbox, type Sandbox } from '../sandbox';

interface Request {
	id: number;
	command: 'stats' | 'setLatency' | 'close';
	latencyMs?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as { latencyMs?: number; entries?: number; seed?: number };
const FIXED_CLOCK = Date.UTC(2026, 10, 21, 12, 0, 0);

function stats(sandbox: Sandbox): Record<string, number> {
	const { aes, flexport, requests } = sandbox.state;
	const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
	return {
		requests: requests.length,
		aesReceived: sum(aes.received),
		aesAccepted: sum(aes.accepted),
		aesRejected: sum(aes.rejected),
		flexportEntryRequests: flexport.entryRequests,
		flexportEntries: flexport.entries.length,
	};
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({
		port: 0,
		seed: options.seed ?? 1,
		latencyMs: options.latencyMs ?? 0,
		clock: () => FIXED_CLOCK,
		flexport: { entries: options.entries ?? 14 },
	});
	// The request log would grow for ever over a long benchmark; it is not read here.
	const log = sandbox.state.requests;
	process.on('message', (message: Request) => {
		const answer = (result: unknown) => process.send?.({ id: message.id, result });
		if (message.command === 'stats') answer(stats(sandbox));
		else if (message.command === 'setLatency') {
			sandbox.control.setLatency(message.latencyMs ?? 0);
			answer(true);
		} else if (message.command === 'close') {
			void sandbox.close().then(() => {
				answer(true);
				process.exit(0);
			});
		}
		if (log.length > 10_000) log.splice(0, log.length - 1_000);
	});
	process.send?.({ ready: { url: sandbox.url, urls: sandbox.urls, keys: sandbox.keys } });
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
