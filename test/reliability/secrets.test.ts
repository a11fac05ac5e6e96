/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * Secrets (issue 7, item 5): every node and credential test runs with recognisable keys through
 * success and every failure, against a provider that echoes the credential back in bodies and
 * messages. Every output item, error message, error description and captured log line (n8n's
 * logger at debug) is scanned: zero occurrences of any key, secret or their Basic-auth forms.
 * A redirect or a `next` link to a foreign host never receives the credential, and plain http
 * base URLs other than loopback are refused before anything is sent.
 */
import { capturedLines, print } from './debugLogging';


import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore, runPoll, testCredential, type RunResult } from '../harness';
import { CREDENTIAL_IDS, NODE_TYPES, PROBES, carrierLabel, numberedFiling, runNode, table, visibleText, type NodeRun } from './support';
import { startAuthorizationRecorder, type AuthorizationRecorder } from '../support/authorizationRecorder';

const HOSTS = { aes: 'https://aes.secrets.test', api: 'https://api.easypost.secrets.test', shipium: 'https://shipium.secrets.test', flexport: 'https://flexport.secrets.test' };
const FOREIGN = 'https://collector.foreign.test';

const b64 = (text: string) => Buffer.from(text).toString('base64');
/** Every form a secret could leak in: as is, and as HTTP Basic or base64 would carry it. */
// The client ID is an identifier, not a secret (like a user name): it is not searched.
const FORMS = [PROBES.easyPostApiKey, PROBES.shipiumApiKey, PROBES.flexportApiKey, PROBES.flexportClientSecret].flatMap((secret) => [secret, b64(secret), b64(`${secret}:`), b64(`${secret}:`).replace(/=+$/, ''), b64(secret).replace(/=+$/, '')]);
/** What a provider echoes back: the credential it was sent, raw and as the Authorization header carried it. */
type Secrets = ReadonlyArray<string>;
const echoOf = (secrets: Secrets) => `echo ${secrets.map((secret) => `${secret} Basic ${b64(`${secret}:`)} Bearer ${secret}`).join(' ')}`;
const EASYPOST: Secrets = [PROBES.easyPostApiKey];
const SHIPIUM: Secrets = [PROBES.shipiumApiKey];
const FLEXPORT: Secrets = [PROBES.flexportApiKey];
const FLEXPORT_CLIENT: Secrets = [PROBES.flexportClientSecret];
const ECHO = echoOf([...EASYPOST, ...SHIPIUM, ...FLEXPORT, ...FLEXPORT_CLIENT]);

function store(overrides: Partial<Record<'aes' | 'shipium' | 'flexport', string>> = {}): CredentialStore {
	return new CredentialStore()
		.set('easypost', 'easyPostApi', { apiKey: PROBES.easyPostApiKey, aesBaseUrl: overrides.aes ?? HOSTS.aes, apiBaseUrl: HOSTS.api })
		.set('shipium', 'shipiumApi', { apiKey: PROBES.shipiumApiKey, baseUrl: overrides.shipium ?? HOSTS.shipium })
		.set('flexport', 'flexportApi', { authentication: 'apiKey', apiKey: PROBES.flexportApiKey, baseUrl: overrides.flexport ?? HOSTS.flexport, apiVersion: '2', accessToken: '' })
		.set('flexportClient', 'flexportApi', {
			authentication: 'clientCredentials',
			clientId: PROBES.flexportClientId,
			clientSecret: PROBES.flexportClientSecret,
			baseUrl: overrides.flexport ?? HOSTS.flexport,
			apiVersion: '2',
			accessToken: '',
		});
}

