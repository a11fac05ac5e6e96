/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/** Small request/response helpers over Node's own `http`, shared by the provider routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies above this size are refused: the sandbox only ever sees small JSON documents. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface SandboxRequest {
	method: string;
	/** Path after the provider prefix, e.g. `/customs_entries/abc` for `/flexport/customs_entries/abc`. */
	path: string;
	/** Full path as received, prefix included. */
	fullPath: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	/** Raw body text ('' when none). */
	body: string;
	/** `http://127.0.0.1:<port>`: links the sandbox writes point back at itself. */
	origin: string;
	/** The request URL as an absolute URL on the sandbox origin. */
	url: string;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** An object is sent as JSON; a string as text/plain. */
	body?: unknown;
	/** Close the socket after the route ran, without answering (a lost response). */
	dropResponse?: boolean;
}

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function send(res: ServerResponse, response: SandboxResponse, drip?: { chunkBytes: number; chunkDelayMs: number }): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload = '';
	if (response.body !== undefined) {
		if (typeof response.body === 'string') {
			payload = response.body;
			headers['content-type'] ??= 'text/plain; charset=utf-8';
		} else {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		}
	}
	headers['content-length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	if (drip === undefined) {
		res.end(payload);
		return;
	}
	// A slow body: the headers at once, then the payload a few bytes at a time.
	const bytes = Buffer.from(payload);
	const step = Math.max(1, drip.chunkBytes);
	const write = (offset: number) => {
		if (res.destroyed) return;
		if (offset + step >= bytes.length) {
			res.end(bytes.subarray(offset));
			return;
		}
		res.write(bytes.subarray(offset, offset + step));
		setTimeout(() => write(offset + step), drip.chunkDelayMs);
	};
	write(0);
}

/** Parses a JSON body; `undefined` when it is not JSON (an empty body included). */
export function parseJson(text: string): unknown {
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** The user name of an HTTP Basic `Authorization` header and its password, or undefined. */
export function basicCredentials(headers: IncomingMessage['headers']): { user: string; password: string } | undefined {
	const header = headers.authorization;
	if (typeof header !== 'string') return undefined;
	const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(headers: IncomingMessage['headers']): string | undefined {
	const header = headers.authorization;
	if (typeof header !== 'string') return undefined;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match ? match[1] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isNonEmptyText(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

/** Text answered as is (a fault): with `truncate`, twice its length is announced and the connection closed after it. */
export function sendRaw(res: ServerResponse, status: number, body: string, contentType: string, truncate: boolean, headers: Record<string, string> = {}): void {
	const length = Buffer.byteLength(body);
	res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': String(truncate ? length * 2 + 1 : length) });
	if (!truncate) {
		res.end(body);
		return;
	}
	res.write(body, () => res.socket?.destroy());
}

/**
 * Streams a generated JSON-looking body of exactly `bytes` bytes, one chunk at a time with
 * backpressure (a 100 MB answer never sits in memory); stops when the client goes away.
 */
export async function streamBody(
	res: ServerResponse,
	options: { status: number; bytes: number; chunkBytes: number; chunkDelayMs: number; contentType: string },
): Promise<void> {
	const head = '{"data":"';
	const tail = '"}';
	const fill = Math.max(0, options.bytes - head.length - tail.length);
	res.writeHead(options.status, { 'content-type': options.contentType, 'content-length': String(head.length + fill + tail.length) });
	let closed = false;
	res.on('close', () => (closed = true));
	const chunk = 'x'.repeat(Math.max(1, Math.min(options.chunkBytes, fill || 1)));
	const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
	const drained = () =>
		new Promise<void>((resolve) => {
			const done = () => {
				res.off('drain', done);
				res.off('close', done);
				resolve();
			};
			res.on('drain', done);
			res.on('close', done);
		});
	if (!res.write(head)) await drained();
	for (let sent = 0; sent < fill && !closed; ) {
		const piece = fill - sent >= chunk.length ? chunk : chunk.slice(0, fill - sent);
		sent += piece.length;
		if (!res.write(piece)) await drained();
		if (options.chunkDelayMs > 0) await wait(options.chunkDelayMs);
	}
	if (!closed) res.end(tail);
}
