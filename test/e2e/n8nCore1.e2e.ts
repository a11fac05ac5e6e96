/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The Flexport token renewal on n8n 1.x. n8n 1.123 (n8n-core 1.122.48) treats any truthy
 * `ignoreHttpStatusErrors` as "ignore every status" (n8n.md), so a port that relied on
 * `{ ignore: true, except: [401] }` never let n8n renew the token there. The built port runs here
 * on that n8n-core's own request helpers (installed into .cache/ on first use, ~1 min) with the
 * built Flexport credential's preAuthentication; n8n 2.40 is covered by test/nodes/flexportCredential.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import nock from 'nock';
import type { ICredentialDataDecryptedObject, ICredentialType, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import type { HttpPort } from '../../src/http/port';

const N8N_CORE_1 = '1.122.48'; // the n8n-core of n8n 1.123.81
const N8N_WORKFLOW_1 = '1.120.31';
const ROOT = path.resolve(__dirname, '../..');
const CACHE = path.join(ROOT, '.cache', `n8n-core-${N8N_CORE_1}`);
const BASE = 'http://127.0.0.1:18431';

function installN8nCore1(): void {
	if (existsSync(path.join(CACHE, '.install-complete'))) return;
	mkdirSync(CACHE, { recursive: true });
	writeFileSync(path.join(CACHE, 'package.json'), JSON.stringify({ name: 'n8n-core-1-runtime', private: true }));
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- a test installing its fixture: fixed command and arguments
	execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n-core@${N8N_CORE_1}`, `n8n-workflow@${N8N_WORKFLOW_1}`], {
		cwd: CACHE,
		stdio: 'pipe',
	});
	writeFileSync(path.join(CACHE, '.install-complete'), new Date().toISOString());
}

interface RequestHelpers {
	httpRequest(options: IHttpRequestOptions): Promise<unknown>;
	httpRequestWithAuthentication(credentialType: string, options: IHttpRequestOptions): Promise<unknown>;
}

type GetRequestHelperFunctions = (workflow: unknown, node: INode, additionalData: unknown) => RequestHelpers;

function load<T>(file: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(file) as T;
}

const node: INode = {
	id: 'get-customs-entry',
	name: 'Get Customs Entry',
	type: 'n8n-nodes-us-customs.getCustomsEntry',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { flexportApi: { id: '1', name: 'Flexport' } },
};

/**
 * An execution context as n8n 1.x builds it for a node: its own request helpers, and a
 * credentials helper that runs the credential's preAuthentication and adds the bearer token.
 */
function n8n1Context(credentials: ICredentialDataDecryptedObject, saved: ICredentialDataDecryptedObject[]): IExecuteFunctions {
	const { getRequestHelperFunctions } = load<{ getRequestHelperFunctions: GetRequestHelperFunctions }>(
		path.join(CACHE, 'node_modules/n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions.js'),
	);
	const { FlexportApi } = load<{ FlexportApi: new () => ICredentialType }>(path.join(ROOT, 'dist/credentials/FlexportApi.credentials.js'));
	const credentialType = new FlexportApi();
	const credentialsHelper = {
		getParentTypes: () => [],
		async preAuthentication(helpers: { helpers: RequestHelpers }, data: ICredentialDataDecryptedObject, _type: string, _node: INode, expired: boolean) {
			if (data.accessToken && !expired) return undefined;
			const output = await credentialType.preAuthentication!.call(helpers as never, data);
			saved.push({ ...data, ...output } as ICredentialDataDecryptedObject);
			return output;
		},
		async authenticate(data: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) {
			return { ...options, headers: { ...options.headers, Authorization: `Bearer ${String(data.accessToken)}`, 'Flexport-Version': '2' } };
		},
	};
	const helpers = getRequestHelperFunctions({}, node, { credentialsHelper });
	return {
		helpers,
		getNode: () => node,
		getCredentials: async () => credentials,
	} as unknown as IExecuteFunctions;
}

function flexportPort(context: IExecuteFunctions): HttpPort {
	const { n8nHttpPort } = load<typeof import('../../nodes/shared/n8nHttpPort')>(path.join(ROOT, 'dist/nodes/shared/n8nHttpPort.js'));
	return n8nHttpPort(context, { credentialType: 'flexportApi', renewTokenOn401: true });
}

function clientCredentials(accessToken: string): ICredentialDataDecryptedObject {
	return { authentication: 'clientCredentials', clientId: 'client-1', clientSecret: 'secret-1', baseUrl: BASE, apiVersion: '2', accessToken };
}

const ENTRY = { data: { _object: 'customs_entry', id: 'gGEI8lad8W2jf4ktR2Y34A', release_status: 'cleared' } };

beforeAll(() => {
	installN8nCore1();
}, 10 * 60 * 1000);

describe('Flexport token renewal on n8n 1.x (n8n-core 1.122.48)', () => {
	test('an expired token (401) is renewed once through the credential, and the request repeated with the new token', async () => {
		const saved: ICredentialDataDecryptedObject[] = [];
		const api = nock(BASE)
			.get('/customs_entries/gGEI8lad8W2jf4ktR2Y34A')
			.matchHeader('authorization', 'Bearer expired-token')
			// Twice: n8n 1.x hands the first 401 back (it ignores `except`), the port asks again with status errors on.
			.times(2)
			.reply(401, { errors: [{ message: 'token expired' }] })
			.post('/oauth/token')
			.reply(200, { access_token: 'fresh-token', expires_in: 86400 })
			.get('/customs_entries/gGEI8lad8W2jf4ktR2Y34A')
			.matchHeader('authorization', 'Bearer fresh-token')
			.reply(200, ENTRY);
		const response = await flexportPort(n8n1Context(clientCredentials('expired-token'), saved)).send({
			method: 'GET',
			url: `${BASE}/customs_entries/gGEI8lad8W2jf4ktR2Y34A`,
		});
		expect(response.status).toBe(200);
		expect(response.body).toEqual(ENTRY);
		expect(saved.map((data) => data.accessToken)).toEqual(['fresh-token']);
		expect(api.isDone()).toBe(true);
	});

	test('a 401 that persists after renewal comes back as that 401, as on n8n 2.x, after one token request', async () => {
		const saved: ICredentialDataDecryptedObject[] = [];
		nock(BASE)
			.get('/customs_entries/A1')
			.times(2)
			.reply(401, { errors: [{ message: 'token expired' }] })
			.post('/oauth/token')
			.reply(200, { access_token: 'fresh-token' })
			.get('/customs_entries/A1')
			.matchHeader('authorization', 'Bearer fresh-token')
			.times(2)
			.reply(401, { errors: [{ code: 'unauthorized', message: 'Bad token' }] });
		const response = await flexportPort(n8n1Context(clientCredentials('expired-token'), saved)).send({ method: 'GET', url: `${BASE}/customs_entries/A1` });
		expect(response.status).toBe(401);
		expect(response.body).toEqual({ errors: [{ code: 'unauthorized', message: 'Bad token' }] });
		expect(saved).toHaveLength(1);
	});

	test('an answer outside 2xx other than 401 comes back to the core as that answer, status and body intact', async () => {
		nock(BASE)
			.get('/customs_entries/missing')
			.reply(404, { errors: [{ code: 'not_found', message: 'No such customs entry' }] }, { 'Content-Type': 'application/json' });
		const response = await flexportPort(n8n1Context(clientCredentials('valid-token'), [])).send({ method: 'GET', url: `${BASE}/customs_entries/missing` });
		expect(response.status).toBe(404);
		expect(response.body).toEqual({ errors: [{ code: 'not_found', message: 'No such customs entry' }] });
		expect(response.headers['content-type']).toContain('application/json');
	});

	test('a rate limit (429) keeps its Retry-After header for the core’s backoff', async () => {
		nock(BASE).get('/customs_entries').reply(429, { errors: [{ message: 'slow down' }] }, { 'Retry-After': '7' });
		const response = await flexportPort(n8n1Context(clientCredentials('valid-token'), [])).send({ method: 'GET', url: `${BASE}/customs_entries` });
		expect(response.status).toBe(429);
		expect(response.headers['retry-after']).toBe('7');
	});
});
