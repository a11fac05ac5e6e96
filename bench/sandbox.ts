/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/** Starts the sandbox in a child process (bench/sandboxProcess.ts) and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { SandboxKeys, SandboxUrls } from '../sandbox';

export interface RemoteSandbox {
	url: string;
	urls: SandboxUrls;
	keys: SandboxKeys;
	stats(): Promise<Record<string, number>>;
	setLatency(ms: number): Promise<void>;
	close(): Promise<void>;
}

export async function startRemoteSandbox(options: { latencyMs: number; entries?: number; seed?: number }): Promise<RemoteSandbox> {
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- a benchmark tool, never shipped: our own compiled script, fixed arguments
	const child: ChildProcess = fork(path.join(__dirname, 'sandboxProcess.js'), [JSON.stringify(options)], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		execArgv: [],
	});
	let nextId = 0;
	const waiting = new Map<number, (result: unknown) => void>();
	const ready = new Promise<{ url: string; urls: SandboxUrls; keys: SandboxKeys }>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`The sandbox process exited (${code})`)));
		child.on('message', (message: { ready?: { url: string; urls: SandboxUrls; keys: SandboxKeys }; id?: number; result?: unknown }) => {
			if (message.ready) resolve(message.ready);
			else if (message.id !== undefined) {
				waiting.get(message.id)?.(message.result);
				waiting.delete(message.id);
			}
		});
	});
	const info = await ready;
	const ask = (command: string, extra: Record<string, unknown> = {}) =>
		new Promise<unknown>((resolve) => {
			const id = ++nextId;
			waiting.set(id, resolve);
			child.send({ id, command, ...extra });
		});
	return {
		...info,
		stats: async () => (await ask('stats')) as Record<string, number>,
		setLatency: async (latencyMs) => {
			await ask('setLatency', { latencyMs });
		},
		close: async () => {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.send({ id: ++nextId, command: 'close' });
			await exited;
		},
	};
}
