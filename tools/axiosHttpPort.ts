/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The core's HttpPort served by axios, for use outside n8n (benchmarks, tooling, tests against
 * the sandbox). Inside n8n the port is nodes/shared/n8nHttpPort.ts. Every HTTP status resolves;
 * only a request without a response rejects, with a TransportError whose kind says whether it
 * certainly never reached the server.
 */
import http from 'node:http';
import https from 'node:https';

import axios, { type AxiosInstance } from 'axios';

import { TransportError, type HttpPort, type HttpRequest, type HttpResponse, type TransportFailureKind } from '../src/http/port';

export type AxiosPortAuth = { type: 'basic'; username: string; password?: string } | { type: 'bearer'; token: string };

export interface AxiosHttpPortOptions {
	/** Added to every request (the core never sees credentials). */
	auth?: AxiosPortAuth;
	/** Used when a request names no timeout; default 30,000 ms. */
	defaultTimeoutMs?: number;
	/** Reuse connections (default true), as n8n's agents do. */
	keepAlive?: boolean;
	/** Defaults: real time and Math.random. */
	now?: () => number;
	random?: () => number;
}

const REFUSED = new Set(['ECONNREFUSED']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);
const TIMEOUT = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Classifies an axios error without a response by its (or its cause's) error code. */
export function transportKindOf(error: unknown): TransportFailureKind {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string') {
			if (REFUSED.has(code)) return 'refused';
			if (DNS.has(code)) return 'dns';
			if (TIMEOUT.has(code)) return 'timeout';
			if (RESET.has(code)) return 'reset';
		}
		// "socket hang up" comes without a code on some Node versions: the server closed the socket.
		if ((current as { message?: unknown }).message === 'socket hang up') return 'reset';
		current = (current as { cause?: unknown }).cause;
	}
	return 'other';
}

/** JSON when the text is JSON, else the text itself ('' when there is no body). */
function parseBody(text: string): unknown {
	const trimmed = text.trim();
	if (trimmed === '') return '';
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return text;
	}
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined && value !== null) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

function authHeader(auth: AxiosPortAuth | undefined): Record<string, string> {
	if (!auth) return {};
	if (auth.type === 'bearer') return { Authorization: `Bearer ${auth.token}` };
	return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}` };
}

export function axiosHttpPort(options: AxiosHttpPortOptions = {}): HttpPort {
	const keepAlive = options.keepAlive ?? true;
	const client: AxiosInstance = axios.create({
		httpAgent: new http.Agent({ keepAlive }),
		httpsAgent: new https.Agent({ keepAlive }),
		// The core reads every status itself and decides how to parse the body.
		validateStatus: () => true,
		responseType: 'text',
		transformResponse: [(data: unknown) => data],
		maxRedirects: 0,
		transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
	});
	const fixedHeaders = authHeader(options.auth);
	return {
		async send(request: HttpRequest): Promise<HttpResponse> {
			const params: Record<string, string | number | boolean> = {};
			for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) params[key] = value;
			try {
				const response = await client.request<string>({
					method: request.method,
					url: request.url,
					params,
					headers: {
						Accept: 'application/json',
						...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
						...request.headers,
						...fixedHeaders,
					},
					data: request.body === undefined ? undefined : JSON.stringify(request.body),
					timeout: request.timeoutMs ?? options.defaultTimeoutMs ?? 30_000,
				});
				const text = typeof response.data === 'string' ? response.data : String(response.data ?? '');
				return { status: response.status, headers: lowerCaseHeaders(response.headers as Record<string, unknown>), body: parseBody(text) };
			} catch (error) {
				const kind = transportKindOf(error);
				throw new TransportError(kind, `${request.method} ${new URL(request.url).origin}: no response (${kind})`);
			}
		},
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		now: options.now ?? (() => Date.now()),
		random: options.random ?? (() => Math.random()),
	};
}
