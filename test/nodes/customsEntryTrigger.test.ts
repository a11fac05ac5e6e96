/**
 * Customs Entry Trigger polls in n8n-core's PollContext (package loaded from dist/), Flexport
 * mocked with nock. Flexport's listing has no sort, status filter or updated-since (providers.md),
 * so each poll reads every page and compares it with a fingerprint per entry kept in workflow
 * static data; n8n saves static data only when `__dataChanged` is set.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CredentialStore, runPoll } from '../harness';

const NODE = 'Customs Entry Trigger';
const STATIC_KEY = `node:${NODE}`;
const BASE = 'https://api.flexport.com';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a planted test value, to prove it never leaks
const API_KEY = 'fx_live_key_do_not_leak_7f3a9c';

interface Entry extends IDataObject {
	id: string;
	entry_number: string | null;
	release_status: string | null;
	release_date: string | null;
	shipment: IDataObject | null;
}

function entry(id: string, releaseStatus: string | null = 'pending', shipmentId = 23481): Entry {
	return {
		_object: '/customs_entry',
		id,
		entry_number: `CHQ-${id.replace(/\D/g, '').padStart(8, '0')}`,
		release_status: releaseStatus,
		release_date: null,
		shipment: { _object: '/api/refs/object', ref_type: '/shipment', link: `${BASE}/shipments/${shipmentId}`, id: shipmentId },
	};
}

function account(count: number): Entry[] {
	return Array.from({ length: count }, (_, i) => entry(`E${String(i).padStart(5, '0')}`));
}

function page(data: IDataObject[], totalCount: number): IDataObject {
	return { _object: '/api/response', data: { _object: '/api/collections/paginated', prev: null, next: null, total_count: totalCount, data }, error: null };
}

/**
 * Mocks every page of the listing (100 per page, numbered from total_count); `fail` replaces one
 * page's answer. `reads`: how many times each page is read (a baseline over several pages reads
 * the listing twice, and takes it when both reads agree).
 */
function listing(entries: Entry[], options: { shipmentId?: string; fail?: { page: number; status: number; body: IDataObject }; reads?: number } = {}): nock.Scope {
	const scope = nock(BASE);
	const pages = Math.max(1, Math.ceil(entries.length / 100));
	for (let number = 1; number <= pages; number++) {
		const query: Record<string, string> = { page: String(number), per: '100' };
		if (options.shipmentId) query['f.shipment.id'] = options.shipmentId;
		const interceptor = scope.get('/customs_entries').query(query);
		if (options.fail?.page === number) interceptor.reply(options.fail.status, options.fail.body);
		else interceptor.times(options.reads ?? 1).reply(200, page(entries.slice((number - 1) * 100, number * 100), entries.length));
	}
	return scope;
}

function credentials(): CredentialStore {
	return new CredentialStore().set('1', 'flexportApi', { authentication: 'apiKey', apiKey: API_KEY, baseUrl: BASE, apiVersion: '2', accessToken: '' });
}

const store = credentials();

async function poll(parameters: INodeParameters, staticData: IDataObject | undefined, mode: 'trigger' | 'manual' = 'trigger') {
	return await runPoll(
		{ name: NODE, type: 'n8n-nodes-us-customs.customsEntryTrigger', parameters, credentials: { flexportApi: { id: '1', name: 'Flexport' } } },
		{ staticData, credentials: store, mode },
	);
}

