/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The credential Test button in the real n8n 2.40.7 (POST /rest/credentials/test, what the editor
 * calls): a base URL the nodes refuse gets no key over plain http, and a key pasted into a Base
 * URL field is not repeated in the result (issue 12, point 3). n8n runs a declarative `test`
 * through its RoutingNode and httpRequestWithAuthentication, which calls the credential's
 * `authenticate`: the package's one base-URL rule refuses there, before the key is attached.
 */
import { rmSync } from 'node:fs';

import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';
import { login, startN8nServer } from '../../scripts/n8n-local/server';
import { startAuthorizationRecorder, type AuthorizationRecorder } from '../support/authorizationRecorder';

// Planted probes, not real keys: the test proves they are never sent or repeated.
const KEYS = { easyPost: 'EZAKe2eCredentialTestProbe4711', shipium: 'shipiumE2eCredentialProbe4711', flexport: 'flexportE2eCredentialProbe4711' };

const CASES = [
	{ type: 'easyPostApi', key: KEYS.easyPost, data: (url: string) => ({ apiKey: KEYS.easyPost, aesBaseUrl: 'https://aes.easypostenterprise.services', apiBaseUrl: url }), field: 'API Base URL' },
	{ type: 'shipiumApi', key: KEYS.shipium, data: (url: string) => ({ apiKey: KEYS.shipium, baseUrl: url }), field: 'Base URL' },
	{ type: 'flexportApi', key: KEYS.flexport, data: (url: string) => ({ authentication: 'apiKey', apiKey: KEYS.flexport, baseUrl: url, apiVersion: '2' }), field: 'Base URL' },
] as const;

describe('real n8n 2.40.7: the credential Test button applies the nodes\' base-URL rule', () => {
	let server: Awaited<ReturnType<typeof startN8nServer>>;
	let userFolder: string;
	let cookie: string;
	let recorder: AuthorizationRecorder | undefined;
	let port = 0;
	let received: string[] = [];

	beforeAll(async () => {
		if (!n8nLocal.isInstalled()) n8nLocal.install();
		recorder = await startAuthorizationRecorder();
		({ port, received } = recorder);
		userFolder = n8nLocal.createUserFolder('n8n-us-customs-credtest-');
		n8nLocal.packAndInstall(userFolder, { build: process.env.E2E_SKIP_BUILD !== '1' });
		server = await startN8nServer(userFolder, { port: await n8nLocal.freePort() });
		cookie = await login(server.url);
	});

	afterAll(async () => {
		await server?.stop();
		await recorder?.close();
		if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== '1') rmSync(userFolder, { recursive: true, force: true });
	});

	async function rest(route: string, body: unknown): Promise<Record<string, unknown>> {
		const response = await fetch(`${server.url}${route}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		expect(response.status).toBe(200);
		return ((await response.json()) as { data: Record<string, unknown> }).data;
	}

	/**
	 * As the editor does: the credential is saved, then tested. (A Flexport credential must have an
	 * id: n8n stores the token its preAuthentication returns in it.)
	 */
	let saved = 0;
	async function testCredential(type: string, data: Record<string, unknown>): Promise<{ status: string; message: string }> {
		const name = `E2E ${type} ${++saved}`;
		const { id } = await rest('/rest/credentials', { name, type, data });
		return (await rest('/rest/credentials/test', { credentials: { id, name, type, data } })) as { status: string; message: string };
	}

	test.each(CASES)('$type: http://[::ffff:127.0.0.1] is refused naming the field, and no request carries the key', async ({ type, data, field }) => {
		const before = received.length;
		const result = await testCredential(type, data(`http://[::ffff:127.0.0.1]:${port}`));
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining(`${field}: must use https`) });
		expect(received.slice(before).filter((header) => header !== '')).toEqual([]);
	});

	test.each(CASES)('$type: the same server as http://127.0.0.1 (loopback) tests OK and receives the key', async ({ type, key, data }) => {
		const before = received.length;
		const result = await testCredential(type, data(`http://127.0.0.1:${port}`));
		expect(result.status).toBe('OK');
		const sent = received.slice(before).join('\n');
		expect(sent.includes(key) || sent.includes(Buffer.from(`${key}:`).toString('base64'))).toBe(true);
	});

	test.each(CASES)('$type: a key pasted into $field is not repeated in the result', async ({ type, key, data, field }) => {
		const result = await testCredential(type, data(key));
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining(`${field}: must be an absolute https URL`) });
		expect(JSON.stringify(result)).not.toContain(key);
	});
});