/** The answers a provider may give, each echoing the credential back; `retried` ones a read sends again. */
const ANSWERS: Array<{ name: string; retried: boolean; reply: (scope: nock.Interceptor, echo: string) => nock.Scope }> = [
	{ name: 'success', retried: false, reply: (i, echo) => i.reply(200, (uri) => successBody(uri, echo)) },
	...[400, 401, 403, 404, 409, 422, 429, 500, 503].map((status) => ({
		name: String(status),
		retried: status >= 429,
		reply: (i: nock.Interceptor, echo: string) => i.reply(status, { message: echo, error: { message: echo, code: 'ECHO' }, errors: [echo], Errors: [{ Field: 'x', Message: echo }] }, { 'x-echo': echo }),
	})),
	{ name: 'HTML', retried: true, reply: (i, echo) => i.reply(502, `<html><body>${echo}</body></html>`, { 'content-type': 'text/html' }) },
	{ name: 'malformed JSON', retried: false, reply: (i, echo) => i.reply(200, `{"oops": "${echo}",`, { 'content-type': 'application/json' }) },
	{ name: 'reset', retried: true, reply: (i, echo) => i.replyWithError(Object.assign(new Error(`socket hang up ${echo}`), { code: 'ECONNRESET' })) },
	{ name: 'timeout', retried: true, reply: (i, echo) => i.replyWithError(Object.assign(new Error(`timeout ${echo}`), { code: 'ETIMEDOUT' })) },
];

function successBody(uri: string, echo = ECHO): IDataObject {
	const ECHO = echo;
	if (uri.includes('AesItrItn')) return { Status: 'Accepted', Itn: 'X20261121123456', Debug: ECHO };
	if (uri.includes('carrierselection')) return { shipiumShipmentId: 's-1', note: ECHO, carrierLabel: { internationalDocuments: [] } };
	if (uri.includes('oauth/token')) return { access_token: `token-${PROBES.flexportApiKey}`, expires_in: 86400, echo: ECHO };
	const entry = { _object: '/customs_entry', id: 'A1', entry_number: ECHO, release_status: 'released', release_date: '2026-11-20', shipment: null };
	if (/customs_entries\/A1/.test(uri)) return { _object: '/api/response', data: entry, error: null };
	return { _object: '/api/response', data: { _object: '/api/collections/paginated', prev: null, next: null, total_count: 1, data: [entry] }, error: null };
}

interface Operation {
	name: string;
	/** The credential this operation holds: what the provider echoes and the node must remove. */
	secrets: Secrets;
	/** A read is sent again after a transient answer: it meets that answer once, then the echoing success. */
	read: boolean;
	host: string;
	path: RegExp;
	method: 'get' | 'post';
	run(credentials: CredentialStore): Promise<string>;
}

async function nodeText(run: NodeRun, items: IDataObject[], credentials: CredentialStore, continueOnFail: boolean): Promise<string> {
	const result: RunResult = await runNode({ ...run, continueOnFail }, items, credentials);
	return visibleText(result);
}

/** Runs a node with and without continue on fail: both the error items and the stopped run are scanned. */
async function bothWays(run: NodeRun, items: () => IDataObject[], credentials: CredentialStore): Promise<string> {
	return (await nodeText(run, items(), credentials, true)) + (await nodeText(run, items(), credentials, false));
}

