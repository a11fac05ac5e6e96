/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import { startSandbox, type Sandbox } from '../../sandbox';
import { basic, json, postJson, simpleFiling } from './support';

describe('sandbox: server, fault injection and alert sinks', () => {
	let sandbox: Sandbox;
	let bearer: Record<string, string>;

	beforeEach(async () => {
		sandbox = await startSandbox();
		bearer = { authorization: `Bearer ${sandbox.keys.flexportApiKey}` };
	});
	afterEach(() => sandbox.close());

	const entries = () => fetch(`${sandbox.urls.flexport}/customs_entries`, { headers: bearer });

	describe('listening', () => {
		it('listens on 127.0.0.1 at an ephemeral port when given port 0', () => {
			expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(sandbox.port).toBeGreaterThan(0);
		});

		it('refuses to listen on a non-loopback address', async () => {
			await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
		});

		it('answers an unknown prefix with 404 listing the routes', async () => {
			const response = await fetch(`${sandbox.url}/nowhere`);
			expect(response.status).toBe(404);
			expect((await json(response)).routes).toContain('/flexport');
		});

		it('logs each request without its headers', async () => {
			await entries();
			expect(sandbox.state.requests).toEqual([
				{ at: expect.any(String), method: 'GET', path: '/flexport/customs_entries', status: 200 },
			]);
		});
	});

	describe('fault injection', () => {
		it('answers the next matching request with 429 and Retry-After, in Flexport format', async () => {
			sandbox.control.failNext({ path: '/flexport/customs_entries', status: 429, retryAfter: 2 });
			const response = await entries();
			expect(response.status).toBe(429);
			expect(response.headers.get('retry-after')).toBe('2');
			expect((await json(response)).error).toMatchObject({ _object: '/api/error', status: 429 });
		});

		it('fails only as many times as asked, then answers normally', async () => {
			sandbox.control.failNext({ path: '/flexport', status: 503, times: 2 });
			expect((await entries()).status).toBe(503);
			expect((await entries()).status).toBe(503);
			expect((await entries()).status).toBe(200);
		});

		it('leaves requests on other paths alone', async () => {
			sandbox.control.failNext({ path: '/easypost-aes', status: 500 });
			expect((await entries()).status).toBe(200);
		});

		it('matches the method when one is given', async () => {
			sandbox.control.failNext({ path: '/flexport', method: 'POST', status: 500 });
			expect((await entries()).status).toBe(200);
		});

		it('answers an EasyPost 5xx in the EasyPost error format', async () => {
			sandbox.control.failNext({ path: '/easypost-api', status: 502 });
			const response = await fetch(`${sandbox.urls.easyPostApi}/v2/addresses`, { headers: { authorization: basic(sandbox.keys.easyPostApiKey) } });
			expect(response.status).toBe(502);
			expect((await json(response)).error.code).toBe('INTERNAL_SERVER_ERROR');
		});

		it('resets the connection without running the route', async () => {
			sandbox.control.failNext({ path: '/easypost-aes', reset: true });
			await expect(postJson(`${sandbox.urls.easyPostAes}/api/AesItrItn`, {})).rejects.toThrow();
			expect(sandbox.state.aes.received).toEqual({});
			expect(sandbox.state.requests[0].status).toBe('reset');
		});

		it('drops the response after the route ran: the filing is recorded though the client saw nothing', async () => {
			sandbox.control.failNext({ path: '/easypost-aes', dropResponse: true });
			const auth = { authorization: basic(sandbox.keys.easyPostApiKey) };
			await expect(postJson(`${sandbox.urls.easyPostAes}/api/AesItrItn`, simpleFiling('LOST1'), auth)).rejects.toThrow();
			expect(sandbox.state.aes.accepted).toEqual({ LOST1: 1 });
		});

		it('refuses a fault rule without a 4xx/5xx status', () => {
			expect(() => sandbox.control.failNext({ status: 200 })).toThrow(/status/);
		});

		it('delays answers by the configured latency', async () => {
			sandbox.control.setLatency(150);
			const started = Date.now();
			await entries();
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		});
	});

	describe('latency by path and requests in flight (the queue-mode crash test counts filings in flight with them)', () => {
		const FILINGS = 'POST /easypost-aes/api/AesItrItn';
		const until = async (check: () => boolean) => {
			while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
		};

		it('delays only the path given, so Flexport answers while a slow filing is still in flight', async () => {
			sandbox.control.setLatency(2_000, '/easypost-aes/api/AesItrItn');
			const aborted = new AbortController();
			const auth = { authorization: basic(sandbox.keys.easyPostApiKey), 'content-type': 'application/json' };
			const filing = fetch(`${sandbox.urls.easyPostAes}/api/AesItrItn`, { method: 'POST', headers: auth, body: JSON.stringify(simpleFiling('SLOW1')), signal: aborted.signal });
			await until(() => sandbox.state.inFlight[FILINGS] === 1);
			expect((await entries()).status).toBe(200);
			expect([sandbox.state.inFlight[FILINGS], sandbox.state.aes.accepted]).toEqual([1, {}]);
			aborted.abort();
			await expect(filing).rejects.toThrow();
		});

		it('still records a filing whose client went away during the wait, and then counts it no longer in flight', async () => {
			sandbox.control.setLatency(300, '/easypost-aes');
			const aborted = new AbortController();
			const auth = { authorization: basic(sandbox.keys.easyPostApiKey), 'content-type': 'application/json' };
			const filing = fetch(`${sandbox.urls.easyPostAes}/api/AesItrItn`, { method: 'POST', headers: auth, body: JSON.stringify(simpleFiling('ORPHAN1')), signal: aborted.signal });
			await until(() => sandbox.state.inFlight[FILINGS] === 1);
			aborted.abort();
			await expect(filing).rejects.toThrow();
			await until(() => sandbox.state.inFlight[FILINGS] === undefined);
			expect(sandbox.state.aes.accepted).toEqual({ ORPHAN1: 1 });
		});
	});

	describe('alert sinks', () => {
		it('records a Slack webhook message and answers ok, as Slack does', async () => {
			const response = await postJson(sandbox.urls.slackWebhook, { text: 'Entry CHQ-49813874 released' });
			expect(await response.text()).toBe('ok');
			expect(sandbox.state.sink.slack[0].body).toEqual({ text: 'Entry CHQ-49813874 released' });
		});

		it('refuses a Slack message that is not JSON', async () => {
			expect((await postJson(sandbox.urls.slackWebhook, 'hello')).status).toBe(400);
		});

		it('takes no email over HTTP: email arrives over SMTP', async () => {
			const response = await postJson(`${sandbox.urls.sink}/email`, { to: 'broker@example.com', subject: 'Customs hold' });
			expect(response.status).toBe(404);
			expect(sandbox.state.sink.email).toEqual([]);
		});

		it('empties the sinks on DELETE /sink', async () => {
			await postJson(sandbox.urls.slackWebhook, { text: 'x' });
			await fetch(sandbox.urls.sink, { method: 'DELETE' });
			expect(sandbox.state.sink.slack).toEqual([]);
		});
	});

	describe('remote control for a sandbox run from the CLI', () => {
		it('shows state and entries on GET /_sandbox/state', async () => {
			const state = await json(await fetch(`${sandbox.url}/_sandbox/state`));
			expect(state.entries).toHaveLength(14);
			expect(state.flexport.tokenRequests).toBe(0);
		});

		it('sets an entry status through POST /_sandbox/control', async () => {
			const id = sandbox.control.entries()[0].id;
			const response = await postJson(`${sandbox.url}/_sandbox/control`, { action: 'setStatus', id, status: 'released' });
			expect((await json(response)).release_status).toBe('released');
		});

		it('scripts a fault through POST /_sandbox/control', async () => {
			await postJson(`${sandbox.url}/_sandbox/control`, { action: 'failNext', path: '/flexport', status: 500 });
			expect((await entries()).status).toBe(500);
		});
	});
});
