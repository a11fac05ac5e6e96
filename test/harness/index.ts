/**
 * Runs this package's nodes inside the real n8n engine (n8n-core WorkflowExecute and
 * PollContext), loading them from the built `dist/` through n8n's own PackageDirectoryLoader,
 * exactly as an n8n instance loads an installed community package. HTTP is mocked with nock.
 *
 * Build first (`npm test` does): the harness tests what ships.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n-core reads its instance settings from the user folder on first use: keep tests hermetic.
process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
process.env.N8N_ENCRYPTION_KEY ??= 'harness-encryption-key';
// n8n's own logger would print every node error the tests provoke on purpose.
process.env.N8N_LOG_LEVEL ??= 'silent';

import axios from 'axios';
import { ExecutionLifecycleHooks, PackageDirectoryLoader, PollContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
	WorkflowExecuteMode,
	IConnections,
	IPinData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-us-customs';

/** The package's root folder, found from here whether this file runs from test/ or compiled. */
function findPackageRoot(start: string): string {
	for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
	}
	throw new Error(`Cannot find the ${PACKAGE_NAME} package root above ${start}`);
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

/** The trigger test workflows start from, as in n8n: it emits its pinned items. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: { getInputData(): INodeExecutionData[] }): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

let loaderPromise: Promise<PackageDirectoryLoader> | undefined;

/** Loads the built package the way n8n loads an installed community package (cached per test file). */
export async function loadPackage(): Promise<PackageDirectoryLoader> {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		return loader;
	})();
	return await loaderPromise;
}

class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unrecognized node type: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

async function nodeTypes(): Promise<HarnessNodeTypes> {
	const loader = await loadPackage();
	const types: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	};
	for (const [name, data] of Object.entries(loader.nodeTypes)) {
		types[`${PACKAGE_NAME}.${name}`] = data.type;
	}
	return new HarnessNodeTypes(types);
}

/**
 * Credentials as n8n's database holds them, by id. Updates (a token cached by
 * preAuthentication) are written back here, so they persist across executions like in n8n.
 */
export class CredentialStore {
	private readonly records = new Map<string, { type: string; data: ICredentialDataDecryptedObject }>();
	/** Every write-back, in order: lets tests count token renewals. */
	readonly updates: Array<{ id: string; type: string; data: ICredentialDataDecryptedObject }> = [];

	set(id: string, type: string, data: ICredentialDataDecryptedObject): this {
		this.records.set(id, { type, data: { ...data } });
		return this;
	}

	get(id: string): { type: string; data: ICredentialDataDecryptedObject } {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential with id ${id}`);
		return { type: record.type, data: { ...record.data } };
	}

	update(id: string, type: string, data: ICredentialDataDecryptedObject): void {
		this.records.set(id, { type, data: { ...data } });
		this.updates.push({ id, type, data: { ...data } });
	}
}

async function credentialType(name: string): Promise<ICredentialType> {
	const loader = await loadPackage();
	const data = loader.credentialTypes[name];
	if (!data) throw new Error(`Unknown credential type ${name}`);
	return data.type;
}

/** What n8n's CLI CredentialsHelper does for the parts nodes reach: decrypt, authenticate, preAuthentication. */
class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: WorkflowType,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = await credentialType(typeName);
		return await applyAuthentication(type, credentials, requestOptions, workflow, node);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = await credentialType(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!type.preAuthentication || !expirable) return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) {
			throw new Error(`The credential's preAuthentication did not return ${expirable.name}`);
		}
		const updated = { ...credentials, ...output } as ICredentialDataDecryptedObject;
		const details = node.credentials?.[typeName];
		if (details?.id) this.store.update(details.id, typeName, updated);
		return updated;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by nodes');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		if (!nodeCredentials.id) throw new Error('Credential without id');
		return this.store.get(nodeCredentials.id).data;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		if (nodeCredentials.id) this.store.update(nodeCredentials.id, type, data);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): [] {
		return [];
	}
}

function resolveCredentialExpression(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: WorkflowType | undefined,
	node: INode | undefined,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=') || !workflow || !node) return value;
	return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials } as IDataObject, undefined, '');
}

async function applyAuthentication(
	type: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	workflow: WorkflowType | undefined,
	node: INode | undefined,
): Promise<IHttpRequestOptions> {
	const authenticate = type.authenticate;
	if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
	if (authenticate?.type !== 'generic') return requestOptions;
	const options = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
	for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
		const target: Record<string, unknown> = { ...(options[outerKey] ?? {}) };
		for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
			const resolvedKey = String(resolveCredentialExpression(key, credentials, workflow, node));
			target[resolvedKey] =
				value && typeof value === 'object'
					? Object.fromEntries(
							Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, resolveCredentialExpression(v, credentials, workflow, node)]),
						)
					: resolveCredentialExpression(value, credentials, workflow, node);
		}
		options[outerKey] = target;
	}
	return requestOptions;
}

const BASE = 'http://localhost:5678';

function additionalData(store: CredentialStore, hooks: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new HarnessCredentialsHelper(store),
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used by this package');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not used by this package');
		},
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE}/rest`,
		instanceBaseUrl: `${BASE}/`,
		formBaseUrl: `${BASE}/form`,
		formWaitingBaseUrl: `${BASE}/form-waiting`,
		formTestBaseUrl: `${BASE}/form-test`,
		webhookBaseUrl: `${BASE}/webhook`,
		webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`,
		mcpBaseUrl: `${BASE}/mcp`,
		mcpTestBaseUrl: `${BASE}/mcp-test`,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A workflow as n8n exports it (the subset the engine needs). */
export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	pinData?: IPinData;
	staticData?: IDataObject;
}

