/** Types for n8nLocal.js: drive the pinned local n8n headless (see that file). */
export interface N8nCommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface N8nCommandOptions {
	/** Extra environment for the n8n process (e.g. N8N_LOG_LEVEL). */
	env?: Record<string, string>;
	/** Default 120,000 ms. */
	timeoutMs?: number;
}

export interface N8nCredentialInput {
	id?: string;
	name: string;
	/** e.g. 'flexportApi' */
	type: string;
	/** Plain fields; n8n encrypts them on import. */
	data: Record<string, unknown>;
}

/** n8n's IRun, loosely: `data.resultData.runData[nodeName][run].data.main[output][item].json`. */
export interface N8nRun {
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: unknown }>>;
			error?: { message?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
	};
	status?: string;
	[key: string]: unknown;
}

export interface N8nExecution extends N8nCommandResult {
	/** Exit code 0, execution data printed, and no execution error. */
	ok: boolean;
	run?: N8nRun;
	error?: N8nRun['data']['resultData']['error'];
}

export const ROOT: string;
export const N8N_VERSION: string;
export const CACHE_DIR: string;
export const PACKAGE_NAME: string;
/** Node 24 from the project's `node` devDependency. */
export const NODE_BIN: string;
/** The pinned n8n's bin/n8n script (run with NODE_BIN). */
export const N8N_BIN: string;
/** A free loopback port. */
export function freePort(): Promise<number>;
export function isInstalled(): boolean;
export function install(): void;
export function createUserFolder(prefix?: string): string;
export function packAndInstall(userFolder: string, options?: { build?: boolean }): void;
export function n8nEnv(userFolder: string, extra?: Record<string, string>): Record<string, string>;
export function n8n(userFolder: string, args: string[], options?: N8nCommandOptions): Promise<N8nCommandResult>;
export function importCredentials(
	userFolder: string,
	credentials: N8nCredentialInput[],
	options?: N8nCommandOptions,
): Promise<Array<N8nCredentialInput & { id: string }>>;
export function importWorkflow(userFolder: string, workflow: Record<string, unknown>, options?: N8nCommandOptions): Promise<string>;
export function executeWorkflow(userFolder: string, id: string, options?: N8nCommandOptions): Promise<N8nExecution>;
export function parseRawOutput(stdout: string): N8nRun | undefined;
export function nodeOutput(run: N8nRun | undefined, nodeName: string, output?: number): Array<Record<string, unknown>> | undefined;
export function runWorkflow(
	userFolder: string,
	workflow: Record<string, unknown>,
	options?: N8nCommandOptions & { credentials?: N8nCredentialInput[] },
): Promise<N8nExecution & { id: string }>;
