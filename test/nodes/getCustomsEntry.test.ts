/**
 * Get Customs Entry in the real n8n engine (n8n-core WorkflowExecute, package loaded from dist/),
 * Flexport mocked with nock. Flexport's API as in providers.md and seed 004: envelope
 * `{_object:"/api/response", data, error}`, listings `/api/collections/paginated` with
 * `total_count` and absolute `next` links, filter `f.shipment.id` only.
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import customsEntryFixture from '../fixtures/flexport/customs-entry.json';
import { CredentialStore, runWorkflow, singleNodeWorkflow } from '../harness';

const NODE = 'Get Customs Entry';
const BASE = 'https://api.flexport.com';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a planted test value, to prove it never leaks
const API_KEY = 'fx_live_key_do_not_leak_7f3a9c';

function entry(id: string, releaseStatus: string | null, extra: IDataObject = {}): IDataObject {
	return {
		_object: '/customs_entry',
		id,
		entry_number: `CHQ-${id.replace(/\D/g, '').padStart(8, '0')}`,
		release_status: releaseStatus,
		release_date: releaseStatus === 'released' ? '2025-01-14' : null,
		shipment: { _object: '/api/refs/object', ref_type: '/shipment', link: `${BASE}/shipments/23481`, id: 23481 },
		...extra,
	};
}

function entries(count: number, from = 0): IDataObject[] {
	return Array.from({ length: count }, (_, i) => entry(`E${String(from + i).padStart(5, '0')}`, 'pending'));
}

function page(data: IDataObject[], totalCount: number | null, next: string | null = null): IDataObject {
	return {
		_object: '/api/response',
		version: 2,
		data: { _object: '/api/collections/paginated', prev: null, next, total_count: totalCount, data },
		error: null,
	};
}

function apiKeyCredentials(): CredentialStore {
	return new CredentialStore().set('1', 'flexportApi', {
		authentication: 'apiKey',
		apiKey: API_KEY,
		baseUrl: BASE,
		apiVersion: '2',
		accessToken: '',
	});
}

async function run(parameters: INodeParameters, items: IDataObject[] = [{}], options: { continueOnFail?: boolean; credentials?: CredentialStore } = {}) {
	const workflow = singleNodeWorkflow(
		{
			name: NODE,
			type: 'n8n-nodes-us-customs.getCustomsEntry',
			parameters: { resource: 'customsEntry', ...parameters },
			credentials: { flexportApi: { id: '1', name: 'Flexport' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
		items,
	);
	return await runWorkflow(workflow, { credentials: options.credentials ?? apiKeyCredentials() });
}

function expectNoSecret(value: unknown): void {
	expect(JSON.stringify(value)).not.toContain(API_KEY);
}

describe('Get Customs Entry: Get', () => {
	test('returns the entry with Flexport’s own fields, paired with its input item (seed 004, GET /customs_entries/{id})', async () => {
		const scope = nock(BASE).get('/customs_entries/gGEI8lad8W2jf4ktR2Y34A').reply(200, customsEntryFixture);
		const result = await run({ operation: 'get', customsEntryId: 'gGEI8lad8W2jf4ktR2Y34A' });
		expect(result.error).toBeUndefined();
		expect(result.output(NODE)).toEqual([{ json: customsEntryFixture.data, pairedItem: { item: 0 } }]);
		scope.done();
	});

	test('reads the id per item from an expression, one entry per item in input order', async () => {
		nock(BASE)
			.get('/customs_entries/A1')
			.reply(200, { _object: '/api/response', data: entry('A1', 'released'), error: null })
			.get('/customs_entries/B2')
			.reply(200, { _object: '/api/response', data: entry('B2', null), error: null });
		const output = (await run({ operation: 'get', customsEntryId: '={{ $json.entryId }}' }, [{ entryId: 'A1' }, { entryId: 'B2' }])).output(NODE);
		expect(output.map((item) => [item.json.id, item.json.release_status, item.pairedItem])).toEqual([
			['A1', 'released', { item: 0 }],
			['B2', null, { item: 1 }],
		]);
	});

	test('API key mode sends `Authorization: Bearer <key>` and `Flexport-Version` (providers.md, Flexport auth)', async () => {
		nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'flexport-version': '2' } })
			.get('/customs_entries/gGEI8lad8W2jf4ktR2Y34A')
			.reply(200, customsEntryFixture);
		const result = await run({ operation: 'get', customsEntryId: 'gGEI8lad8W2jf4ktR2Y34A' });
		expect(result.error).toBeUndefined();
		expectNoSecret(result.output(NODE));
	});

	test('a 404 stops the run with an API error that names the entry and the item, without the API key', async () => {
		nock(BASE)
			.get('/customs_entries/nope')
			.reply(404, { _object: '/api/error', status: 404, code: 'not_found', message: 'Customs entry not found' });
		const result = await run({ operation: 'get', customsEntryId: 'nope' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Flexport refused customs entry nope (HTTP 404, not_found: Customs entry not found)');
		expect(result.error?.context.itemIndex).toBe(0);
		expectNoSecret({ message: result.error?.message, description: result.error?.description, context: result.error?.context });
	});

	test('continue on fail: a missing entry becomes an error item paired with its input, the others still come back', async () => {
		nock(BASE)
			.get('/customs_entries/nope')
			.reply(404, { _object: '/api/error', status: 404, code: 'not_found', message: 'Customs entry not found' })
			.get('/customs_entries/A1')
			.reply(200, { _object: '/api/response', data: entry('A1', 'released'), error: null });
		const output = (
			await run({ operation: 'get', customsEntryId: '={{ $json.entryId }}' }, [{ entryId: 'nope' }, { entryId: 'A1' }], { continueOnFail: true })
		).output(NODE);
		expect(output).toEqual([
			{
				json: {
					error: 'Flexport refused customs entry nope (HTTP 404, not_found: Customs entry not found)',
					errorDescription: 'Customs entry not found\nNo such customs entry for this Flexport account.',
					httpCode: '404',
				},
				pairedItem: { item: 0 },
			},
			{ json: entry('A1', 'released'), pairedItem: { item: 1 } },
		]);
		expectNoSecret(output);
	});

	test('a Flexport 500 is retried, and one that persists after 4 attempts is a NodeApiError for the item', async () => {
		const scope = nock(BASE).get('/customs_entries/A1').times(4).reply(500, { _object: '/api/error', status: 500, code: 'internal', message: 'Oops' });
		const result = await run({ operation: 'get', customsEntryId: 'A1' });
		scope.done();
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Flexport refused customs entry A1 (HTTP 500, internal: Oops)');
		expect(result.error?.context.itemIndex).toBe(0);
	});

	test('a Flexport 500 followed by a 200 is retried and succeeds', async () => {
		nock(BASE)
			.get('/customs_entries/A1')
			.reply(500, { _object: '/api/error', status: 500, code: 'internal', message: 'Oops' })
			.get('/customs_entries/A1')
			.reply(200, { _object: '/api/response', data: entry('A1', 'cleared'), error: null });
		const result = await run({ operation: 'get', customsEntryId: 'A1' });
		expect(result.output(NODE).map((item) => item.json.release_status)).toEqual(['cleared']);
	});

	test('a blank id from an expression is refused before any request, naming the field', async () => {
		const result = await run({ operation: 'get', customsEntryId: '={{ $json.entryId }}' }, [{ entryId: '  ' }]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.description).toBe('customsEntryId: must not be empty');
	});
});

describe('Get Customs Entry: Get Many', () => {
	test('Return All reads every page twice (100 per page, pages by number from total_count) and, the two reads agreeing, returns one item per entry', async () => {
		const all = entries(250);
		const scope = nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.times(2)
			.reply(200, page(all.slice(0, 100), 250, `${BASE}/customs_entries?page=2&per=100`))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.times(2)
			.reply(200, page(all.slice(100, 200), 250, `${BASE}/customs_entries?page=3&per=100`))
			.get('/customs_entries')
			.query({ page: '3', per: '100' })
			.times(2)
			.reply(200, page(all.slice(200), 250));
		const output = (await run({ operation: 'getAll', returnAll: true })).output(NODE);
		scope.done();
		expect(output).toHaveLength(250);
		expect(output.map((item) => item.json.id)).toEqual(all.map((e) => e.id));
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Return All returns every entry present throughout, once, when an entry is inserted at the head after page 1 is served (issue 12)', async () => {
		const before = entries(300);
		const after = [entry('NEW', 'pending'), ...before];
		const scope = nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.reply(200, page(before.slice(0, 100), 300))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.times(3)
			.reply(200, page(after.slice(100, 200), 301))
			.get('/customs_entries')
			.query({ page: '3', per: '100' })
			.times(3)
			.reply(200, page(after.slice(200, 300), 301))
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.times(2)
			.reply(200, page(after.slice(0, 100), 301))
			.get('/customs_entries')
			.query({ page: '4', per: '100' })
			.times(2)
			.reply(200, page(after.slice(300), 301));
		const ids = (await run({ operation: 'getAll', returnAll: true })).output(NODE).map((item) => item.json.id);
		scope.done();
		expect(ids).toEqual(after.map((e) => e.id));
	});

	test('Return All fails, naming the cause, when the listing keeps changing between reads (never a short list)', async () => {
		let inserted = 0;
		const listing = () => [...Array.from({ length: inserted }, (_, i) => entry(`NEW${i}`, 'pending')), ...entries(150)];
		nock(BASE)
			.persist()
			.get('/customs_entries')
			.query(true)
			.reply((uri) => {
				const number = Number(new URL(uri, BASE).searchParams.get('page'));
				const now = listing();
				inserted++;
				return [200, page(now.slice((number - 1) * 100, number * 100), now.length)];
			});
		const result = await run({ operation: 'getAll', returnAll: true }, [{}], { continueOnFail: true });
		const [item] = result.output(NODE);
		expect(String(item.json.error)).toMatch(/^The Flexport customs entries listing kept changing while it was read: 4 reads of it never gave the same pages twice in a row/);
	});

	test('Return All follows `next` links when Flexport sends no total_count', async () => {
		const all = entries(150);
		nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.times(2)
			.reply(200, page(all.slice(0, 100), null, `${BASE}/customs_entries?page=2&per=100`))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.times(2)
			.reply(200, page(all.slice(100), null));
		const output = (await run({ operation: 'getAll', returnAll: true })).output(NODE);
		expect(output).toHaveLength(150);
	});

	test('the default limit of 50 asks for one page of 50 and returns 50 items', async () => {
		const scope = nock(BASE).get('/customs_entries').query({ page: '1', per: '50' }).reply(200, page(entries(50), 250));
		const output = (await run({ operation: 'getAll' })).output(NODE);
		scope.done();
		expect(output).toHaveLength(50);
	});

	test('a limit of 130 reads two pages of 100, not all three, and returns 130 items', async () => {
		const all = entries(300);
		const scope = nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.reply(200, page(all.slice(0, 100), 300))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.reply(200, page(all.slice(100, 200), 300));
		const output = (await run({ operation: 'getAll', returnAll: false, limit: 130 })).output(NODE);
		scope.done();
		expect(output.map((item) => item.json.id)).toEqual(all.slice(0, 130).map((e) => e.id));
	});

	test('the shipment filter is Flexport’s own `f.shipment.id` (server-side)', async () => {
		const scope = nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100', 'f.shipment.id': '23481' })
			.reply(200, page(entries(3), 3));
		const output = (await run({ operation: 'getAll', returnAll: true, filters: { shipmentId: ' 23481 ' } })).output(NODE);
		scope.done();
		expect(output).toHaveLength(3);
	});

	test('the release status filter is applied by the node over every page, without regard to case; "none" matches an undecided entry', async () => {
		const first = [entry('A', 'released'), entry('B', 'pending'), entry('C', null)];
		const second = [entry('D', 'customs_hold'), entry('E', 'Cleared')];
		nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.times(2)
			.reply(200, page(first, null, `${BASE}/customs_entries?page=2&per=100`))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.times(2)
			.reply(200, page(second, null));
		const output = (await run({ operation: 'getAll', returnAll: true, filters: { releaseStatuses: 'released, cleared, none' } })).output(NODE);
		expect(output.map((item) => item.json.id)).toEqual(['A', 'C', 'E']);
	});

	test('with a client-side filter the limit counts matching entries, reading pages until it is reached', async () => {
		const first = [entry('A', 'pending'), entry('B', 'released')];
		const second = [entry('C', 'pending'), entry('D', 'released')];
		const scope = nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.reply(200, page(first, null, `${BASE}/customs_entries?page=2&per=100`))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.reply(200, page(second, null, `${BASE}/customs_entries?page=3&per=100`));
		const output = (await run({ operation: 'getAll', returnAll: false, limit: 2, filters: { releaseStatuses: 'released' } })).output(NODE);
		scope.done();
		expect(output.map((item) => item.json.id)).toEqual(['B', 'D']);
	});

	test('the entry number filter ignores dashes, spaces and case (client-side)', async () => {
		const list = [entry('A', 'released', { entry_number: 'CHQ-4981387-4' }), entry('B', 'released', { entry_number: 'CHQ-4981388-2' })];
		nock(BASE).get('/customs_entries').query({ page: '1', per: '100' }).reply(200, page(list, 2));
		const output = (await run({ operation: 'getAll', returnAll: true, filters: { entryNumber: 'chq 49813874' } })).output(NODE);
		expect(output.map((item) => item.json.id)).toEqual(['A']);
	});

	test('no entries is an empty output, not an error', async () => {
		nock(BASE).get('/customs_entries').query({ page: '1', per: '50' }).reply(200, page([], 0));
		const result = await run({ operation: 'getAll' });
		expect(result.error).toBeUndefined();
		expect(result.output(NODE)).toEqual([]);
	});

	test('a page that fails stops the listing with an API error naming the page; continue on fail gives one error item for that input', async () => {
		nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.reply(200, page(entries(100), 150, `${BASE}/customs_entries?page=2&per=100`))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.reply(400, { _object: '/api/error', status: 400, code: 'invalid_pagination', message: 'Bad page' });
		const output = (await run({ operation: 'getAll', returnAll: true }, [{}], { continueOnFail: true })).output(NODE);
		expect(output).toEqual([
			{
				json: { error: 'Flexport refused the customs entries listing (page 2) (HTTP 400, invalid_pagination: Bad page)', errorDescription: 'Bad page', httpCode: '400' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a limit of 0 from an expression is refused before any request', async () => {
		const result = await run({ operation: 'getAll', returnAll: false, limit: '={{ 0 }}' });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.description).toBe('limit: must be a whole number of at least 1');
	});
});
