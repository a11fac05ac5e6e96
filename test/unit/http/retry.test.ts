import { backoffDelay, parseRetryAfter, sendWithRetry } from '../../../src/http/retry';
import { TransportError, type HttpRequest } from '../../../src/http/port';
import { FakeHttpPort, jsonResponse, type ScriptedAnswer } from '../../support/fakeHttpPort';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const GET: HttpRequest = { method: 'GET', url: 'https://api.example.com/things' };
const POST: HttpRequest = { method: 'POST', url: 'https://api.example.com/filings', body: { a: 1 } };

async function run(script: ScriptedAnswer[], request: HttpRequest, policy: 'idempotent' | 'never-twice', maxAttempts?: number) {
	const port = new FakeHttpPort(script, { now: NOW, random: 0.5 });
	const attempts: number[] = [];
	const outcome = await sendWithRetry(port, request, { policy, maxAttempts }, (n) => attempts.push(n)).then(
		(response) => ({ response, error: undefined }),
		(error: unknown) => ({ response: undefined, error }),
	);
	return { port, attempts, ...outcome };
}

describe('parseRetryAfter', () => {
	it('reads delta-seconds', () => {
		expect(parseRetryAfter('120', NOW)).toBe(120_000);
	});

	it('reads fractional seconds', () => {
		expect(parseRetryAfter('1.5', NOW)).toBe(1500);
	});

	it('reads an HTTP date as the time left from now', () => {
		expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
	});

	it('reads an HTTP date in the past as 0', () => {
		expect(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW)).toBe(0);
	});

	it('returns undefined when the header is absent', () => {
		expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
	});

	it('returns undefined for an unreadable value', () => {
		expect(parseRetryAfter('soon', NOW)).toBeUndefined();
	});
});

describe('backoffDelay', () => {
	it('doubles the ceiling each attempt, with full jitter', () => {
		expect([0, 1, 2].map((attempt) => backoffDelay(attempt, 0.5, 500, 10_000))).toEqual([250, 500, 1000]);
	});

	it('caps the ceiling at the maximum delay', () => {
		expect(backoffDelay(10, 0.999, 500, 10_000)).toBe(9990);
	});
});

describe('sendWithRetry: idempotent requests (GET)', () => {
	it('returns the first successful response after one request', async () => {
		const { port, response } = await run([jsonResponse(200, { ok: true })], GET, 'idempotent');
		expect(response?.status).toBe(200);
		expect(port.requestCount).toBe(1);
	});

	it('retries a 503 with backoff until it succeeds', async () => {
		const { port, response } = await run([jsonResponse(503, {}), jsonResponse(503, {}), jsonResponse(200, {})], GET, 'idempotent');
		expect(response?.status).toBe(200);
		expect(port.sleeps).toEqual([250, 500]);
	});

	it('retries after a timeout', async () => {
		const { port, response } = await run([{ transportError: 'timeout' }, jsonResponse(200, {})], GET, 'idempotent');
		expect(response?.status).toBe(200);
		expect(port.requestCount).toBe(2);
	});

	it('waits as long as Retry-After says on a 429', async () => {
		const { port } = await run([jsonResponse(429, {}, { 'retry-after': '2' }), jsonResponse(200, {})], GET, 'idempotent');
		expect(port.sleeps).toEqual([2000]);
	});

	it('does not wait for a Retry-After longer than the limit, returning the 429', async () => {
		const { port, response } = await run([jsonResponse(429, {}, { 'retry-after': '3600' })], GET, 'idempotent');
		expect(response?.status).toBe(429);
		expect(port.requestCount).toBe(1);
	});

	it('does not retry a 404', async () => {
		const { port, response } = await run([jsonResponse(404, {})], GET, 'idempotent');
		expect(response?.status).toBe(404);
		expect(port.requestCount).toBe(1);
	});

	it('stops at maxAttempts and returns the last response', async () => {
		const { port, response, attempts } = await run([jsonResponse(500, {}), jsonResponse(502, {})], GET, 'idempotent', 2);
		expect(response?.status).toBe(502);
		expect(port.requestCount).toBe(2);
		expect(attempts).toEqual([1, 2]);
	});

	it('does not repeat a read after an unclassified failure, which is no known passing fault', async () => {
		const { error, port } = await run([{ transportError: 'other' }, jsonResponse(200, {})], GET, 'idempotent');
		expect((error as TransportError).kind).toBe('other');
		expect(port.requestCount).toBe(1);
	});

	it('rethrows the last transport error once attempts run out', async () => {
		const { error, port } = await run([{ transportError: 'reset' }, { transportError: 'reset' }], GET, 'idempotent', 2);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).kind).toBe('reset');
		expect(port.requestCount).toBe(2);
	});
});

describe('sendWithRetry: filings (never-twice)', () => {
	it('does not send again after a timeout: the filing may have arrived', async () => {
		const { error, port } = await run([{ transportError: 'timeout' }, jsonResponse(200, {})], POST, 'never-twice');
		expect((error as TransportError).kind).toBe('timeout');
		expect(port.requestCount).toBe(1);
	});

	it('does not send again after a reset', async () => {
		const { port } = await run([{ transportError: 'reset' }, jsonResponse(200, {})], POST, 'never-twice');
		expect(port.requestCount).toBe(1);
	});

	it('does not send again after an unclassified transport failure', async () => {
		const { port } = await run([{ transportError: 'other' }, jsonResponse(200, {})], POST, 'never-twice');
		expect(port.requestCount).toBe(1);
	});

	it('sends again once after a refused connection, which certainly sent nothing', async () => {
		const { port, response } = await run([{ transportError: 'refused' }, jsonResponse(200, {})], POST, 'never-twice');
		expect(response?.status).toBe(200);
		expect(port.requestCount).toBe(2);
	});

	it('sends again after a DNS failure', async () => {
		const { port } = await run([{ transportError: 'dns' }, jsonResponse(200, {})], POST, 'never-twice');
		expect(port.requestCount).toBe(2);
	});

	it('sends again after a 429 with Retry-After: the provider refused it', async () => {
		const { port, response } = await run([jsonResponse(429, {}, { 'retry-after': '1' }), jsonResponse(201, {})], POST, 'never-twice');
		expect(response?.status).toBe(201);
		expect(port.sleeps).toEqual([1000]);
	});

	it('does not send again after a 429 without Retry-After', async () => {
		const { port, response } = await run([jsonResponse(429, {}), jsonResponse(200, {})], POST, 'never-twice');
		expect(response?.status).toBe(429);
		expect(port.requestCount).toBe(1);
	});

	it('does not send again after a 500', async () => {
		const { port } = await run([jsonResponse(500, {}), jsonResponse(200, {})], POST, 'never-twice');
		expect(port.requestCount).toBe(1);
	});

	it('does not send again after a 503 even with Retry-After', async () => {
		const { port } = await run([jsonResponse(503, {}, { 'retry-after': '1' }), jsonResponse(200, {})], POST, 'never-twice');
		expect(port.requestCount).toBe(1);
	});
});
