/**
 * The Flexport API credential as n8n uses it (providers.md, Flexport auth): an API key sent as
 * `Bearer <key>`, or OAuth2 client credentials whose token (valid 24 h, at most 10 token requests
 * a day) is cached in the credential's expirable `accessToken` and renewed only after a 401.
 * Executions run in the real n8n engine; the harness's CredentialStore persists write-backs like
 * n8n's database, so token reuse across executions is observable.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { CredentialStore, runWorkflow, singleNodeWorkflow, testCredential } from '../harness';

const NODE = 'Get Customs Entry';
const BASE = 'https://api.flexport.com';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a planted test value, to prove it never leaks
const API_KEY = 'fx_live_key_do_not_leak_7f3a9c';
const CLIENT_ID = 'client-4711';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a planted test value, to prove it never leaks
const CLIENT_SECRET = 'client_secret_do_not_leak_91be';
const TOKEN_1 = 'eyJ.token-one.sig';
const TOKEN_2 = 'eyJ.token-two.sig';

const oauth: ICredentialDataDecryptedObject = {
	authentication: 'clientCredentials',
	clientId: CLIENT_ID,
	clientSecret: CLIENT_SECRET,
	baseUrl: BASE,
	apiVersion: '2',
	accessToken: '',
};

const apiKey: ICredentialDataDecryptedObject = { authentication: 'apiKey', apiKey: API_KEY, baseUrl: BASE, apiVersion: '2', accessToken: '' };

const entryBody = (id: string) => ({
	_object: '/api/response',
	data: { _object: '/customs_entry', id, entry_number: 'CHQ-49813874', release_status: 'released', release_date: '2025-01-14', shipment: null },
	error: null,
});

const tokenRequest = {
	client_id: CLIENT_ID,
	client_secret: CLIENT_SECRET,
	audience: 'https://api.flexport.com',
	grant_type: 'client_credentials',
};

async function getEntry(store: CredentialStore, id = 'A1') {
	const workflow = singleNodeWorkflow(
		{
			name: NODE,
			type: 'n8n-nodes-us-customs.getCustomsEntry',
			parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: id },
			credentials: { flexportApi: { id: '1', name: 'Flexport' } },
		},
		[{}] as IDataObject[],
	);
	return await runWorkflow(workflow, { credentials: store });
}

function expectNoSecret(value: unknown): void {
	const text = JSON.stringify(value);
	for (const secret of [API_KEY, CLIENT_SECRET, TOKEN_1, TOKEN_2]) expect(text).not.toContain(secret);
}

describe('Flexport credential: OAuth2 client credentials in the engine', () => {
	test('the token is requested once and reused by three executions (10 token requests a day)', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', oauth);
		const token = nock(BASE).post('/oauth/token', tokenRequest).once().reply(200, { access_token: TOKEN_1, token_type: 'Bearer', expires_in: 86400 });
		const api = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_1}`, 'flexport-version': '2' } })
			.get('/customs_entries/A1')
			.times(3)
			.reply(200, entryBody('A1'));
		for (let execution = 0; execution < 3; execution++) {
			const result = await getEntry(store);
			expect(result.error).toBeUndefined();
			expect(result.output(NODE)[0].json.id).toBe('A1');
			expectNoSecret(result.output(NODE));
		}
		token.done();
		api.done();
		expect(store.updates.map((update) => update.data.accessToken)).toEqual([TOKEN_1]);
	});

	test('a listing whose later pages are fetched in parallel still requests one token: page 1 fetches it alone', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', oauth);
		const token = nock(BASE).post('/oauth/token', tokenRequest).once().reply(200, { access_token: TOKEN_1 });
		const entries = Array.from({ length: 250 }, (_, i) => entryBody(`E${i}`).data);
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_1}` } });
		for (const number of [1, 2, 3]) {
			scope
				.get('/customs_entries')
				.query({ page: String(number), per: '100' })
				.times(2) // Return All reads a listing of several pages twice (issue 12).
				.reply(200, { _object: '/api/response', data: { next: null, total_count: 250, data: entries.slice((number - 1) * 100, number * 100) }, error: null });
		}
		const workflow = singleNodeWorkflow(
			{
				name: NODE,
				type: 'n8n-nodes-us-customs.getCustomsEntry',
				parameters: { resource: 'customsEntry', operation: 'getAll', returnAll: true },
				credentials: { flexportApi: { id: '1', name: 'Flexport' } },
			},
			[{}],
		);
		const result = await runWorkflow(workflow, { credentials: store });
		expect(result.output(NODE)).toHaveLength(250);
		token.done();
		scope.done();
		expect(store.updates).toHaveLength(1);
	});

	test('a 401 renews the token exactly once and repeats the request with the new token', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', { ...oauth, accessToken: TOKEN_1 });
		const refused = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_1}` } })
			.get('/customs_entries/A1')
			.reply(401, { _object: '/api/error', status: 401, code: 'unauthorized', message: 'Token expired' });
		const token = nock(BASE).post('/oauth/token', tokenRequest).once().reply(200, { access_token: TOKEN_2 });
		const accepted = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_2}` } }).get('/customs_entries/A1').reply(200, entryBody('A1'));
		const result = await getEntry(store);
		expect(result.error).toBeUndefined();
		expect(result.output(NODE)[0].json.id).toBe('A1');
		refused.done();
		token.done();
		accepted.done();
		expect(store.updates.map((update) => update.data.accessToken)).toEqual([TOKEN_2]);
		expect(store.get('1').data.accessToken).toBe(TOKEN_2);
	});

	test('the renewed token is kept for the next execution: no further token request', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', { ...oauth, accessToken: TOKEN_1 });
		nock(BASE).get('/customs_entries/A1').reply(401, { _object: '/api/error', status: 401, code: 'unauthorized', message: 'Token expired' });
		nock(BASE).post('/oauth/token').once().reply(200, { access_token: TOKEN_2 });
		nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_2}` } }).get('/customs_entries/A1').times(2).reply(200, entryBody('A1'));
		await getEntry(store);
		const second = await getEntry(store);
		expect(second.error).toBeUndefined();
		expect(store.updates).toHaveLength(1);
	});

	test('a 401 that persists after renewal is an API error naming the entry, with no secret in it', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', { ...oauth, accessToken: TOKEN_1 });
		nock(BASE).get('/customs_entries/A1').twice().reply(401, { _object: '/api/error', status: 401, code: 'unauthorized', message: 'Bad token' });
		nock(BASE).post('/oauth/token').once().reply(200, { access_token: TOKEN_2 });
		const result = await getEntry(store);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Flexport refused customs entry A1 (HTTP 401, unauthorized: Bad token)');
		expect(result.error?.description).toContain('Check the Flexport API key or OAuth client credentials.');
		expectNoSecret({ message: result.error?.message, description: result.error?.description, context: result.error?.context });
	});

	test('a token endpoint error (500) is not retried as an answer about the entry: one token request, an API error without secrets', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', oauth);
		const token = nock(BASE).post('/oauth/token').once().reply(500, { error: 'server_error' });
		const result = await getEntry(store);
		token.done();
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^Flexport token request failed: /);
		expect(result.error?.context.itemIndex).toBe(0);
		expect(store.updates).toEqual([]);
		expectNoSecret(result.run);
	});

	test('a token answer without an access token is asked for once, not retried like a passing fault (10 token requests a day)', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', oauth);
		let tokenRequests = 0;
		nock(BASE)
			.post('/oauth/token')
			.times(5)
			.reply(() => {
				tokenRequests++;
				return [200, { token_type: 'Bearer' }];
			});
		const result = await getEntry(store);
		expect(tokenRequests).toBe(1);
		expect(result.error?.description).toMatch(/without an access_token/);
		expect(store.updates).toEqual([]);
		expectNoSecret(result.run);
		// The other four replies stay unused on purpose: they are what a retry would have taken.
		nock.cleanAll();
	});

	test('refused client credentials cost two token requests (n8n renews once after a 401), then an API error without secrets', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', oauth);
		const token = nock(BASE).post('/oauth/token').twice().reply(401, { error: 'access_denied' });
		const result = await getEntry(store);
		token.done();
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Flexport token request failed: Authorization failed - please check your credentials');
		expect(result.error?.description).toMatch(/Client ID and Client Secret/);
		expect(store.updates).toEqual([]);
		expectNoSecret(result.run);
	});
});

describe('Flexport credential: API key in the engine', () => {
	test('sends `Bearer <key>` and `Flexport-Version`, and requests no token', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', { ...apiKey, apiVersion: '2024-06' });
		nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'flexport-version': '2024-06' } })
			.get('/customs_entries/A1')
			.reply(200, entryBody('A1'));
		const result = await getEntry(store);
		expect(result.error).toBeUndefined();
		expectNoSecret(result.output(NODE));
	});

	test('a refused API key (401) is an API error without the key in it', async () => {
		const store = new CredentialStore().set('1', 'flexportApi', apiKey);
		nock(BASE).get('/customs_entries/A1').twice().reply(401, { _object: '/api/error', status: 401, code: 'unauthorized', message: 'Invalid API key' });
		const result = await getEntry(store);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Flexport refused customs entry A1 (HTTP 401, unauthorized: Invalid API key)');
		expectNoSecret({ message: result.error?.message, description: result.error?.description, context: result.error?.context });
	});
});

describe('Flexport credential test (n8n "Test credential")', () => {
	test('API key accepted: OK, one listing request with the key', async () => {
		nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } }).get('/customs_entries').query({ page: '1', per: '1' }).reply(200, { data: { data: [] } });
		expect(await testCredential('flexportApi', apiKey)).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('API key refused: Error with the 401, without the key', async () => {
		nock(BASE).get('/customs_entries').query({ page: '1', per: '1' }).reply(401, { _object: '/api/error', status: 401, code: 'unauthorized' });
		const result = await testCredential('flexportApi', apiKey);
		expect(result).toEqual({ status: 'Error', message: 'Request failed with status 401' });
		expectNoSecret(result);
	});

	test('client credentials accepted: a token, then the listing with that token', async () => {
		nock(BASE).post('/oauth/token', tokenRequest).reply(200, { access_token: TOKEN_1 });
		nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN_1}` } }).get('/customs_entries').query({ page: '1', per: '1' }).reply(200, { data: { data: [] } });
		expect(await testCredential('flexportApi', oauth)).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('client credentials refused by the token endpoint (401): Error, without the client secret', async () => {
		nock(BASE).post('/oauth/token').reply(401, { error: 'access_denied', error_description: 'Unauthorized' });
		const result = await testCredential('flexportApi', oauth);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('401');
		expectNoSecret(result);
	});

	test('a plain-http base URL off loopback is refused before the client secret is sent', async () => {
		const result = await testCredential('flexportApi', { ...oauth, baseUrl: 'http://api.flexport.com' });
		expect(result.status).toBe('Error');
		expectNoSecret(result);
	});
});