let counter = 0;
const OPERATIONS: Operation[] = [
	{
		name: 'File EEI (AES)',
		secrets: EASYPOST,
		read: false,
		host: HOSTS.aes,
		path: /AesItrItn/,
		method: 'post',
		run: (c) => bothWays({ type: NODE_TYPES.file, parameters: { aesOptions: { timeoutSeconds: 2 } }, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi } }, () => [numberedFiling(`SECRET${++counter}`)], c),
	},
	{
		name: 'File EEI (Shipium)',
		secrets: SHIPIUM,
		read: false,
		host: HOSTS.shipium,
		path: /carrierselection/,
		method: 'post',
		run: (c) => bothWays({ type: NODE_TYPES.file, parameters: { filingMethod: 'shipium' }, credentials: { shipiumApi: CREDENTIAL_IDS.shipiumApi } }, () => [carrierLabel()], c),
	},
	{
		name: 'Void EEI',
		secrets: EASYPOST,
		read: false,
		host: HOSTS.aes,
		path: /AesItrItn/,
		method: 'post',
		run: (c) => bothWays({ type: NODE_TYPES.void, parameters: { transactionNumber: 'VOIDSECRET1' }, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi } }, () => [{ orderId: '1' }], c),
	},
	{
		name: 'Get Customs Entry: get (API key)',
		secrets: FLEXPORT,
		read: true,
		host: HOSTS.flexport,
		path: /customs_entries\/A1/,
		method: 'get',
		run: (c) => bothWays({ type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: 'A1' }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } }, () => [{}], c),
	},
	{
		name: 'Get Customs Entry: get many',
		secrets: FLEXPORT,
		read: true,
		host: HOSTS.flexport,
		path: /customs_entries/,
		method: 'get',
		run: (c) => bothWays({ type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'getAll', returnAll: true }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } }, () => [{}], c),
	},
	{
		name: 'Get Customs Entry: token request (client credentials)',
		secrets: FLEXPORT_CLIENT,
		read: false,
		host: HOSTS.flexport,
		path: /oauth\/token/,
		method: 'post',
		run: (c) => {
			nock(HOSTS.flexport).persist().get(/customs_entries\/A1/).reply(200, (uri) => successBody(uri, echoOf(FLEXPORT_CLIENT)));
			return bothWays({ type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: 'A1' }, credentials: { flexportApi: CREDENTIAL_IDS.flexportClient } }, () => [{}], c);
		},
	},
	{
		name: 'Customs Entry Trigger: poll',
		secrets: FLEXPORT,
		read: true,
		host: HOSTS.flexport,
		path: /customs_entries/,
		method: 'get',
		async run(c) {
			const node = { name: 'Trigger', type: NODE_TYPES.trigger, parameters: { events: ['released', 'newEntry', 'statusChanged'] }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } };
			const texts: string[] = [];
			for (const staticData of [undefined, { 'node:Trigger': { customsEntries: { version: 1, scope: '', baselineAt: '2026-01-01T00:00:00.000Z', entries: {} } } }]) {
				try {
					texts.push(JSON.stringify(await runPoll(node, { staticData: staticData as IDataObject | undefined, credentials: c })));
				} catch (error) {
					const e = error as Error & { description?: string; context?: unknown };
					texts.push(`${e.message}\n${String(e.description ?? '')}\n${e.stack ?? ''}\n${JSON.stringify(e.context ?? {})}`);
				}
			}
			return texts.join('\n');
		},
	},
];

function occurrences(text: string): Array<{ form: string; count: number }> {
	return FORMS.map((form) => ({ form, count: text.split(form).length - 1 })).filter((hit) => hit.count > 0);
}

const scans: Array<{ name: string; texts: number; bytes: number; logLines: number; hits: number }> = [];

afterAll(() => {
	const rows = scans.map((scan) => [scan.name, String(scan.texts), String(scan.bytes), String(scan.logLines), String(scan.hits)]);
	print(
		`${table('Secrets: every operation x every answer (each echoing the credential), scanned', ['scope', 'runs scanned', 'bytes scanned', 'log lines captured', 'secret occurrences'], rows)}\n` +
			`forms searched: ${FORMS.length} (each API key and the client secret: raw, base64 and Basic-auth base64, padded and not)`,
	);
});

