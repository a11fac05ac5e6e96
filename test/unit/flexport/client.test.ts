import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { InputValidationError, ProviderError } from '../../../src/errors';
import { TransportError } from '../../../src/http/port';
import { getCustomsEntry, listCustomsEntries, resolveFlexportConfig } from '../../../src/flexport/client';
import { FlexportApiError } from '../../../src/flexport/errors';
import { FlexportFakePort, json, text } from '../../support/flexportFakePort';

// Seed 004 (Flexport "Customs Entries API Tutorial") and providers.md (Flexport) are the source.
const fixture = (name: string): unknown =>
	JSON.parse(readFileSync(join(__dirname, '../../fixtures/flexport', name), 'utf8')) as unknown;
const config = { baseUrl: 'https://api.flexport.com', retry: { baseDelayMs: 100, maxDelayMs: 1000 } };

async function caught(promise: Promise<unknown>): Promise<FlexportApiError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(FlexportApiError);
		return error as FlexportApiError;
	}
	throw new Error('expected the call to fail');
}

describe('Flexport request shape', () => {
	it('lists customs entries with page, per and the f.shipment.id filter, Flexport-Version 2 and Accept JSON', async () => {
		const port = new FlexportFakePort(() => json(200, fixture('customs-entries-page1.json')));
		await listCustomsEntries(port, config, { page: 3, per: 25, shipmentId: 23481 });
		expect(port.requests).toHaveLength(1);
		const [request] = port.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe('https://api.flexport.com/customs_entries');
		expect(request.query).toEqual({ page: 3, per: 25, 'f.shipment.id': '23481' });
		expect(request.headers).toEqual({ Accept: 'application/json', 'Flexport-Version': '2' });
	});

	it('sends the configured dated Flexport-Version instead of the default', async () => {
		const port = new FlexportFakePort(() => json(200, fixture('customs-entry.json')));
		await getCustomsEntry(port, { ...config, apiVersion: '2024-01-01' }, 'gGEI8lad8W2jf4ktR2Y34A');
		expect(port.requests[0].headers?.['Flexport-Version']).toBe('2024-01-01');
	});

	it('URL-encodes the customs entry id in GET /customs_entries/{id}', async () => {
		const port = new FlexportFakePort(() => json(200, fixture('customs-entry.json')));
		await getCustomsEntry(port, { baseUrl: 'https://api.flexport.com/' }, 'a/b?c#d');
		expect(port.requests[0].url).toBe('https://api.flexport.com/customs_entries/a%2Fb%3Fc%23d');
	});

	it('refuses per outside 1..100 and page below 1 before sending, naming each field', async () => {
		const port = new FlexportFakePort(() => json(200, {}));
		await expect(listCustomsEntries(port, config, { page: 0, per: 101 })).rejects.toThrow(
			'Invalid customs entries listing: page: must be a whole number of at least 1; per: must be a whole number from 1 to 100',
		);
		expect(port.requests).toHaveLength(0);
	});

	it('accepts per at the documented bounds 1 and 100', async () => {
		const port = new FlexportFakePort(() => json(200, fixture('customs-entries-page1.json')));
		await listCustomsEntries(port, config, { page: 1, per: 1 });
		await listCustomsEntries(port, config, { page: 1, per: 100 });
		expect(port.requests.map((r) => r.query?.per)).toEqual([1, 100]);
	});

	it('refuses an empty customs entry id before sending', async () => {
		const port = new FlexportFakePort(() => json(200, {}));
		await expect(getCustomsEntry(port, config, '  ')).rejects.toBeInstanceOf(InputValidationError);
		expect(port.requests).toHaveLength(0);
	});

	it('refuses a configuration whose base URL is not an http(s) URL', () => {
		expect(() => resolveFlexportConfig({ baseUrl: 'ftp://api.flexport.com', perPage: 0 })).toThrow(
			'Invalid Flexport configuration: baseUrl: must be an absolute https URL, such as https://api.example.com; perPage: must be a whole number from 1 to 100',
		);
	});
});

