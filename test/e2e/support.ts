/** Helpers for end-to-end workflows in the real n8n against the provider sandbox. */
import { randomUUID } from 'node:crypto';

import type { Sandbox } from '../../sandbox';
import type { N8nCredentialInput } from '../../scripts/n8n-local/n8nLocal';

/** Credential names used by e2e workflows; `credentialsFor` creates them. */
export const CREDENTIAL_NAMES = {
	easyPost: 'EasyPost (sandbox)',
	shipium: 'Shipium (sandbox)',
	flexportApiKey: 'Flexport API key (sandbox)',
	flexportClient: 'Flexport client credentials (sandbox)',
} as const;

/** The package's four credential set-ups, pointing at a running sandbox (ids fixed per call). */
export function credentialsFor(sandbox: Sandbox): Array<N8nCredentialInput & { id: string }> {
	const { urls, keys } = sandbox;
	return [
		{
			id: 'sbxEasyPost000001',
			name: CREDENTIAL_NAMES.easyPost,
			type: 'easyPostApi',
			data: { apiKey: keys.easyPostApiKey, aesBaseUrl: urls.easyPostAes, apiBaseUrl: urls.easyPostApi },
		},
		{
			id: 'sbxShipium000001',
			name: CREDENTIAL_NAMES.shipium,
			type: 'shipiumApi',
			data: { apiKey: keys.shipiumApiKey, baseUrl: urls.shipium },
		},
		{
			id: 'sbxFlexportKey01',
			name: CREDENTIAL_NAMES.flexportApiKey,
			type: 'flexportApi',
			data: { authentication: 'apiKey', apiKey: keys.flexportApiKey, baseUrl: urls.flexport, apiVersion: '2' },
		},
		{
			id: 'sbxFlexportCli01',
			name: CREDENTIAL_NAMES.flexportClient,
			type: 'flexportApi',
			data: {
				authentication: 'clientCredentials',
				clientId: keys.flexportClientId,
				clientSecret: keys.flexportClientSecret,
				baseUrl: urls.flexport,
				apiVersion: '2',
			},
		},
	];
}

/** `{ [type]: { id, name } }` for a node's `credentials` field. */
export function credentialRef(credential: N8nCredentialInput & { id: string }): Record<string, { id: string; name: string }> {
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

export function manualTrigger(): Record<string, unknown> {
	return { id: randomUUID(), name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

/** Connects nodes one after the other, starting with the first. */
export function chain(...names: string[]): Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> {
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	for (let i = 0; i < names.length - 1; i++) connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	return connections;
}