describe('secrets never leak', () => {
	test.each(OPERATIONS.map((op) => [op.name, op] as const))('%s: success and every failure, outputs, errors and debug logs', async (name, op) => {
		let text = '';
		const from = capturedLines.length;
		try {
			const echo = echoOf(op.secrets);
			for (const answer of ANSWERS) {
				const scope = nock(op.host);
				if (op.read && answer.retried) {
					// Once, then the echoing success: the retry path and its logs are scanned without minutes of backoff.
					answer.reply(op.method === 'get' ? scope.get(op.path) : scope.post(op.path), echo);
					ANSWERS[0].reply(op.method === 'get' ? nock(op.host).persist().get(op.path) : nock(op.host).persist().post(op.path), echo);
				} else {
					answer.reply(op.method === 'get' ? scope.persist().get(op.path) : scope.persist().post(op.path), echo);
				}
				text += await op.run(store());
				nock.cleanAll();
			}
		} finally {
			nock.cleanAll();
		}
		const logs = capturedLines.slice(from);
		const logLines = logs.length;
		const all = `${text}\n${logs.join('\n')}`;
		const hits = occurrences(all);
		scans.push({ name, texts: ANSWERS.length * 2, bytes: all.length, logLines, hits: hits.reduce((sum, hit) => sum + hit.count, 0) });
		expect(hits).toEqual([]);
		// The provider did echo the credential: the scan had something to find.
		expect(text).toContain('[REDACTED]');
	});


	test.each([
		['easyPostApi', { apiKey: PROBES.easyPostApiKey, aesBaseUrl: HOSTS.aes, apiBaseUrl: HOSTS.api }, HOSTS.api, /addresses/],
		['shipiumApi', { apiKey: PROBES.shipiumApiKey, baseUrl: HOSTS.shipium }, HOSTS.shipium, /ping/],
		['flexportApi', { authentication: 'apiKey', apiKey: PROBES.flexportApiKey, baseUrl: HOSTS.flexport, apiVersion: '2' }, HOSTS.flexport, /customs_entries/],
	] as const)('credential test %s: OK and refused, the message never holds the key', async (type, data, host, path) => {
		const messages: string[] = [];
		nock(host).get(path).reply(200, { addresses: [], status: 1, info: 'pong', data: null, echo: ECHO });
		messages.push(JSON.stringify(await testCredential(type, data)));
		nock(host).get(path).reply(401, { error: { message: ECHO } });
		messages.push(JSON.stringify(await testCredential(type, data)));
		expect(messages[0]).toContain('OK');
		expect(messages[1]).toContain('Error');
		expect(occurrences(messages.join('\n'))).toEqual([]);
	});

	test('credential test flexportApi with client credentials: a refused token request never shows the secret', async () => {
		nock(HOSTS.flexport).post('/oauth/token').reply(401, { error: 'access_denied', error_description: ECHO });
		const result = await testCredential('flexportApi', {
			authentication: 'clientCredentials',
			clientId: PROBES.flexportClientId,
			clientSecret: PROBES.flexportClientSecret,
			baseUrl: HOSTS.flexport,
			apiVersion: '2',
		});
		expect(result.status).toBe('Error');
		expect(occurrences(JSON.stringify(result))).toEqual([]);
	});
});