describe('Flexport envelope', () => {
	it('unwraps /api/response and returns entries with total_count, next and prev', async () => {
		const port = new FlexportFakePort(() => json(200, fixture('customs-entries-page1.json')));
		const page = await listCustomsEntries(port, config, { page: 1, per: 2 });
		expect(page.totalCount).toBe(3);
		expect(page.next).toBe('https://api.flexport.com/customs_entries?page=2&per=2');
		expect(page.prev).toBeUndefined();
		expect(page.entries.map((e) => e.id)).toEqual(['MpG7GULQbuvaVHKeQ-pvEg', 'cAtxIaOUxurK4NBG2mgBKA']);
		expect(page.entries[0].release_status).toBeNull();
		expect(page.entries[0].shipment).toEqual({
			_object: '/api/refs/object',
			ref_type: '/shipment',
			link: 'https://api.flexport.com/shipments/23481',
			id: 23481,
		});
	});

	it('passes an undocumented release_status and extra fields through untouched', async () => {
		const port = new FlexportFakePort(() => json(200, fixture('customs-entries-page1.json')));
		const page = await listCustomsEntries(port, config, { page: 1, per: 2 });
		expect(page.entries[1].release_status).toBe('partially_released');
		expect(page.entries[1].broker_notes).toBe('kept as sent');
	});

	it('reads a missing release_status as null (not yet released)', async () => {
		const port = new FlexportFakePort(() =>
			json(200, { _object: '/api/response', data: { _object: '/customs_entry', id: 'X1', entry_number: '1' }, error: null }),
		);
		const entry = await getCustomsEntry(port, config, 'X1');
		expect(entry).toMatchObject({ id: 'X1', release_status: null, release_date: null, shipment: null });
	});

	it('reads JSON that the port handed over as text', async () => {
		const port = new FlexportFakePort(() => text(200, JSON.stringify(fixture('customs-entry.json')), 'text/plain'));
		const entry = await getCustomsEntry(port, config, 'gGEI8lad8W2jf4ktR2Y34A');
		expect(entry.release_status).toBe('released');
	});

	it('names the field path when an entry in the listing has no id', async () => {
		const port = new FlexportFakePort(() =>
			json(200, { _object: '/api/response', data: { data: [{ id: 'A' }, { entry_number: '2' }], total_count: 2 }, error: null }),
		);
		const error = await caught(listCustomsEntries(port, config, { page: 1, per: 2 }));
		expect(error.reason).toBe('unexpected-response');
		expect(error.message).toContain('data.data[1].id');
	});
});

describe('Flexport error mapping', () => {
	it('maps a top-level /api/error body to a FlexportApiError with status, code and message', async () => {
		const port = new FlexportFakePort(() => json(400, fixture('error-invalid-pagination.json')));
		const error = await caught(listCustomsEntries(port, config, { page: 1, per: 10 }));
		expect(error).toBeInstanceOf(ProviderError);
		expect(error.provider).toBe('flexport');
		expect(error.reason).toBe('api-error');
		expect(error.status).toBe(400);
		expect(error.code).toBe('invalid_pagination');
		expect(error.providerMessages).toEqual(['Invalid Sort Direction. allowed values: desc, asc']);
		expect(error.message).toBe(
			'Flexport refused the customs entries listing (page 1) (HTTP 400, invalid_pagination: Invalid Sort Direction. allowed values: desc, asc)',
		);
		expect(port.requests).toHaveLength(1);
	});

	it('maps the envelope error object, even under HTTP 200', async () => {
		const port = new FlexportFakePort(() =>
			json(200, {
				_object: '/api/response',
				data: null,
				error: { _object: '/api/error', status: 404, code: 'not_found', message: 'Customs entry not found' },
			}),
		);
		const error = await caught(getCustomsEntry(port, config, 'nope'));
		expect(error.status).toBe(404);
		expect(error.code).toBe('not_found');
		expect(error.hint).toBe('No such customs entry for this Flexport account.');
	});

	it('says that an HTML page came back instead of JSON', async () => {
		const port = new FlexportFakePort(() => text(200, '<!DOCTYPE html><html><body>Login</body></html>'));
		const error = await caught(getCustomsEntry(port, config, 'X'));
		expect(error.reason).toBe('unreadable-response');
		expect(error.message).toBe('Flexport answered customs entry X with HTTP 200 and an HTML page instead of JSON');
	});

	it('says that an empty body came back instead of JSON', async () => {
		const port = new FlexportFakePort(() => text(200, ''));
		const error = await caught(getCustomsEntry(port, config, 'X'));
		expect(error.message).toBe('Flexport answered customs entry X with HTTP 200 and an empty body instead of JSON');
	});

	it('reports a 401 without a JSON body with a credential hint and no retry', async () => {
		const port = new FlexportFakePort(() => text(401, 'Unauthorized', 'text/plain'));
		const error = await caught(getCustomsEntry(port, config, 'X'));
		expect(error.status).toBe(401);
		expect(error.message).toBe('Flexport answered customs entry X with HTTP 401 and a body that is not JSON instead of JSON');
		expect(error.hint).toBe('Check the Flexport API key or OAuth client credentials.');
		expect(port.requests).toHaveLength(1);
	});

	it('refuses a 200 answer without the /api/response envelope', async () => {
		const port = new FlexportFakePort(() => json(200, [1, 2]));
		const error = await caught(getCustomsEntry(port, config, 'X'));
		expect(error.reason).toBe('unexpected-response');
	});
});

