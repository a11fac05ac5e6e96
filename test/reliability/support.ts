/**
 * Shared by the reliability suite: recognisable credentials (the secrets scan looks for them),
 * a sandbox started with them, one-node workflows in the real engine, and figure printing.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import simpleFiling from '../fixtures/easypost/simple-filing.json';
import carrierLabelRequest from '../fixtures/shipium/label-request-carrier-eei.json';
import { CredentialStore, runWorkflow, singleNodeWorkflow, type RunResult } from '../harness';

/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- planted probes: the suite proves they never leak */
export const PROBES = {
	easyPostApiKey: 'EZAKreliabilityPROBE7q2w9e4r6t8y',
	shipiumApiKey: 'shipiumPROBEk3j5h7g9f1d2s4a6',
	flexportApiKey: 'flexportPROBEz8x6c4v2b1n3m5',
	flexportClientId: 'flexportPROBEclient4u7i9o',
	flexportClientSecret: 'flexportPROBEsecretq1w3e5r7',
} as const;
/* eslint-enable @n8n/community-nodes/no-hardcoded-secrets */

export const NODE_TYPES = {
	check: 'n8n-nodes-us-customs.checkEeiRequirement',
	file: 'n8n-nodes-us-customs.fileEei',
	void: 'n8n-nodes-us-customs.voidEei',
	get: 'n8n-nodes-us-customs.getCustomsEntry',
	trigger: 'n8n-nodes-us-customs.customsEntryTrigger',
} as const;

/** Credential ids in the store `sandboxCredentials` builds. */
export const CREDENTIAL_IDS = {
	easyPostApi: { id: 'easypost', name: 'EasyPost' },
	shipiumApi: { id: 'shipium', name: 'Shipium' },
	flexportApi: { id: 'flexport', name: 'Flexport' },
	flexportClient: { id: 'flexportClient', name: 'Flexport (client credentials)' },
} as const;

export async function probeSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await startSandbox({ port: 0, ...options, keys: { ...PROBES, ...(options.keys ?? {}) } });
}

/** The four credentials, pointed at a sandbox (or any base URLs). */
export function sandboxCredentials(urls: { easyPostAes: string; easyPostApi: string; shipium: string; flexport: string }): CredentialStore {
	return new CredentialStore()
		.set('easypost', 'easyPostApi', { apiKey: PROBES.easyPostApiKey, aesBaseUrl: urls.easyPostAes, apiBaseUrl: urls.easyPostApi })
		.set('shipium', 'shipiumApi', { apiKey: PROBES.shipiumApiKey, baseUrl: urls.shipium })
		.set('flexport', 'flexportApi', { authentication: 'apiKey', apiKey: PROBES.flexportApiKey, baseUrl: urls.flexport, apiVersion: '2', accessToken: '' })
		.set('flexportClient', 'flexportApi', {
			authentication: 'clientCredentials',
			clientId: PROBES.flexportClientId,
			clientSecret: PROBES.flexportClientSecret,
			baseUrl: urls.flexport,
			apiVersion: '2',
			accessToken: '',
		});
}

export interface NodeRun {
	type: string;
	parameters?: INodeParameters;
	credentials?: Partial<Record<'easyPostApi' | 'shipiumApi' | 'flexportApi', { id: string; name: string }>>;
	continueOnFail?: boolean;
}

export const NODE_NAME = 'Under Test';

/** Runs one node of the package over `items` in n8n-core's WorkflowExecute. */
export async function runNode(run: NodeRun, items: IDataObject[], store: CredentialStore): Promise<RunResult & { items: INodeExecutionData[] }> {
	const workflow = singleNodeWorkflow(
		{
			name: NODE_NAME,
			type: run.type,
			parameters: run.parameters ?? {},
			...(run.credentials ? { credentials: run.credentials } : {}),
			...(run.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
		items,
	);
	const result = await runWorkflow(workflow, { credentials: store });
	let items_: INodeExecutionData[] = [];
	try {
		items_ = result.output(NODE_NAME);
	} catch {
		items_ = [];
	}
	return { ...result, items: items_ };
}

/** Seed 001's simple filing, numbered by the node from its Reference (no number of its own). */
export function derivedFiling(reference: string): IDataObject {
	const copy = structuredClone(simpleFiling) as unknown as { Delivery: { Reference: string; International: IDataObject } };
	copy.Delivery.Reference = reference;
	delete copy.Delivery.International.EeiTransactionNumber;
	return copy as unknown as IDataObject;
}

/** Seed 001's simple filing under a given transaction number. */
export function numberedFiling(number: string, reference = 'ABC123'): IDataObject {
	const copy = structuredClone(simpleFiling) as unknown as { Delivery: { Reference: string; International: IDataObject } };
	copy.Delivery.Reference = reference;
	copy.Delivery.International.EeiTransactionNumber = number;
	return copy as unknown as IDataObject;
}

/** Seed 003's label request whose carrier files the EEI. */
export function carrierLabel(): IDataObject {
	return structuredClone(carrierLabelRequest) as IDataObject;
}

/** A fixed-width text table for figures printed by the suite. */
export function table(title: string, header: string[], rows: string[][]): string {
	const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: string[]) => cells.map((cell, column) => (cell ?? '').padEnd(widths[column])).join(' | ');
	return [title, line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Every text of a run that a user or a log could see: items, error, message, description. */
export function visibleText(result: RunResult): string {
	const error = result.error as (Error & { description?: unknown; context?: unknown }) | undefined;
	return [
		JSON.stringify(result.run),
		error ? `${error.message}\n${String(error.description ?? '')}\n${error.stack ?? ''}\n${JSON.stringify(error.context ?? {})}` : '',
	].join('\n');
}
