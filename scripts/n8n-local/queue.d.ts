/** Types for queue.js: n8n queue mode (Redis, one main, workers) on one machine. */
import type { N8nRun } from './n8nLocal';
import type { N8nServer } from './server';

type Exit = { code: number | null; signal: NodeJS.Signals | null };

export interface RedisServer {
	port: number;
	pid: number;
	logFile: string;
	dir: string;
	stop(graceMs?: number): Promise<Exit>;
}
export interface N8nWorker {
	/** worker1, worker2... (also the log file's name in the user folder) */
	name: string;
	/** The worker's health server, http://127.0.0.1:<port> */
	url: string;
	pid: number;
	logFile: string;
	/** The worker's own user folder (its copy of the installed package). */
	userFolder: string;
	exited: Promise<Exit>;
	stop(graceMs?: number): Promise<Exit>;
	/** SIGKILL to the worker's process group: a crash, no graceful shutdown. */
	kill(): Promise<Exit>;
}
export interface QueueCluster {
	main: N8nServer;
	/** The current worker processes (a restarted worker replaces the old one). */
	workers: N8nWorker[];
	/** Starts the named worker again on its folder (after a crash). */
	restartWorker(name: string): Promise<N8nWorker>;
	/** Stops the workers, then the main. */
	stop(): Promise<void>;
}
/** An execution as the REST API returns it, with its run data parsed (`run.data.resultData`). */
export interface RestExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished?: boolean;
	startedAt?: string;
	stoppedAt?: string;
	run: N8nRun;
	[key: string]: unknown;
}

/** The redis-server binary (PATH, then Debian's locations); throws with the apt-get line when absent. */
export function redisServerBin(): string;
export function redisPing(port: number): Promise<boolean>;
/** redis-server on 127.0.0.1 without persistence; resolves once it answers PING. */
export function startRedis(options?: { port?: number; dir?: string; timeoutMs?: number }): Promise<RedisServer>;
export function queueEnv(options: { redisPort: number }): Record<string, string>;
export function startWorker(
	userFolder: string,
	options: { name: string; redisPort: number; concurrency?: number; env?: Record<string, string>; timeoutMs?: number },
): Promise<N8nWorker>;
export function startQueueCluster(
	userFolder: string,
	options: {
		redisPort: number;
		port?: number;
		workers?: number;
		concurrency?: number;
		/** To every process (e.g. the DB_* settings of the shared database). */
		env?: Record<string, string>;
		/** To the main only. */
		mainEnv?: Record<string, string>;
		/** Worker i's own user folder; default the main's. */
		workerFolders?: string[];
	},
): Promise<QueueCluster>;
/** executionId -> worker name ("worker1+worker2" if both logged starting it), from the workers' logs. */
export function executionsByWorker(workers: N8nWorker[]): Map<string, string>;
/** A workflow's executions (summaries, newest first) through the REST API. */
export function listExecutions(
	url: string,
	cookie: string,
	workflowId: string,
	options?: { limit?: number },
): Promise<Array<{ id: string; status: string; mode: string; finished?: boolean; [key: string]: unknown }>>;
export function getExecution(url: string, cookie: string, id: string): Promise<RestExecution>;
