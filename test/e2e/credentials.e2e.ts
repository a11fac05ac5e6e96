/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The package's credentials in the real n8n against the provider sandbox: n8n's HTTP Request node
 * authenticates with each predefined credential type. The Flexport client-credentials token is
 * fetched once and cached in the credential across executions (providers.md: 10 token requests
 * a day; never one per execution).
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';

import { startSandbox, type Sandbox } from '../../sandbox';
import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';
import { chain, credentialRef, credentialsFor, manualTrigger } from './support';

function httpRequest(name: string, url: string, credential: ReturnType<typeof credentialsFor>[number]): Record<string, unknown> {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: { method: 'GET', url, authentication: 'predefinedCredentialType', nodeCredentialType: credential.type, options: {} },
		credentials: credentialRef(credential),
	};
}

describe('real n8n 2.40.7: the package credentials against the sandbox', () => {
	let sandbox: Sandbox;
	let userFolder: string;
	let workflowId: string;
	const runs: Awaited<ReturnType<typeof n8nLocal.executeWorkflow>>[] = [];

	beforeAll(async () => {
		if (!n8nLocal.isInstalled()) n8nLocal.install();
		sandbox = await startSandbox({ seed: 21 });
		userFolder = n8nLocal.createUserFolder();
		n8nLocal.packAndInstall(userFolder, { build: process.env.E2E_SKIP_BUILD !== '1' });
		const [easyPost, shipium, , flexportClient] = credentialsFor(sandbox);
		await n8nLocal.importCredentials(userFolder, credentialsFor(sandbox));
		workflowId = await n8nLocal.importWorkflow(userFolder, {
			name: 'E2E: credentials against the sandbox',
			nodes: [
				manualTrigger(),
				httpRequest('EasyPost addresses', `${sandbox.urls.easyPostApi}/v2/addresses?page_size=1`, easyPost),
				httpRequest('Shipium ping', `${sandbox.urls.shipium}/api/v1/deliveryexperience/ping`, shipium),
				httpRequest('Flexport entries', `${sandbox.urls.flexport}/customs_entries?per=5`, flexportClient),
			],
			connections: chain('Manual Trigger', 'EasyPost addresses', 'Shipium ping', 'Flexport entries'),
		});
		runs.push(await n8nLocal.executeWorkflow(userFolder, workflowId));
		runs.push(await n8nLocal.executeWorkflow(userFolder, workflowId));
	});

	afterAll(async () => {
		await sandbox?.close();
		if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== '1') rmSync(userFolder, { recursive: true, force: true });
	});

	it('runs the workflow without error, twice', () => {
		expect(runs.map((run) => [run.ok, run.error?.message])).toEqual([
			[true, undefined],
			[true, undefined],
		]);
	});

	it('authenticates to the EasyPost core API with Basic auth (key as user name)', () => {
		expect(n8nLocal.nodeOutput(runs[0].run, 'EasyPost addresses')).toEqual([{ addresses: [], has_more: false }]);
	});

	it('authenticates to Shipium and gets pong', () => {
		expect(n8nLocal.nodeOutput(runs[0].run, 'Shipium ping')).toEqual([{ status: 1, info: 'pong' }]);
	});

	it('lists Flexport customs entries with a client-credentials token and Flexport-Version 2', () => {
		const [page] = n8nLocal.nodeOutput(runs[0].run, 'Flexport entries') ?? [];
		expect(page).toMatchObject({ _object: '/api/response', data: { total_count: 14 } });
		expect(new Set(sandbox.state.flexport.versionHeaders)).toEqual(new Set(['2']));
	});

	it('requests one Flexport token for two executions: the token is cached in the credential', () => {
		expect(sandbox.state.flexport.tokenRequests).toBe(1);
	});
});