async function pollFails(parameters: INodeParameters, staticData: IDataObject | undefined): Promise<Error & { description?: string }> {
	try {
		await poll(parameters, staticData);
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the poll to fail');
}

function emitted(items: INodeExecutionData[][] | null): IDataObject[] {
	return items === null ? [] : items[0].map((item) => item.json);
}

function plain(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

/** Baseline over `entries`: the static data to continue from. */
async function baseline(entries: Entry[], parameters: INodeParameters = {}): Promise<IDataObject> {
	listing(entries, { reads: entries.length > 100 ? 2 : 1 });
	const { items, staticData } = await poll(parameters, undefined);
	expect(items).toBeNull();
	return staticData;
}

afterEach(() => {
	jest.restoreAllMocks();
});

describe('Customs Entry Trigger: first activation', () => {
	test('records a baseline of every entry on every page (two reads that agree) and emits nothing, even for released entries', async () => {
		const entries = account(250);
		entries[7].release_status = 'released';
		const scope = listing(entries, { reads: 2 });
		const { items, staticData } = await poll({}, undefined);
		scope.done();
		expect(items).toBeNull();
		expect(staticData.__dataChanged).toBe(true);
		const state = (staticData[STATIC_KEY] as IDataObject).customsEntries as { entries: Record<string, string>; version: number };
		expect(state.version).toBe(1);
		expect(Object.keys(state.entries)).toHaveLength(250);
	});

	test('with "Emit Already Released Entries on Activation", the baseline emits Entry Released for entries already released or cleared', async () => {
		const entries = [entry('A', 'released'), entry('B', 'pending'), entry('C', 'cleared'), entry('D', 'customs_hold')];
		listing(entries);
		const { items } = await poll({ options: { emitExistingOnBaseline: true } }, undefined);
		expect(emitted(items).map((json) => [json.id, json.event, json.previousReleaseStatus])).toEqual([
			['A', 'released', null],
			['C', 'released', null],
		]);
	});

	test('the state costs under 64 bytes per tracked entry (about 35 with Flexport’s 22-character ids)', async () => {
		const entries = Array.from({ length: 250 }, (_, i) => entry(`gGEI8lad8W2jf4ktR2${String(i).padStart(4, '0')}`, i % 2 ? 'released' : 'pending'));
		const staticData = await baseline(entries);
		const bytes = Buffer.byteLength(JSON.stringify((staticData[STATIC_KEY] as IDataObject).customsEntries));
		expect(bytes / 250).toBeLessThan(64);
	});
});

describe('Customs Entry Trigger: a first poll over a listing that shifts (issue 12, point 2)', () => {
	test('an entry already released that a shifted page hid from one read is in the baseline: the next poll emits no release for it', async () => {
		// 150 entries; E00100 was released before activation. The head entry goes away right after
		// page 1 is served, so E00100 moves onto page 1, already read: one read alone misses it.
		const before = account(150);
		before[100] = { ...before[100], release_status: 'released' };
		const after = before.slice(1);
		const scope = nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.reply(200, page(before.slice(0, 100), 150))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.reply(200, page(after.slice(100), 149))
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.times(2)
			.reply(200, page(after.slice(0, 100), 149))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.times(2)
			.reply(200, page(after.slice(100), 149));
		const first = await poll({ events: ['released'] }, undefined);
		scope.done();
		expect(first.items).toBeNull();
		listing(after);
		expect((await poll({ events: ['released'] }, first.staticData)).items).toBeNull();
	});

	test('an entry a baseline missed, released before that baseline, is recorded without an event when it appears', async () => {
		// A state taken by an earlier version, whose baseline a shifted page made miss E00002.
		const entries = account(3);
		const staticData = await baseline(entries.slice(0, 2), { events: ['released'] });
		entries[2] = { ...entries[2], release_status: 'released', release_date: new Date(Date.now() - 3 * 3_600_000).toISOString() };
		listing(entries);
		const result = await poll({ events: ['released'] }, staticData);
		expect(result.items).toBeNull();
		expect(Object.keys(((result.staticData[STATIC_KEY] as IDataObject).customsEntries as { entries: IDataObject }).entries)).toContain('E00002');
	});
});

describe('Customs Entry Trigger: events', () => {
	test('Entry Released (default): pending to released emits the entry’s own fields plus event, previous status and date, detectedAt', async () => {
		const entries = account(150);
		let staticData = await baseline(entries);
		entries[120] = { ...entries[120], release_status: 'released', release_date: '2025-01-14' };
		listing(entries);
		({ staticData } = await poll({}, staticData).then((result) => {
			expect(emitted(result.items)).toEqual([
				{
					...entries[120],
					event: 'released',
					previousReleaseStatus: 'pending',
					previousReleaseDate: null,
					detectedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) as unknown as string,
				},
			]);
			return result;
		}));
		listing(entries);
		expect((await poll({}, staticData)).items).toBeNull();
	});

	test('Entry Released ignores a change to a status that is not a release status (customs_hold)', async () => {
		const entries = account(3);
		const staticData = await baseline(entries);
		entries[1].release_status = 'customs_hold';
		listing(entries);
		const result = await poll({}, staticData);
		expect(result.items).toBeNull();
		expect(result.staticData.__dataChanged).toBe(true);
	});

	test('the release statuses are configurable: with only "cleared", a release to "released" is no event', async () => {
		const entries = account(3);
		const parameters = { events: ['released'], releaseStatuses: 'cleared' };
		const staticData = await baseline(entries, parameters);
		entries[0].release_status = 'released';
		entries[1].release_status = 'cleared';
		listing(entries);
		expect(emitted((await poll(parameters, staticData)).items).map((json) => json.id)).toEqual(['E00001']);
	});

	test('Release Status Changed: a status change either way and a release date change alone each emit', async () => {
		const entries = [entry('A', 'released'), entry('B', 'pending'), { ...entry('C', 'released'), release_date: '2025-01-14' }];
		const parameters = { events: ['statusChanged'] };
		const staticData = await baseline(entries, parameters);
		entries[0].release_status = 'customs_hold';
		entries[1].release_status = 'cleared';
		entries[2].release_date = '2025-01-15';
		listing(entries);
		expect(emitted((await poll(parameters, staticData)).items).map((json) => [json.id, json.event, json.previousReleaseStatus, json.previousReleaseDate])).toEqual([
			['A', 'statusChanged', 'released', null],
			['B', 'statusChanged', 'pending', null],
			['C', 'statusChanged', 'released', '2025-01-14'],
		]);
	});

	test('Release Status Changed: the same date in another format is no change', async () => {
		const entries = [{ ...entry('A', 'released'), release_date: '2025-01-14T09:30:00Z' }];
		const parameters = { events: ['statusChanged'] };
		const staticData = await baseline(entries, parameters);
		entries[0].release_date = '2025-01-14T10:30:00+01:00';
		listing(entries);
		expect((await poll(parameters, staticData)).items).toBeNull();
	});

	test('New Entry: an entry not seen before emits with null previous values', async () => {
		const entries = account(2);
		const parameters = { events: ['newEntry'] };
		const staticData = await baseline(entries, parameters);
		listing([...entries, entry('NEW1', null)]);
		expect(emitted((await poll(parameters, staticData)).items).map((json) => [json.id, json.event, json.previousReleaseStatus, json.previousReleaseDate])).toEqual([
			['NEW1', 'newEntry', null, null],
		]);
	});

	test('a new entry that arrives already released is Entry Released when both events are watched', async () => {
		const entries = account(2);
		const parameters = { events: ['released', 'newEntry'] };
		const staticData = await baseline(entries, parameters);
		listing([...entries, entry('NEW1', 'cleared')]);
		expect(emitted((await poll(parameters, staticData)).items).map((json) => [json.id, json.event])).toEqual([['NEW1', 'released']]);
	});

	test('the shipment filter lists each shipment with Flexport’s f.shipment.id and watches only those entries', async () => {
		const parameters = { events: ['statusChanged'], options: { shipmentIds: '23481, 23458' } };
		const first = [entry('A', 'pending', 23481)];
		const second = [entry('B', 'pending', 23458)];
		listing(second, { shipmentId: '23458' });
		listing(first, { shipmentId: '23481' });
		const { staticData } = await poll(parameters, undefined);
		second[0].release_status = 'cleared';
		listing(second, { shipmentId: '23458' });
		listing(first, { shipmentId: '23481' });
		expect(emitted((await poll(parameters, staticData)).items).map((json) => json.id)).toEqual(['B']);
	});
});

describe('Customs Entry Trigger: state', () => {
	test('unchanged data does not rewrite static data, so n8n has nothing to save', async () => {
		const entries = account(120);
		const staticData = await baseline(entries);
		const before = plain(staticData);
		listing(entries);
		const result = await poll({}, staticData);
		expect(result.items).toBeNull();
		expect(result.staticData.__dataChanged).toBe(false);
		expect(plain(result.staticData)).toEqual(before);
	});

	test('a page that fails mid-scan emits nothing and leaves static data unchanged; the next poll emits the change once', async () => {
		const entries = account(250);
		let staticData = await baseline(entries);
		const before = plain(staticData);
		entries[10].release_status = 'released';
		entries[230].release_status = 'cleared';
		listing(entries, { fail: { page: 2, status: 400, body: { _object: '/api/error', status: 400, code: 'invalid_pagination', message: 'Bad page' } } });
		const error = await pollFails({}, staticData);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Flexport refused the customs entries listing (page 2) (HTTP 400, invalid_pagination: Bad page)');
		expect(plain(staticData)).toEqual(before);
		expect(staticData.__dataChanged).toBe(false);

		listing(entries);
		const next = await poll({}, staticData);
		expect(emitted(next.items).map((json) => [json.id, json.event])).toEqual([
			['E00010', 'released'],
			['E00230', 'released'],
		]);
		staticData = next.staticData;
		listing(entries);
		expect((await poll({}, staticData)).items).toBeNull();
	});

	test('a 500 that persists on one page fails the poll after retries, without advancing the state', async () => {
		const entries = account(150);
		const staticData = await baseline(entries);
		const before = plain(staticData);
		entries[140].release_status = 'released';
		const scope = nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.reply(200, page(entries.slice(0, 100), 150))
			.get('/customs_entries')
			.query({ page: '2', per: '100' })
			.times(4)
			.reply(500, { _object: '/api/error', status: 500, code: 'internal', message: 'Oops' });
		const error = await pollFails({}, staticData);
		scope.done();
		expect(error.message).toBe('Flexport refused the customs entries listing (page 2) (HTTP 500, internal: Oops)');
		expect(plain(staticData)).toEqual(before);
	});

	test('the poll stays within n8n’s poll budget (getPollBudgetMs, 5 min in n8n-core): past it the poll fails and keeps the state', async () => {
		const entries = account(250);
		const staticData = await baseline(entries);
		const before = plain(staticData);
		let clock = Date.UTC(2025, 0, 15, 12, 0, 0);
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		nock(BASE)
			.get('/customs_entries')
			.query({ page: '1', per: '100' })
			.reply(() => {
				clock += 6 * 60_000;
				return [200, page(entries.slice(0, 100), 250)];
			});
		const error = await pollFails({}, staticData);
		expect(error.message).toMatch(/^The poll budget of 270000 ms ran out after 1 page of the Flexport customs entries listing; nothing was emitted/);
		expect(plain(staticData)).toEqual(before);
	});

	test('an entry missing from the listing is forgotten after the retention window, and counts as new if it returns', async () => {
		let clock = Date.UTC(2025, 0, 15, 12, 0, 0);
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		const parameters = { events: ['newEntry'], options: { retentionDays: 7 } };
		const entries = account(3);
		let staticData = await baseline(entries, parameters);
		const tracked = () => Object.keys(((staticData[STATIC_KEY] as IDataObject).customsEntries as { entries: IDataObject }).entries).sort();

		listing(entries.slice(0, 2));
		({ staticData } = await poll(parameters, staticData));
		expect(tracked()).toEqual(['E00000', 'E00001', 'E00002']);

		clock += 7 * 86_400_000;
		listing(entries.slice(0, 2));
		({ staticData } = await poll(parameters, staticData));
		expect(tracked()).toEqual(['E00000', 'E00001']);

		listing(entries);
		expect(emitted((await poll(parameters, staticData)).items).map((json) => json.id)).toEqual(['E00002']);
	});

	test('an entry missing for less than the retention window is no event when it comes back unchanged', async () => {
		const entries = account(3);
		const parameters = { events: ['newEntry', 'statusChanged'] };
		let staticData = await baseline(entries, parameters);
		listing(entries.slice(1));
		({ staticData } = await poll(parameters, staticData));
		listing(entries);
		expect((await poll(parameters, staticData)).items).toBeNull();
	});
});

describe('Customs Entry Trigger: manual test run', () => {
	test('returns a sample of 5 entries shaped like events, reading one page of 5, and leaves the state untouched', async () => {
		const entries = account(150);
		const staticData = await baseline(entries);
		const before = plain(staticData);
		const scope = nock(BASE).get('/customs_entries').query({ page: '1', per: '5' }).reply(200, page(entries.slice(0, 5), 150));
		const result = await poll({}, staticData, 'manual');
		scope.done();
		expect(emitted(result.items).map((json) => [json.id, json.event, json.previousReleaseStatus])).toEqual(
			entries.slice(0, 5).map((e) => [e.id, 'released', null]),
		);
		expect(result.staticData.__dataChanged).toBe(false);
		expect(plain(result.staticData)).toEqual(before);
	});

	test('before any activation it returns a sample and creates no state', async () => {
		nock(BASE).get('/customs_entries').query({ page: '1', per: '5' }).reply(200, page(account(2), 2));
		const result = await poll({ events: ['newEntry'] }, undefined, 'manual');
		expect(emitted(result.items).map((json) => json.event)).toEqual(['newEntry', 'newEntry']);
		expect(plain(result.staticData)).toEqual({});
	});
});

describe('Customs Entry Trigger: settings and secrets', () => {
	test('Entry Released with no release status is refused before any request, naming the setting', async () => {
		const error = await pollFails({ events: ['released'], releaseStatuses: ' , ' }, undefined);
		expect(error.name).toBe('NodeOperationError');
		expect(error.description).toBe('releaseStatuses: name at least one release status');
	});

	test('release statuses are compared without regard to case, as in Get Many’s filter', async () => {
		const entries = account(2);
		const parameters = { events: ['released'], releaseStatuses: 'Released, CLEARED' };
		const staticData = await baseline(entries, parameters);
		entries[0].release_status = 'released';
		entries[1].release_status = 'cleared';
		listing(entries);
		expect(emitted((await poll(parameters, staticData)).items).map((json) => json.id)).toEqual(['E00000', 'E00001']);
	});

	test('"none" (CBP has not decided yet) is refused as a release status, naming the setting', async () => {
		const error = await pollFails({ events: ['released'], releaseStatuses: 'released, none' }, undefined);
		expect(error.name).toBe('NodeOperationError');
		expect(error.description).toBe('releaseStatuses: "none" (CBP has not decided yet) cannot count as released');
	});

	test('the API key appears in no output and no error', async () => {
		const entries = account(2);
		const staticData = await baseline(entries);
		entries[0].release_status = 'released';
		listing(entries);
		const { items, staticData: after } = await poll({}, staticData);
		nock(BASE).get('/customs_entries').query({ page: '1', per: '100' }).twice().reply(401, { _object: '/api/error', status: 401, code: 'unauthorized', message: 'Bad key' });
		const error = await pollFails({}, after);
		const text = JSON.stringify({ items, after: plain(after), message: error.message, description: error.description });
		expect(text).not.toContain(API_KEY);
		expect(error.message).toBe('Flexport refused the customs entries listing (page 1) (HTTP 401, unauthorized: Bad key)');
	});
});
