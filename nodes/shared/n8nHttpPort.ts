import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { HttpPort, HttpRequest, HttpResponse, TransportFailureKind } from '../../src/http/port';
import { TransportError } from '../../src/http/port';

import { readBounded } from './boundedBody';

type RequestContext = IExecuteFunctions | IPollFunctions;

const REFUSED = new Set(['ECONNREFUSED']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);
const TIMEOUT = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']);

interface ErrorLike {
	code?: unknown;
	cause?: unknown;
	config?: { url?: unknown };
	response?: { status?: unknown; statusCode?: unknown; headers?: unknown; data?: unknown; body?: unknown };
	httpCode?: unknown;
	message?: unknown;
}

/** Walks an error and its causes (n8n wraps request errors in NodeApiError). */
function errorChain(error: unknown): ErrorLike[] {
	const chain: ErrorLike[] = [];
	let current: unknown = error;
	while (current !== null && typeof current === 'object' && chain.length < 10 && !chain.includes(current as ErrorLike)) {
		chain.push(current as ErrorLike);
		current = (current as ErrorLike).cause;
	}
	return chain;
}

/** Classifies a request that produced no HTTP response; `refused`/`dns` prove it was never sent. */
export function classifyTransportFailure(error: unknown): TransportFailureKind {
	for (const level of errorChain(error)) {
		const code = typeof level.code === 'string' ? level.code : '';
		if (REFUSED.has(code)) return 'refused';
		if (DNS.has(code)) return 'dns';
		if (TIMEOUT.has(code)) return 'timeout';
		if (RESET.has(code)) return 'reset';
	}
	return 'other';
}

function originAndPath(url: string): string | undefined {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return undefined;
	}
}

/**
 * Whether a thrown error's response answered another request than ours: the credential's own
 * request (an OAuth token request in preAuthentication), which n8n lets surface through the
 * node's request. Such a response is no answer of the API and must not be retried as one.
 */
function answersAnotherRequest(error: unknown, requestUrl: string): boolean {
	const ours = originAndPath(requestUrl);
	for (const level of errorChain(error)) {
		if (level.response && typeof level.config?.url === 'string') return originAndPath(level.config.url) !== ours;
	}
	return false;
}

/** The HTTP response carried by a thrown request error, if there was one. */
async function responseOf(error: unknown): Promise<HttpResponse | undefined> {
	for (const level of errorChain(error)) {
		const response = level.response;
		if (response && typeof response === 'object') {
			const status = Number(response.status ?? response.statusCode);
			if (Number.isInteger(status) && status > 0) {
				return { status, headers: lowerCaseHeaders(response.headers), body: parseBody(await readBounded(response.data ?? response.body)) };
			}
		}
	}
	return undefined;
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (headers && typeof headers === 'object') {
		for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
			if (value !== undefined && value !== null) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
	}
	return result;
}

/** Bodies arrive as parsed JSON, text or a Buffer depending on content type: normalise to JSON-or-text. */
function parseBody(body: unknown): unknown {
	if (body === undefined || body === null) return '';
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
	if (text === undefined) return body;
	const trimmed = text.trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return JSON.parse(trimmed) as unknown;
		} catch {
			return text;
		}
	}
	return text;
}

export interface N8nHttpPortOptions {
	/** Credential type whose `authenticate` (and `preAuthentication`) n8n applies. */
	credentialType: string;
	/**
	 * Let n8n see 401s so that it re-runs the credential's preAuthentication (token renewal)
	 * and repeats the request once; otherwise every status comes back as a response. For GET
	 * requests only: on n8n 1.x the request may be sent up to three times (see `send`).
	 */
	renewTokenOn401?: boolean;
}

/** n8n 2.x: every status is an answer except a 401, which n8n throws so that it renews the token. */
const ALL_BUT_401: IHttpRequestOptions['ignoreHttpStatusErrors'] = { ignore: true, except: [401] };

