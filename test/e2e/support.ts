/** Helpers for end-to-end workflows in the real n8n against the provider sandbox. */
import { randomUUID } from 'node:crypto';

import type { Sandbox } from '../../sandbox';
import type { N8nCredentialInput } from '../../scripts/n8n-local/n8nLocal';
import { SANDBOX_CREDENTIALS, sandboxCredentials } from '../../scripts/n8n-local/sandboxCredentials';

/** Credential names used by e2e workflows and the examples; `credentialsFor` creates them. */
export const CREDENTIAL_NAMES = {
	easyPost: SANDBOX_CREDENTIALS.easyPost.name,
	shipium: SANDBOX_CREDENTIALS.shipium.name,
	flexportApiKey: SANDBOX_CREDENTIALS.flexportApiKey.name,
	flexportClient: SANDBOX_CREDENTIALS.flexportClient.name,
} as const;

/**
 * The package's four credential set-ups and n8n's SMTP credential, pointing at a running sandbox,
 * under the fixed ids the example workflows reference: [EasyPost, Shipium, Flexport API key,
 * Flexport client credentials, SMTP].
 */
export function credentialsFor(sandbox: Sandbox): Array<N8nCredentialInput & { id: string }> {
	return sandboxCredentials(sandbox);
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