describe('the credential goes to the provider and nowhere else', () => {
	function foreignCollector(): { authorizations: string[] } {
		const seen = { authorizations: [] as string[] };
		for (const method of ['GET', 'POST']) {
			nock(FOREIGN)
				.persist()
				.intercept(/.*/, method)
				.optionally()
				.reply(function () {
					seen.authorizations.push(String(this.req.headers.authorization ?? ''));
					return [200, { _object: '/api/response', data: { id: 'A1' }, error: null, Itn: 'X20261121000000' }];
				});
		}
		return seen;
	}

	test.each([
		['Get Customs Entry (bearer)', HOSTS.flexport, 'get', /customs_entries\/A1/, { type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: 'A1' }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } }, () => [{}]],
		['File EEI AES (Basic)', HOSTS.aes, 'post', /AesItrItn/, { type: NODE_TYPES.file, parameters: {}, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi } }, () => [numberedFiling('REDIRECT1')]],
		['File EEI Shipium (Basic)', HOSTS.shipium, 'post', /carrierselection/, { type: NODE_TYPES.file, parameters: { filingMethod: 'shipium' }, credentials: { shipiumApi: CREDENTIAL_IDS.shipiumApi } }, () => [carrierLabel()]],
	] as const)('%s: a redirect to a foreign host never carries the credential', async (_name, host, method, path, run, items) => {
		const seen = foreignCollector();
		const scope = method === 'get' ? nock(host).get(path) : nock(host).post(path);
		scope.reply(307, '', { Location: `${FOREIGN}/collect` });
		const result = await runNode({ ...(run as NodeRun), continueOnFail: true }, items() as IDataObject[], store());
		nock.cleanAll();
		expect(seen.authorizations.every((header) => header === '')).toBe(true);
		expect(occurrences(seen.authorizations.join('\n'))).toEqual([]);
		expect(result.items).toHaveLength(1);
	});

	test("a listing whose next link points at a foreign host: the host is never asked, the run fails saying so", async () => {
		const seen = foreignCollector();
		const entry = { _object: '/customs_entry', id: 'A1', entry_number: 'CHQ-1', release_status: null, release_date: null, shipment: null };
		nock(HOSTS.flexport)
			.get('/customs_entries')
			.query(true)
			.reply(200, { _object: '/api/response', data: { _object: '/api/collections/paginated', prev: null, next: `${FOREIGN}/customs_entries?page=2`, data: [entry] }, error: null });
		const result = await runNode(
			{ type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'getAll', returnAll: true }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi }, continueOnFail: true },
			[{}],
			store(),
		);
		nock.cleanAll();
		expect(seen.authorizations).toEqual([]);
		expect(String(result.items[0].json.error)).toMatch(/origin|foreign|host|next/i);
	});

	test.each([
		['EasyPost AES Base URL', { aes: 'http://aes.secrets.test' }, { type: NODE_TYPES.file, parameters: {}, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi } }, () => [numberedFiling('PLAIN1')], /aesBaseUrl.*https/],
		['Shipium Base URL', { shipium: 'http://shipium.secrets.test' }, { type: NODE_TYPES.file, parameters: { filingMethod: 'shipium' }, credentials: { shipiumApi: CREDENTIAL_IDS.shipiumApi } }, () => [carrierLabel()], /baseUrl.*https/],
		['Flexport Base URL', { flexport: 'http://flexport.secrets.test' }, { type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: 'A1' }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } }, () => [{}], /baseUrl.*https/],
		// Issue 12: a `.localhost` name other than localhost itself is resolved through DNS, which may answer any address.
		['EasyPost AES Base URL (evil.localhost)', { aes: 'http://evil.localhost:4010' }, { type: NODE_TYPES.file, parameters: {}, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi } }, () => [numberedFiling('PLAIN2')], /aesBaseUrl.*https/],
		['Flexport Base URL (evil.localhost)', { flexport: 'http://evil.localhost:4010' }, { type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: 'A1' }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } }, () => [{}], /baseUrl.*https/],
	] as const)('%s over plain http (not loopback) is refused before anything is sent', async (_name, override, run, items, message) => {
		const host = Object.values(override)[0];
		let requests = 0;
		for (const method of ['GET', 'POST']) {
			nock(host)
				.persist()
				.intercept(/.*/, method)
				.optionally()
				.reply(() => {
					requests++;
					return [200, {}];
				});
		}
		const result = await runNode({ ...(run as NodeRun), continueOnFail: true }, items() as IDataObject[], store(override));
		nock.cleanAll();
		expect(requests).toBe(0);
		const text = `${String(result.error?.message ?? '')} ${JSON.stringify(result.items.map((item) => item.json))}`;
		expect(text).toMatch(message);
	});

	test('a loopback http base URL is accepted (local sandboxes)', async () => {
		const { isSameOrigin, normaliseBaseUrl } = await import('../../src/http/baseUrl');
		expect(normaliseBaseUrl('http://127.0.0.1:4010/flexport', 'baseUrl')).toBe('http://127.0.0.1:4010/flexport');
		expect(isSameOrigin('https://evil.example/x', 'https://api.flexport.com')).toBe(false);
	});
});

