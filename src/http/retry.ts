import type { HttpPort, HttpRequest, HttpResponse } from './port';
import { TransportError } from './port';

/**
 * When a request may be sent again. GETs are safe to repeat after a passing fault (429, 5xx,
 * timeout, reset, refused, DNS); a filing POST is repeated only
 * when it certainly never reached the provider, or when the provider asked for a retry with
 * Retry-After (it refused the request, so nothing was filed).
 */
export type RetryPolicy = 'idempotent' | 'never-twice';

export interface RetryOptions {
	policy: RetryPolicy;
	/** Attempts in all, the first included. */
	maxAttempts?: number;
	/** First backoff; doubles each attempt, capped at maxDelayMs, with full jitter. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/** A Retry-After longer than this is not waited for: the response is returned as it is. */
	maxRetryAfterMs?: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Parses Retry-After (delta-seconds or an HTTP date) into ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/** Capped exponential backoff with full jitter: random in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(attempt: number, random: number, baseDelayMs: number, maxDelayMs: number): number {
	const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
	return Math.floor(random * ceiling);
}

function responseRetryDelay(
	response: HttpResponse,
	policy: RetryPolicy,
	attempt: number,
	port: HttpPort,
	options: Required<Omit<RetryOptions, 'policy'>>,
): number | undefined {
	if (!RETRYABLE_STATUS.has(response.status)) return undefined;
	const retryAfter = parseRetryAfter(response.headers['retry-after'], port.now());
	if (policy === 'never-twice') {
		// Only a 429 that says when to come back proves the filing was refused, not received.
		if (response.status !== 429 || retryAfter === undefined) return undefined;
	}
	if (retryAfter !== undefined) {
		return retryAfter <= options.maxRetryAfterMs ? retryAfter : undefined;
	}
	return backoffDelay(attempt, port.random(), options.baseDelayMs, options.maxDelayMs);
}

function transportRetryDelay(
	error: TransportError,
	policy: RetryPolicy,
	attempt: number,
	port: HttpPort,
	options: Required<Omit<RetryOptions, 'policy'>>,
): number | undefined {
	if (policy === 'never-twice' && !error.certainlyNotSent) return undefined;
	// An unclassified failure is no known passing fault (it may be a refused token request in the
	// credential's preAuthentication, and Flexport allows 10 of those a day): it is not repeated.
	if (error.kind === 'other') return undefined;
	return backoffDelay(attempt, port.random(), options.baseDelayMs, options.maxDelayMs);
}

/**
 * Sends a request through the port, repeating it as the policy allows. Resolves with the last
 * HTTP response (which may still be an error status); rejects with the last TransportError.
 * `onAttempt` lets callers count attempts (tests, logs).
 */
export async function sendWithRetry(
	port: HttpPort,
	request: HttpRequest,
	retry: RetryOptions,
	onAttempt?: (attempt: number) => void,
): Promise<HttpResponse> {
	const options = {
		maxAttempts: retry.maxAttempts ?? 4,
		baseDelayMs: retry.baseDelayMs ?? 500,
		maxDelayMs: retry.maxDelayMs ?? 10_000,
		maxRetryAfterMs: retry.maxRetryAfterMs ?? 60_000,
	};
	for (let attempt = 0; ; attempt++) {
		onAttempt?.(attempt + 1);
		const isLast = attempt + 1 >= options.maxAttempts;
		let outcome: { response: HttpResponse } | { error: unknown };
		try {
			outcome = { response: await port.send(request) };
		} catch (error) {
			outcome = { error };
		}
		let delay: number | undefined;
		if ('response' in outcome) {
			delay = isLast ? undefined : responseRetryDelay(outcome.response, retry.policy, attempt, port, options);
			if (delay === undefined) return outcome.response;
		} else {
			const error = outcome.error;
			if (!(error instanceof TransportError) || isLast) throw error;
			delay = transportRetryDelay(error, retry.policy, attempt, port, options);
			if (delay === undefined) throw error;
		}
		await port.sleep(delay);
	}
}
