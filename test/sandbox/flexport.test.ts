import { startSandbox, type Sandbox } from '../../sandbox';
import { json, postJson, type Json } from './support';

const START = Date.parse('2026-11-21T10:00:00Z');
const MINUTE = 60_000;

// Seed 004 (Flexport customs entries) and providers.md (envelope, errors, OAuth token limits).
describe('sandbox: Flexport customs entries (/flexport)', () => {
	let sandbox: Sandbox;
	let bearer: Record<string, string>;

	beforeEach(async () => {
		sandbox = await startSandbox({ seed: 11, clock: () => START });
		bearer = { authorization: `Bearer ${sandbox.keys.flexportApiKey}`, 'flexport-version': '2' };
	});
	afterEach(() => sandbox.close());

	const get = async (pathAndQuery: string, headers = bearer) => {
		const response = await fetch(`${sandbox.urls.flexport}${pathAndQuery}`, { headers });
		return { status: response.status, headers: response.headers, body: await json(response) };
	};

	describe('listing', () => {
		it('starts with the 14 entries of the seed 004 example, in the paginated envelope', async () => {
			const { status, body } = await get('/customs_entries?page=1&per=10');
			expect(status).toBe(200);
			expect(body).toMatchObject({ _object: '/api/response', version: 2, error: null });
			expect(body.data).toMatchObject({ _object: '/api/collections/paginated', prev: null, total_count: 14 });
			expect(body.data.data).toHaveLength(10);
		});

		it('writes next and prev as absolute URLs on the sandbox origin', async () => {
			const first = await get('/customs_entries?page=1&per=10');
			expect(first.body.data.next).toBe(`${sandbox.urls.flexport}/customs_entries?page=2&per=10`);
			const second = await get('/customs_entries?page=2&per=10');
			expect(second.body.data.prev).toBe(`${sandbox.urls.flexport}/customs_entries?page=1&per=10`);
			expect(second.body.data.next).toBeNull();
			expect(second.body.data.data).toHaveLength(4);
		});

		it('walks every entry exactly once by following next links', async () => {
			const ids: string[] = [];
			let next: string | null = `${sandbox.urls.flexport}/customs_entries?per=3`;
			while (next) {
				const page: Json = await json(await fetch(next, { headers: bearer }));
				ids.push(...page.data.data.map((entry: Json) => entry.id));
				next = page.data.next;
			}
			expect(ids).toHaveLength(14);
			expect(new Set(ids).size).toBe(14);
		});

		it('puts the request URL in self', async () => {
			const { body } = await get('/customs_entries?page=1&per=5');
			expect(body.self).toBe(`${sandbox.urls.flexport}/customs_entries?page=1&per=5`);
		});

		it('gives entries 22-character url-safe ids, entry numbers and shipment refs', async () => {
			const { body } = await get('/customs_entries?per=100');
			for (const entry of body.data.data) {
				expect(entry).toMatchObject({
					_object: '/customs_entry',
					id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
					entry_number: expect.any(String),
					shipment: { _object: '/api/refs/object', ref_type: '/shipment', id: expect.any(Number) },
				});
			}
		});

		it('accepts per=100 and refuses per=101 with invalid_pagination', async () => {
			expect((await get('/customs_entries?per=100')).status).toBe(200);
			const refused = await get('/customs_entries?per=101');
			expect(refused.status).toBe(400);
			expect(refused.body.error).toEqual({ _object: '/api/error', status: 400, code: 'invalid_pagination', message: expect.any(String) });
		});

		it('refuses per=0 and page=0 with invalid_pagination', async () => {
			expect((await get('/customs_entries?per=0')).body.error.code).toBe('invalid_pagination');
			expect((await get('/customs_entries?page=0')).body.error.code).toBe('invalid_pagination');
		});

		it('filters by f.shipment.id', async () => {
			const entry = sandbox.control.addEntry({ shipmentId: 123456 });
			const { body } = await get('/customs_entries?f.shipment.id=123456');
			expect(body.data.total_count).toBe(1);
			expect(body.data.data[0].id).toBe(entry.id);
		});

		it('keeps the shipment filter in next links', async () => {
			sandbox.control.addEntry({ shipmentId: 7 });
			sandbox.control.addEntry({ shipmentId: 7 });
			const { body } = await get('/customs_entries?f.shipment.id=7&per=1');
			expect(body.data.next).toBe(`${sandbox.urls.flexport}/customs_entries?f.shipment.id=7&per=1&page=2`);
		});

		it('draws the same entries from the same seed', async () => {
			const other = await startSandbox({ seed: 11, clock: () => START });
			try {
				expect(other.control.entries()).toEqual(
					sandbox.control.entries().map((e: Json) => ({ ...e, shipment: { ...e.shipment, link: e.shipment.link.replace(sandbox.url, other.url) } })),
				);
			} finally {
				await other.close();
			}
		});
	});

	describe('one entry', () => {
		it('returns an entry by id in the envelope', async () => {
			const entry = sandbox.control.addEntry({ entryNumber: 'CHQ-49813874' });
			const { status, body } = await get(`/customs_entries/${entry.id}`);
			expect(status).toBe(200);
			expect(body.data).toMatchObject({ id: entry.id, entry_number: 'CHQ-49813874' });
		});

		it('answers an unknown id with 404 and the /api/error object', async () => {
			const { status, body } = await get('/customs_entries/doesNotExist0000000000');
			expect(status).toBe(404);
			expect(body).toMatchObject({ _object: '/api/response', data: null, error: { _object: '/api/error', status: 404, code: 'not_found' } });
		});
	});

	describe('status over time', () => {
		it('moves a new entry from null to pending to a decision as the clock passes', async () => {
			const entry = sandbox.control.addEntry();
			const seen = [entry.release_status];
			for (let minute = 0; minute < 120; minute++) {
				sandbox.control.advanceTime(MINUTE);
				const status = (sandbox.control.entry(entry.id as string) as Json).release_status;
				if (status !== seen[seen.length - 1]) seen.push(status);
			}
			expect(seen[0]).toBeNull();
			expect(seen[1]).toBe('pending');
			expect(['released', 'cleared', 'customs_hold']).toContain(seen[2]);
			expect(seen[seen.length - 1]).toMatch(/^(released|cleared)$/);
		});

		it('sets release_date when an entry is released', async () => {
			const entry = sandbox.control.addEntry({ releaseStatus: 'pending', progress: false });
			expect(entry.release_date).toBeNull();
			sandbox.control.advanceTime(MINUTE);
			const released = sandbox.control.setStatus(entry.id as string, 'released');
			expect(released).toMatchObject({ release_status: 'released', release_date: new Date(START + MINUTE).toISOString() });
		});

		it('shows a status set on request in the API, and holds it there', async () => {
			const entry = sandbox.control.addEntry();
			sandbox.control.setStatus(entry.id as string, 'customs_hold');
			sandbox.control.advanceTime(24 * 60 * MINUTE);
			expect((await get(`/customs_entries/${entry.id}`)).body.data.release_status).toBe('customs_hold');
		});

		it('keeps an entry added with progress false at its status', async () => {
			const entry = sandbox.control.addEntry({ releaseStatus: null, progress: false });
			sandbox.control.advanceTime(24 * 60 * MINUTE);
			expect((sandbox.control.entry(entry.id as string) as Json).release_status).toBeNull();
		});

		it('throws when asked to set the status of an unknown entry', () => {
			expect(() => sandbox.control.setStatus('nope', 'released')).toThrow(/No customs entry/);
		});
	});

	describe('authentication', () => {
		const tokenBody = (overrides: Record<string, unknown> = {}) => ({
			client_id: sandbox.keys.flexportClientId,
			client_secret: sandbox.keys.flexportClientSecret,
			audience: 'https://api.flexport.com',
			grant_type: 'client_credentials',
			...overrides,
		});
		const requestToken = (overrides: Record<string, unknown> = {}) => postJson(`${sandbox.urls.flexport}/oauth/token`, tokenBody(overrides));

		it('refuses a request without a bearer token with 401 in the envelope', async () => {
			const { status, body } = await get('/customs_entries', {} as Record<string, string>);
			expect(status).toBe(401);
			expect(body.error).toMatchObject({ _object: '/api/error', status: 401 });
		});

		it('refuses a wrong bearer token with 401', async () => {
			expect((await get('/customs_entries', { authorization: 'Bearer wrong' })).status).toBe(401);
		});

		it('issues a JWT-like bearer token valid for 24 hours for client credentials', async () => {
			const response = await requestToken();
			expect(response.status).toBe(200);
			const body = await json(response);
			expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 86400 });
			expect(body.access_token.split('.')).toHaveLength(3);
		});

		it('accepts an issued token as bearer', async () => {
			const { access_token } = await json(await requestToken());
			expect((await get('/customs_entries', { authorization: `Bearer ${access_token}` })).status).toBe(200);
		});

		it('refuses an issued token after 24 hours', async () => {
			const { access_token } = await json(await requestToken());
			sandbox.control.advanceTime(24 * 60 * MINUTE + 1);
			expect((await get('/customs_entries', { authorization: `Bearer ${access_token}` })).status).toBe(401);
		});

		it('refuses issued tokens after control.expireTokens, and still accepts the API key', async () => {
			const { access_token } = await json(await requestToken());
			sandbox.control.expireTokens();
			expect((await get('/customs_entries', { authorization: `Bearer ${access_token}` })).status).toBe(401);
			expect((await get('/customs_entries')).status).toBe(200);
		});

		it('refuses a wrong client secret with 401', async () => {
			expect((await requestToken({ client_secret: 'wrong' })).status).toBe(401);
		});

		it('refuses another audience', async () => {
			expect((await requestToken({ audience: 'https://example.com' })).status).toBe(403);
		});

		it('refuses a grant type other than client_credentials', async () => {
			expect((await requestToken({ grant_type: 'password' })).status).toBe(400);
		});

		it('counts every token request, refused ones included', async () => {
			await requestToken();
			await requestToken({ client_secret: 'wrong' });
			expect(sandbox.state.flexport.tokenRequests).toBe(2);
			expect(sandbox.state.flexport.tokensIssued).toBe(1);
		});

		it('answers the 11th token request of a day with 429 and Retry-After (10 a day)', async () => {
			for (let i = 0; i < 10; i++) expect((await requestToken()).status).toBe(200);
			const eleventh = await requestToken();
			expect(eleventh.status).toBe(429);
			expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
		});

		it('issues tokens again a day later', async () => {
			for (let i = 0; i < 10; i++) await requestToken();
			sandbox.control.advanceTime(24 * 60 * MINUTE + 1);
			expect((await requestToken()).status).toBe(200);
		});

		it('records the Flexport-Version header of each entry request', async () => {
			await get('/customs_entries');
			expect(sandbox.state.flexport.versionHeaders).toEqual(['2']);
		});
	});
});
