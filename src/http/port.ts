/**
 * The core's only way to the network. Inside n8n it is served by `this.helpers.httpRequest*`
 * (nodes/shared/n8nHttpPort.ts: proxies, SSRF guard, credential injection); outside n8n by
 * axios (tools/axiosHttpPort.ts: tests, benchmarks, tooling). Authentication is the port's
 * business, never the core's: the core never sees an API key.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
	method: HttpMethod;
	/** Absolute URL. */
	url: string;
	headers?: Record<string, string>;
	query?: Record<string, string | number | boolean | undefined>;
	/** JSON-serialisable body. */
	body?: unknown;
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string>;
	/** Parsed JSON when the body is JSON, else the text (empty string when there is none). */
	body: unknown;
}

/**
 * Why a request produced no HTTP response. `refused` and `dns` mean it certainly never reached
 * the server; `timeout`, `reset` and `other` mean it may have.
 */
export type TransportFailureKind = 'refused' | 'dns' | 'timeout' | 'reset' | 'other';

export class TransportError extends Error {
	readonly kind: TransportFailureKind;

	constructor(kind: TransportFailureKind, message: string) {
		super(message);
		this.name = 'TransportError';
		this.kind = kind;
	}

	/** True only when the request certainly did not reach the server. */
	get certainlyNotSent(): boolean {
		return this.kind === 'refused' || this.kind === 'dns';
	}
}

export interface HttpPort {
	/**
	 * Sends one request. Resolves with every HTTP response, 4xx and 5xx included; rejects only
	 * with a TransportError when there is no response.
	 */
	send(request: HttpRequest): Promise<HttpResponse>;
	/** Waits (backoff); injected so that tests and n8n control time. */
	sleep(ms: number): Promise<void>;
	/** Current time in ms since the epoch. */
	now(): number;
	/** A number in [0, 1) for jitter; injected so that tests are repeatable. */
	random(): number;
}
