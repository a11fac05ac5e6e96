/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import { request } from 'node:http';

import { startSandbox, type Sandbox } from '../../sandbox';
import { basic, postJson, simpleFiling } from './support';

/** Reads an answer's status and byte count without keeping its body (a 100 MB body included). */
function measure(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; contentLength: number }> {
	return new Promise((resolve, reject) => {
		request(url, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, contentLength: Number(res.headers['content-length']) }));
			res.on('error', reject);
		})
			.on('error', reject)
			.end();
	});
}

describe('sandbox: faults that shape the answer (reliability suite)', () => {
	let sandbox: Sandbox;
	let bearer: Record<string, string>;

	beforeEach(async () => {
		sandbox = await startSandbox();
		bearer = { authorization: `Bearer ${sandbox.keys.flexportApiKey}` };
	});
	afterEach(() => sandbox.close());

	const listing = () => `${sandbox.urls.flexport}/customs_entries`;

	it('answers a raw HTML page with the given status and content type', async () => {
		sandbox.control.failNext({ path: '/flexport', status: 502, body: '<html><body>Bad gateway</body></html>', contentType: 'text/html' });
		const response = await fetch(listing(), { headers: bearer });
		expect(response.status).toBe(502);
		expect(response.headers.get('content-type')).toBe('text/html');
		expect(await response.text()).toMatch(/Bad gateway/);
	});

	it('answers a raw body with 200 by default, malformed JSON as it is', async () => {
		sandbox.control.failNext({ path: '/flexport', body: '{"data": [1, 2,' });
		const response = await fetch(listing(), { headers: bearer });
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('{"data": [1, 2,');
	});

	it('cuts a truncated answer off: the client sees the connection close before the announced length', async () => {
		sandbox.control.failNext({ path: '/flexport', body: '{"_object":"/api/response","data":{' , truncate: true });
		await expect(fetch(listing(), { headers: bearer }).then((response) => response.text())).rejects.toThrow();
	});

	it('streams a generated body of exactly the asked size, chunk by chunk', async () => {
		sandbox.control.failNext({ path: '/flexport', stream: { bytes: 5_000_000, chunkBytes: 100_000 } });
		const answer = await measure(listing(), bearer);
		expect(answer).toEqual({ status: 200, bytes: 5_000_000, contentLength: 5_000_000 });
	});

	it('streams slowly when asked: the body takes at least the chunk delays', async () => {
		sandbox.control.failNext({ path: '/flexport', stream: { bytes: 400, chunkBytes: 100, chunkDelayMs: 50 } });
		const started = Date.now();
		expect((await measure(listing(), bearer)).bytes).toBe(400);
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
	});

	it('delays one answer, then handles the request as usual', async () => {
		sandbox.control.failNext({ path: '/flexport', delayMs: 150 });
		const started = Date.now();
		expect((await fetch(listing(), { headers: bearer })).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('after the route: the filing is recorded, and the client gets the fault instead of the acceptance', async () => {
		sandbox.control.failNext({ path: '/easypost-aes', status: 502, afterRoute: true });
		const response = await postJson(`${sandbox.urls.easyPostAes}/api/AesItrItn`, simpleFiling('GATEWAY1'), { authorization: basic(sandbox.keys.easyPostApiKey) });
		expect(response.status).toBe(502);
		expect(sandbox.state.aes.accepted).toEqual({ GATEWAY1: 1 });
	});

	it('without afterRoute, an answer fault leaves the route untouched', async () => {
		sandbox.control.failNext({ path: '/easypost-aes', status: 503, body: '' });
		const response = await postJson(`${sandbox.urls.easyPostAes}/api/AesItrItn`, simpleFiling('UNTOUCHED1'), { authorization: basic(sandbox.keys.easyPostApiKey) });
		expect(response.status).toBe(503);
		expect(sandbox.state.aes.received).toEqual({});
	});

	it('refuses a body fault with a status outside 200-599', () => {
		expect(() => sandbox.control.failNext({ status: 100, body: 'x' })).toThrow(/200 to 599/);
	});
});

describe('sandbox: a slow body', () => {
	it("drips the route's own answer: complete, but only after the chunk delays", async () => {
		const sandbox = await startSandbox();
		try {
			sandbox.control.failNext({ path: '/flexport', drip: { chunkBytes: 200, chunkDelayMs: 40 } });
			const started = Date.now();
			const response = await fetch(`${sandbox.urls.flexport}/customs_entries`, { headers: { authorization: `Bearer ${sandbox.keys.flexportApiKey}` } });
			const body = (await response.json()) as { data: { total_count: number } };
			expect(body.data.total_count).toBe(14);
			expect(Date.now() - started).toBeGreaterThanOrEqual(80);
		} finally {
			await sandbox.close();
		}
	});
});