export interface RunResult {
	run: IRun;
	/** Items a node emitted on an output (default: the first run's first output). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error that stopped the run, if any. */
	error: IRun['data']['resultData']['error'];
	/** Workflow static data after the run. */
	staticData: IDataObject;
}

let executionCounter = 0;

/** Executes a workflow JSON in n8n-core's WorkflowExecute, from its Manual Trigger, and returns the run. */
export async function runWorkflow(
	json: WorkflowJson,
	options: { credentials?: CredentialStore; mode?: WorkflowExecuteMode } = {},
): Promise<RunResult> {
	const store = options.credentials ?? new CredentialStore();
	const mode = options.mode ?? 'manual';
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: json.name ?? 'harness',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes: await nodeTypes(),
		staticData: json.staticData ?? {},
		settings: { executionOrder: 'v1' },
	});
	const workflowData = {
		id: 'harness-workflow',
		name: json.name ?? 'harness',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, `harness-${++executionCounter}`, workflowData);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', async (run) => resolve(run)));
	const start = json.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!start) throw new Error('A harness workflow starts with a Manual Trigger');
	const execute = new WorkflowExecute(additionalData(store, hooks), mode);
	await execute.run({ workflow, startNode: start, pinData: json.pinData });
	const run = await finished;
	return {
		run,
		error: run.data.resultData.error,
		staticData: workflow.staticData as IDataObject,
		output(nodeName: string, outputIndex = 0) {
			const taskData = run.data.resultData.runData[nodeName]?.[0];
			if (!taskData) throw new Error(`Node "${nodeName}" did not run`);
			return taskData.data?.main?.[outputIndex] ?? [];
		},
	};
}

/** A Manual Trigger feeding `items` into one node of this package: the common test shape. */
export function singleNodeWorkflow(
	node: Omit<INode, 'id' | 'position' | 'typeVersion'> & Partial<Pick<INode, 'typeVersion'>>,
	items: IDataObject[],
): WorkflowJson {
	const full: INode = { id: 'node-under-test', position: [200, 0], typeVersion: 1, ...node } as INode;
	return {
		nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, full],
		connections: { Start: { main: [[{ node: full.name, type: 'main', index: 0 }]] } },
		pinData: { Start: items.map((json) => ({ json })) },
	};
}

/** Runs one poll of a polling trigger in n8n-core's PollContext, with persistent static data. */
export async function runPoll(
	node: Omit<INode, 'id' | 'position' | 'typeVersion'> & Partial<Pick<INode, 'typeVersion'>>,
	options: { staticData?: IDataObject; credentials?: CredentialStore; mode?: WorkflowExecuteMode } = {},
): Promise<{ items: INodeExecutionData[][] | null; staticData: IDataObject }> {
	const store = options.credentials ?? new CredentialStore();
	const mode = options.mode ?? 'trigger';
	const full: INode = { id: 'trigger-under-test', position: [0, 0], typeVersion: 1, ...node } as INode;
	const workflow = new Workflow({
		id: 'harness-poll-workflow',
		nodes: [full],
		connections: {},
		active: mode !== 'manual',
		nodeTypes: await nodeTypes(),
		staticData: options.staticData ?? {},
	});
	const hooks = new ExecutionLifecycleHooks(mode, `harness-poll-${++executionCounter}`, {
		id: 'harness-poll-workflow',
		nodes: [full],
		connections: {},
	} as unknown as IWorkflowBase);
	const context = new PollContext(workflow, full, additionalData(store, hooks), mode, 'activate');
	const type = workflow.nodeTypes.getByNameAndVersion(full.type, full.typeVersion);
	if (!type.poll) throw new Error(`${full.type} is not a polling trigger`);
	const items = await type.poll.call(context);
	return { items, staticData: workflow.staticData as IDataObject };
}

/** Runs a credential type's `test` request like n8n's credential tester: resolve, authenticate, send. */
export async function testCredential(
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const type = await credentialType(typeName);
	if (!type.test || !('request' in type.test)) throw new Error(`${typeName} has no test request`);
	if (type.preAuthentication) {
		// As n8n's credential tester: obtain the token the test request will carry.
		const helpers = {
			httpRequest: async (options: IHttpRequestOptions) =>
				(await axios.request({ method: options.method, url: options.url, data: options.body, headers: options.headers as Record<string, string> })).data as unknown,
		};
		try {
			data = { ...data, ...(await type.preAuthentication.call({ helpers } as unknown as IHttpRequestHelper, data)) } as ICredentialDataDecryptedObject;
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}
	}
	const node = { id: 'cred', name: 'cred', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: await nodeTypes() });
	const resolve = (value: unknown) => resolveCredentialExpression(value, data, workflow, node);
	const request = type.test.request;
	let options: IHttpRequestOptions = {
		method: (request.method ?? 'GET') as IHttpRequestOptions['method'],
		url: String(resolve(request.url ?? '')),
		baseURL: request.baseURL === undefined ? undefined : String(resolve(request.baseURL)),
		qs: request.qs as IDataObject | undefined,
		headers: request.headers as IDataObject | undefined,
	};
	try {
		// As n8n 2.40's RoutingNode: httpRequestWithAuthentication runs the credential's authenticate,
		// which may refuse the request (n8n then reports the error's message as the test's result).
		options = await applyAuthentication(type, data, options, workflow, node);
		await axios.request({
			method: options.method,
			url: options.url,
			baseURL: options.baseURL,
			params: options.qs,
			headers: options.headers as Record<string, string>,
			auth: options.auth,
		});
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		const status = axios.isAxiosError(error) ? error.response?.status : undefined;
		return { status: 'Error', message: status ? `Request failed with status ${status}` : (error as Error).message };
	}
}