/** `thrown`: n8n threw the status (as it does for a 401 it has already tried to renew). */
type Outcome = { response: HttpResponse; thrown?: boolean } | { error: unknown };

/**
 * Serves the core's HttpPort with n8n's own request helpers, so that proxies, the SSRF guard,
 * tracing and credential injection all apply. The core never sees the credential.
 */
export function n8nHttpPort(context: RequestContext, options: N8nHttpPortOptions): HttpPort {
	const call = async (request: HttpRequest, ignoreHttpStatusErrors: IHttpRequestOptions['ignoreHttpStatusErrors']): Promise<Outcome> => {
		const requestOptions: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers: { accept: 'application/json', ...request.headers },
			qs: request.query as IDataObject | undefined,
			body: request.body as IDataObject | undefined,
			json: request.body !== undefined,
			returnFullResponse: true,
			ignoreHttpStatusErrors,
			timeout: request.timeoutMs,
			// A stream, read here with a size cap; the core decides how to read bodies (a provider may send HTML or bad JSON).
			encoding: 'stream',
			// The credential goes to the provider's origin only, never to where a redirect points.
			sendCredentialsOnCrossOriginRedirect: false,
		};
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(context, options.credentialType, requestOptions)) as {
				statusCode: number;
				headers: unknown;
				body: unknown;
			};
			return { response: { status: response.statusCode, headers: lowerCaseHeaders(response.headers), body: parseBody(await readBounded(response.body)) } };
		} catch (error) {
			if (answersAnotherRequest(error, request.url)) return { error };
			const response = await responseOf(error);
			return response ? { response, thrown: true } : { error };
		}
	};

	const fail = async (error: unknown, request: HttpRequest): Promise<never> => {
		// A failed token request is n8n's own NodeApiError: passed on as is, so the core does not retry it as an API answer.
		if (answersAnotherRequest(error, request.url)) return await Promise.reject(error as Error);
		const kind = classifyTransportFailure(error);
		// An unclassified failure keeps its own words (e.g. a token endpoint's odd answer); callers redact secrets.
		const reason = kind === 'other' && error instanceof Error ? `: ${error.message}` : '';
		return await Promise.reject(new TransportError(kind, `Request to ${new URL(request.url).origin} failed (${kind})${reason}`));
	};

	/**
	 * A 401 handed back as an answer although `except: [401]` asked n8n to throw it: n8n 1.x,
	 * which reads any truthy `ignoreHttpStatusErrors` as "ignore all" (n8n.md). Ask again with
	 * status errors on, so that n8n renews the token and repeats the request. n8n 1.x's error
	 * for a status outside 2xx keeps no response, so such an error is followed by one more
	 * request, with the renewed token, for the answer itself.
	 */
	const renewOnN8n1 = async (request: HttpRequest): Promise<HttpResponse> => {
		const renewed = await call(request, false);
		if ('response' in renewed) return renewed.response;
		if (answersAnotherRequest(renewed.error, request.url) || classifyTransportFailure(renewed.error) !== 'other') return await fail(renewed.error, request);
		const again = await call(request, true);
		if ('error' in again) return await fail(again.error, request);
		// Refused again with a 401 of its own (n8n's httpCode): an answer, as on n8n 2.x. Any other
		// failure is the token request's, and n8n's error says why.
		if (again.response.status !== 401 || String((renewed.error as { httpCode?: unknown }).httpCode) === '401') return again.response;
		return await Promise.reject(renewed.error as Error);
	};

	return {
		async send(request: HttpRequest): Promise<HttpResponse> {
			const first = await call(request, options.renewTokenOn401 ? ALL_BUT_401 : true);
			if ('error' in first) return await fail(first.error, request);
			const handedBack401 = first.response.status === 401 && !first.thrown;
			if (options.renewTokenOn401 && handedBack401 && request.method === 'GET') return await renewOnN8n1(request);
			return first.response;
		},
		sleep: async (ms: number) => await sleep(ms),
		now: () => Date.now(),
		random: () => Math.random(),
	};
}
