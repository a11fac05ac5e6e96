/**
 * The EasyPost and Shipium credentials' test requests, run as n8n's credential tester runs
 * them: resolved, authenticated with the credential's `authenticate` (HTTP Basic, key as user
 * name, empty password), sent. (The harness's tester does not pass Basic `auth` on to axios, so
 * the key itself is checked where it matters: File EEI's and Void EEI's requests match
 * `basicAuth({ user: key, pass: '' })` in their tests.)
 */
import nock from 'nock';

import { testCredential } from '../harness';

const EASYPOST_API = 'https://api.easypost.test';
const SHIPIUM = 'https://api.shipium.test';
const EASYPOST_PROBE = 'EZAKcredentialprobe0123456789';
const SHIPIUM_PROBE = 'shipiumcredentialprobe012345';

describe('EasyPost API credential', () => {
	const data = { apiKey: EASYPOST_PROBE, aesBaseUrl: 'https://aes.easypost.test', apiBaseUrl: EASYPOST_API };

	test('is OK when the EasyPost core API accepts the key (GET /v2/addresses?page_size=1)', async () => {
		nock(EASYPOST_API).get('/v2/addresses').query({ page_size: 1 }).reply(200, { addresses: [] });
		expect(await testCredential('easyPostApi', data)).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('fails when EasyPost answers 401', async () => {
		nock(EASYPOST_API).get('/v2/addresses').query({ page_size: 1 }).reply(401, { error: { code: 'APIKEY.INVALID', message: 'Invalid key' } });
		expect(await testCredential('easyPostApi', data)).toEqual({ status: 'Error', message: 'Request failed with status 401' });
	});
});

describe('Shipium API credential', () => {
	const data = { apiKey: SHIPIUM_PROBE, baseUrl: SHIPIUM };

	test('is OK when Shipium answers the ping (GET /api/v1/deliveryexperience/ping)', async () => {
		nock(SHIPIUM).get('/api/v1/deliveryexperience/ping').reply(200, { status: 1, info: 'pong' });
		expect(await testCredential('shipiumApi', data)).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('fails when Shipium answers 401', async () => {
		nock(SHIPIUM).get('/api/v1/deliveryexperience/ping').reply(401, { timestamp: 't', status: 401, error: 'Unauthorized', message: 'Bad credentials' });
		expect(await testCredential('shipiumApi', data)).toEqual({ status: 'Error', message: 'Request failed with status 401' });
	});
});