describe('Flexport GET retries (idempotent policy)', () => {
	const okEntry = (): ReturnType<typeof json> => json(200, fixture('customs-entry.json'));

	function scripted(replies: Array<ReturnType<typeof json> | TransportError>): FlexportFakePort {
		let i = 0;
		return new FlexportFakePort(() => replies[Math.min(i++, replies.length - 1)], { seed: 7 });
	}

	it('waits exactly the Retry-After seconds after a 429, then succeeds', async () => {
		const port = scripted([json(429, { _object: '/api/error', status: 429, code: 'rate_limited', message: 'slow down' }, { 'retry-after': '3' }), okEntry()]);
		await getCustomsEntry(port, config, 'gGEI8lad8W2jf4ktR2Y34A');
		expect(port.requests).toHaveLength(2);
		expect(port.sleeps).toEqual([3000]);
	});

	it('backs off with capped, jittered exponential delays after a 429 without Retry-After', async () => {
		const port = scripted([json(429, {}), json(429, {}), json(429, {}), okEntry()]);
		await getCustomsEntry(port, config, 'gGEI8lad8W2jf4ktR2Y34A');
		expect(port.requests).toHaveLength(4);
		expect(port.sleeps).toHaveLength(3);
		port.sleeps.forEach((ms, attempt) => {
			expect(ms).toBeGreaterThanOrEqual(0);
			expect(ms).toBeLessThan(Math.min(1000, 100 * 2 ** attempt));
		});
	});

	it('retries a 500 and then succeeds', async () => {
		const port = scripted([json(500, {}), okEntry()]);
		const entry = await getCustomsEntry(port, config, 'gGEI8lad8W2jf4ktR2Y34A');
		expect(entry.id).toBe('gGEI8lad8W2jf4ktR2Y34A');
		expect(port.requests).toHaveLength(2);
	});

	it('retries a timeout and a connection reset, since a GET is safe to repeat', async () => {
		const port = scripted([new TransportError('timeout', 'timed out'), new TransportError('reset', 'ECONNRESET'), okEntry()]);
		await getCustomsEntry(port, config, 'gGEI8lad8W2jf4ktR2Y34A');
		expect(port.requests).toHaveLength(3);
		expect(port.sleeps).toHaveLength(2);
	});

	it('gives up after maxAttempts on a persistent 503 and reports the status', async () => {
		const port = scripted([json(503, { _object: '/api/error', status: 503, code: 'unavailable', message: 'maintenance' })]);
		const error = await caught(getCustomsEntry(port, { ...config, retry: { ...config.retry, maxAttempts: 3 } }, 'X'));
		expect(port.requests).toHaveLength(3);
		expect(error.status).toBe(503);
		expect(error.code).toBe('unavailable');
	});

	it('turns persistent timeouts into a transport failure whose delivery is unknown', async () => {
		const port = scripted([new TransportError('timeout', 'timed out')]);
		const error = await caught(getCustomsEntry(port, config, 'X'));
		expect(port.requests).toHaveLength(4);
		expect(error.reason).toBe('transport');
		expect(error.delivery).toBe('unknown');
		expect(error.message).toBe('Could not reach Flexport for customs entry X (timeout) after 4 attempts');
	});

	it('does not retry a 404', async () => {
		const port = scripted([json(404, { _object: '/api/error', status: 404, code: 'not_found', message: 'gone' })]);
		await caught(getCustomsEntry(port, config, 'X'));
		expect(port.requests).toHaveLength(1);
		expect(port.sleeps).toEqual([]);
	});
});
