/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The axios HttpPort used outside n8n (benchmarks, tooling) keeps the port contract of
 * src/http/port.ts: every status resolves, bodies come back as JSON or text, and a missing
 * response rejects with a TransportError that says whether the request could have been sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { TransportError } from '../../../src/http/port';
import { axiosHttpPort } from '../../../tools/axiosHttpPort';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let base: string;
let handler: Handler;

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		req.on('end', () => handler(req, res, body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

function reply(status: number, text: string, contentType = 'application/json'): Handler {
	return (_req, res) => {
		res.writeHead(status, { 'Content-Type': contentType, 'X-Request-Id': 'r-1' });
		res.end(text);
	};
}

async function rejection(promise: Promise<unknown>): Promise<TransportError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof TransportError) return error;
		throw error;
	}
	throw new Error('the request resolved');
}

describe('axios HttpPort', () => {
	test('resolves a 500 with its status and JSON body instead of rejecting', async () => {
		handler = reply(500, '{"error":"boom"}');
		const response = await axiosHttpPort().send({ method: 'GET', url: `${base}/x` });
		expect(response).toMatchObject({ status: 500, body: { error: 'boom' } });
	});

	test('passes a 200 through with lower-case header names', async () => {
		handler = reply(200, '{"ok":true}');
		const response = await axiosHttpPort().send({ method: 'GET', url: `${base}/x` });
		expect(response.status).toBe(200);
		expect(response.headers['x-request-id']).toBe('r-1');
	});

	test('hands a body that is not JSON over as its text', async () => {
		handler = reply(502, '<html>Bad Gateway</html>', 'text/html');
		const response = await axiosHttpPort().send({ method: 'GET', url: `${base}/x` });
		expect(response).toMatchObject({ status: 502, body: '<html>Bad Gateway</html>' });
	});

	test('hands an empty body over as an empty string', async () => {
		handler = reply(204, '');
		const response = await axiosHttpPort().send({ method: 'DELETE', url: `${base}/x` });
		expect(response).toMatchObject({ status: 204, body: '' });
	});

	test('sends the query, the JSON body and the Basic authentication it was given', async () => {
		let seen: { url?: string; auth?: string; body?: string; type?: string } = {};
		handler = (req, res, body) => {
			seen = { url: req.url, auth: req.headers.authorization, body, type: req.headers['content-type'] };
			reply(200, '{}')(req, res, body);
		};
		const port = axiosHttpPort({ auth: { type: 'basic', username: 'key' } });
		await port.send({ method: 'POST', url: `${base}/file`, query: { page: 2, skip: undefined }, body: { a: 1 } });
		expect(seen).toEqual({ url: '/file?page=2', auth: `Basic ${Buffer.from('key:').toString('base64')}`, body: '{"a":1}', type: 'application/json' });
	});

	test('adds a Bearer token when told to', async () => {
		let auth: string | undefined;
		handler = (req, res, body) => {
			auth = req.headers.authorization;
			reply(200, '{}')(req, res, body);
		};
		await axiosHttpPort({ auth: { type: 'bearer', token: 't0k' } }).send({ method: 'GET', url: `${base}/x` });
		expect(auth).toBe('Bearer t0k');
	});

	test('a refused connection rejects as refused: certainly never sent', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const error = await rejection(axiosHttpPort().send({ method: 'POST', url: `http://127.0.0.1:${port}/x`, body: {} }));
		expect(error.kind).toBe('refused');
		expect(error.certainlyNotSent).toBe(true);
	});

	test('a server that destroys the socket rejects as reset: it may have been received', async () => {
		handler = (req) => req.socket.destroy();
		const error = await rejection(axiosHttpPort().send({ method: 'POST', url: `${base}/x`, body: {} }));
		expect(error.kind).toBe('reset');
		expect(error.certainlyNotSent).toBe(false);
	});

	test('no answer within the timeout rejects as timeout', async () => {
		handler = (_req, res) => setTimeout(() => res.end('{}'), 500);
		const error = await rejection(axiosHttpPort().send({ method: 'GET', url: `${base}/slow`, timeoutMs: 50 }));
		expect(error.kind).toBe('timeout');
	});

	test('sleep waits and now and random come from the options', async () => {
		const port = axiosHttpPort({ now: () => 42, random: () => 0.25 });
		await expect(port.sleep(1)).resolves.toBeUndefined();
		expect([port.now(), port.random()]).toEqual([42, 0.25]);
	});
});
