/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * A loopback provider stand-in that records the Authorization header of every request it gets
 * and answers like Shipium's ping, so a secrets test can see whether a key was ever sent to it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AuthorizationRecorder {
	port: number;
	/** The Authorization header of each request, in order ('' when none was sent). */
	received: string[];
	close(): Promise<void>;
}

export async function startAuthorizationRecorder(): Promise<AuthorizationRecorder> {
	const received: string[] = [];
	const server = createServer((request, response) => {
		received.push(String(request.headers.authorization ?? ''));
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify({ status: 1, info: 'pong', addresses: [], _object: '/api/response', data: null, error: null }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