describe('secrets, round 2 (issue 12, point 3)', () => {
	let recorder: AuthorizationRecorder | undefined;
	let port = 0;
	let received: string[] = [];
	beforeAll(async () => {
		recorder = await startAuthorizationRecorder();
		({ port, received } = recorder);
		// [::ffff:127.0.0.1] is this loopback server too: the connection is allowed so that a key sent there would be seen.
		nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\]|\[?::ffff:7f00:1\]?)(:\d+)?$/);
	});
	afterAll(async () => {
		nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
		await recorder?.close();
	});

	const figures: string[][] = [];
	afterAll(() => {
		print(table('Secrets, round 2: each case, what reached the provider or the output', ['case', 'runs', 'requests carrying the key', 'of which to a URL the rule refuses', 'secret occurrences'], figures));
	});

	test.each([
		['easyPostApi', (url: string) => ({ apiKey: PROBES.easyPostApiKey, aesBaseUrl: HOSTS.aes, apiBaseUrl: url }), /API Base URL: must use https/],
		['shipiumApi', (url: string) => ({ apiKey: PROBES.shipiumApiKey, baseUrl: url }), /Base URL: must use https/],
		['flexportApi', (url: string) => ({ authentication: 'apiKey', apiKey: PROBES.flexportApiKey, baseUrl: url, apiVersion: '2' }), /Base URL: must use https/],
	] as const)('credential test %s: a base URL the nodes refuse (http://[::ffff:127.0.0.1]) gets no key over plain http', async (type, data, message) => {
		const before = received.length;
		const refused = await testCredential(type, data(`http://[::ffff:127.0.0.1]:${port}`));
		const carried = received.slice(before).filter((header) => header !== '');
		const accepted = await testCredential(type, data(`http://127.0.0.1:${port}`));
		figures.push([`credential test ${type}: http://[::ffff:127.0.0.1]`, '1', String(carried.length), String(carried.length), String(occurrences(JSON.stringify(refused)).length)]);
		expect(carried).toEqual([]);
		expect(refused).toEqual({ status: 'Error', message: expect.stringMatching(message) });
		// The same credential on a loopback address the rule accepts still tests OK: the rule, not the test, refused.
		expect(accepted.status).toBe('OK');
	});

	test.each([
		['easyPostApi', { apiKey: PROBES.easyPostApiKey, aesBaseUrl: HOSTS.aes, apiBaseUrl: PROBES.easyPostApiKey }],
		['shipiumApi', { apiKey: PROBES.shipiumApiKey, baseUrl: PROBES.shipiumApiKey }],
		['flexportApi', { authentication: 'apiKey', apiKey: PROBES.flexportApiKey, baseUrl: PROBES.flexportApiKey, apiVersion: '2' }],
	] as const)('credential test %s: a key pasted into the Base URL field is not repeated in the result', async (type, data) => {
		const result = await testCredential(type, data);
		figures.push([`credential test ${type}: key as Base URL`, '1', '-', '-', String(occurrences(JSON.stringify(result)).length)]);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Base URL: must be an absolute https URL/);
		expect(occurrences(JSON.stringify(result))).toEqual([]);
	});

	test.each([
		['File EEI (AES)', { aes: PROBES.easyPostApiKey }, { type: NODE_TYPES.file, parameters: {}, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi } }, () => [numberedFiling('PASTED1')], /aesBaseUrl: must be an absolute https URL/],
		['File EEI (Shipium)', { shipium: PROBES.shipiumApiKey }, { type: NODE_TYPES.file, parameters: { filingMethod: 'shipium' }, credentials: { shipiumApi: CREDENTIAL_IDS.shipiumApi } }, () => [carrierLabel()], /baseUrl: must be an absolute https URL/],
		['Get Customs Entry', { flexport: PROBES.flexportApiKey }, { type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: 'A1' }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } }, () => [{}], /baseUrl: must be an absolute https URL/],
	] as const)('%s: a key pasted into the Base URL field is not repeated in the error', async (name, override, run, items, message) => {
		const texts = [];
		for (const continueOnFail of [true, false]) texts.push(visibleText(await runNode({ ...(run as NodeRun), continueOnFail }, items() as IDataObject[], store(override))));
		const text = texts.join('\n');
		figures.push([`${name}: key as Base URL`, '2', '-', '-', String(occurrences(text).length)]);
		expect(text).toMatch(message);
		expect(occurrences(text)).toEqual([]);
	});

	/** What a provider that trims the key it receives echoes back: the key as sent, raw, as Basic and as Bearer. */
	function echoReceived(authorization: string): string {
		const [scheme, value = ''] = authorization.split(' ');
		const key = (scheme === 'Basic' ? Buffer.from(value, 'base64').toString('utf8').replace(/:$/, '') : value).trim();
		return `you sent ${key} (${scheme} ${Buffer.from(`${key}:`).toString('base64')}) (Bearer ${key})`;
	}

	test.each([
		['File EEI (AES)', HOSTS.aes, /AesItrItn/, { type: NODE_TYPES.file, parameters: {}, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi } }, () => [numberedFiling('TRIM1')]],
		['File EEI (Shipium)', HOSTS.shipium, /carrierselection/, { type: NODE_TYPES.file, parameters: { filingMethod: 'shipium' }, credentials: { shipiumApi: CREDENTIAL_IDS.shipiumApi } }, () => [carrierLabel()]],
		['Get Customs Entry', HOSTS.flexport, /customs_entries\/A1/, { type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: 'A1' }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } }, () => [{}]],
	] as const)('%s: a key saved with a trailing space is sent trimmed, and its echo never reaches the output', async (name, host, path, run, items) => {
		const trailing = new CredentialStore()
			.set('easypost', 'easyPostApi', { apiKey: `${PROBES.easyPostApiKey} `, aesBaseUrl: HOSTS.aes, apiBaseUrl: HOSTS.api })
			.set('shipium', 'shipiumApi', { apiKey: `${PROBES.shipiumApiKey}\n`, baseUrl: HOSTS.shipium })
			.set('flexport', 'flexportApi', { authentication: 'apiKey', apiKey: ` ${PROBES.flexportApiKey} `, baseUrl: HOSTS.flexport, apiVersion: '2', accessToken: '' });
		const sent: string[] = [];
		const reply = function (this: nock.ReplyFnContext, uri: string): nock.ReplyBody {
			const authorization = String(this.req.headers.authorization ?? '');
			sent.push(authorization);
			const echo = echoReceived(authorization);
			const body = successBody(uri, echo);
			return uri.includes('customs_entries') ? { ...body, data: { ...(body.data as IDataObject), entry_number: echo } } : body;
		};
		const scope = nock(host).persist();
		(name === 'Get Customs Entry' ? scope.get(path) : scope.post(path)).reply(200, reply);
		const result = await runNode({ ...(run as NodeRun), continueOnFail: true }, items() as IDataObject[], trailing);
		nock.cleanAll();
		const text = visibleText(result);
		figures.push([`${name}: key saved with a trailing space, echoed trimmed`, '1', String(sent.length), '-', String(occurrences(text).length)]);
		expect(sent.length).toBeGreaterThan(0);
		// Sent trimmed: no Authorization header carries a space or line break of the stored key.
		expect(sent.every((header) => !/\s$/.test(header) && !/(%20|\\n)/.test(header))).toBe(true);
		expect(text).toContain('[REDACTED]');
		expect(occurrences(text)).toEqual([]);
	});

	test.each([60, 1_000])('Get Customs Entry: an echo nested %i levels deep never reaches the output', async (levels) => {
		let nested: IDataObject = { echo: echoOf(FLEXPORT) };
		for (let i = 0; i < levels; i++) nested = { nested };
		nock(HOSTS.flexport)
			.get(/customs_entries\/A1/)
			.reply(200, { _object: '/api/response', data: { _object: '/customs_entry', id: 'A1', entry_number: 'CHQ-1', release_status: null, release_date: null, shipment: null, notes: nested }, error: null });
		const result = await runNode(
			{ type: NODE_TYPES.get, parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: 'A1' }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi }, continueOnFail: true },
			[{}],
			store(),
		);
		nock.cleanAll();
		let leaf: unknown = result.items[0].json.notes;
		for (let i = 0; i < levels; i++) leaf = (leaf as IDataObject).nested;
		const hits = occurrences(String((leaf as IDataObject).echo));
		figures.push([`Get Customs Entry: echo nested ${levels} levels deep`, '1', '1', '-', String(hits.length)]);
		expect((leaf as IDataObject).echo).toContain('[REDACTED]');
		expect(hits).toEqual([]);
	});
});

test('every log line of this file, redirects and refusals included, holds no secret (n8n logger at debug, to the console)', () => {
	const text = capturedLines.join('\n');
	scans.push({ name: 'all captured log lines', texts: 0, bytes: text.length, logLines: capturedLines.length, hits: occurrences(text).reduce((sum, hit) => sum + hit.count, 0) });
	expect(capturedLines.length).toBeGreaterThan(100);
	expect(text).toMatch(/Start executing node/);
	expect(occurrences(text)).toEqual([]);
});
