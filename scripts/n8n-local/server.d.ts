/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/** Types for server.js: `n8n start` on loopback with the owner created from the environment. */
import type { ChildProcess } from 'node:child_process';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}
export const DEMO_OWNER: Readonly<Owner>;
export interface N8nServer {
	/** http://localhost:<port> */
	url: string;
	child: ChildProcess;
	logFile: string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export function startN8nServer(
	userFolder: string,
	options?: { port?: number; brokerPort?: number; logFile?: string; owner?: Owner; env?: Record<string, string>; timeoutMs?: number },
): Promise<N8nServer>;
/** Resolves the session cookie ("n8n-auth=..."). */
export function login(url: string, owner?: Owner): Promise<string>;
export function waitFor(url: string, options: { timeoutMs: number; isDead?: () => boolean }): Promise<void>;
export function signalGroup(pid: number, signal: NodeJS.Signals): void;
/** Runs scripts/start.js as a child with this environment added; `output()` is what it printed so far. */
export function spawnStartScript(env: Record<string, string>): { child: ChildProcess; exit: Promise<number | null>; ready: Promise<void>; output(): string };
