import { startSandbox, type Sandbox } from '../../sandbox';
import { basic, json, postJson, simpleFiling } from './support';

// Seed 001 (EasyPost Enterprise AES). The response shape is the sandbox's guess: the real one is unpublished.
describe('sandbox: EasyPost AES filing (POST /easypost-aes/api/AesItrItn)', () => {
	let sandbox: Sandbox;
	let fileUrl: string;
	let auth: Record<string, string>;

	beforeEach(async () => {
		sandbox = await startSandbox({ seed: 3, clock: () => Date.parse('2026-11-21T10:00:00Z') });
		fileUrl = `${sandbox.urls.easyPostAes}/api/AesItrItn`;
		auth = { authorization: basic(sandbox.keys.easyPostApiKey) };
	});
	afterEach(() => sandbox.close());

	const file = (body: unknown) => postJson(fileUrl, body, auth);
	const messagesOf = async (response: Response) => ((await json(response)) as { Messages: { Field: string; Message: string }[] }).Messages;

	it('accepts the seed 001 simple filing and returns an ITN of X, the filing date and 6 digits', async () => {
		const response = await file(simpleFiling());
		expect(response.status).toBe(200);
		const body = await json(response);
		expect(body).toMatchObject({ Status: 'Accepted', TransactionType: 'add', EeiTransactionNumber: 'GloballyUniqueNo1', Messages: [] });
		expect(body.Itn).toMatch(/^X20261121\d{6}$/);
	});

	it('gives each accepted filing its own ITN', async () => {
		const first = await json(await file(simpleFiling('ORDER1')));
		const second = await json(await file(simpleFiling('ORDER2')));
		expect(first.Itn).not.toBe(second.Itn);
	});

	it('accepts the second example spelling PortOfExport for the port of export', async () => {
		const filing = simpleFiling();
		filing.Delivery.International = { PortOfExport: '2095', EeiTransactionNumber: 'GloballyUniqueNo1' };
		expect((await file(filing)).status).toBe(200);
	});

	it('refuses a request without Basic auth with 401 and the EasyPost error object', async () => {
		const response = await postJson(fileUrl, simpleFiling());
		expect(response.status).toBe(401);
		expect((await json(response)).error).toMatchObject({ code: 'APIKEY.REQUIRED' });
	});

	it('refuses an unknown API key with 401', async () => {
		const response = await postJson(fileUrl, simpleFiling(), { authorization: basic('EZAKnotakey') });
		expect(response.status).toBe(401);
		expect((await json(response)).error.code).toBe('APIKEY.INVALID');
	});

	it('refuses a test API key with 403: seed 001 requires a production key even for test filings', async () => {
		const response = await postJson(fileUrl, simpleFiling(), { authorization: basic(sandbox.keys.easyPostTestKey) });
		expect(response.status).toBe(403);
	});

	it('rejects a port of export that is not four digits, naming the field', async () => {
		const filing = simpleFiling();
		filing.Delivery.International.PortOfExportCode = '209';
		const response = await file(filing);
		expect(response.status).toBe(400);
		expect(await messagesOf(response)).toEqual([
			expect.objectContaining({ Field: 'Delivery.International.PortOfExportCode' }),
		]);
	});

	it('rejects a four-digit port of export that is not in Schedule D', async () => {
		const filing = simpleFiling();
		filing.Delivery.International.PortOfExportCode = '0000';
		expect(await messagesOf(await file(filing))).toEqual([
			expect.objectContaining({ Field: 'Delivery.International.PortOfExportCode', Message: expect.stringContaining('Schedule D') }),
		]);
	});

	it('rejects a filing without Items', async () => {
		const filing = simpleFiling();
		delete filing.Delivery.Items;
		expect(await messagesOf(await file(filing))).toEqual([expect.objectContaining({ Field: 'Delivery.Items' })]);
	});

	it('rejects a line without HarmonizedCode, naming the line', async () => {
		const filing = simpleFiling();
		delete filing.Delivery.Items[0].HarmonizedCode;
		expect(await messagesOf(await file(filing))).toEqual([expect.objectContaining({ Field: 'Delivery.Items[0].HarmonizedCode' })]);
	});

	it('rejects a filing without ShipTo (the consignee)', async () => {
		const filing = simpleFiling();
		delete filing.Delivery.ShipTo;
		expect(await messagesOf(await file(filing))).toEqual([expect.objectContaining({ Field: 'Delivery.ShipTo' })]);
	});

	it('rejects a filing without Shipper (the USPPI)', async () => {
		const filing = simpleFiling();
		delete filing.Delivery.Shipper;
		expect(await messagesOf(await file(filing))).toEqual([expect.objectContaining({ Field: 'Delivery.Shipper' })]);
	});

	it('rejects a filing without EeiTransactionNumber', async () => {
		const filing = simpleFiling();
		delete filing.Delivery.International.EeiTransactionNumber;
		expect(await messagesOf(await file(filing))).toEqual([
			expect.objectContaining({ Field: 'Delivery.International.EeiTransactionNumber' }),
		]);
	});

	it('lists every problem of a rejected filing at once', async () => {
		const filing = simpleFiling();
		delete filing.Delivery.ShipTo;
		filing.Delivery.Items[0].HarmonizedCode = '6910';
		expect((await messagesOf(await file(filing))).map((m) => m.Field)).toEqual([
			'Delivery.ShipTo',
			'Delivery.Items[0].HarmonizedCode',
		]);
	});

	it('rejects an add that reuses a transaction number: it must be unique for ever (seed 001)', async () => {
		await file(simpleFiling('ORDER7'));
		const again = await file(simpleFiling('ORDER7'));
		expect(again.status).toBe(400);
		expect(await messagesOf(again)).toEqual([
			expect.objectContaining({ Field: 'Delivery.International.EeiTransactionNumber', Message: expect.stringContaining('already used') }),
		]);
	});

	it('counts accepted and received filings per transaction number, so a duplicate filing is visible', async () => {
		await file(simpleFiling('ORDER7'));
		await file(simpleFiling('ORDER7'));
		expect(sandbox.state.aes.accepted).toEqual({ ORDER7: 1 });
		expect(sandbox.state.aes.received).toEqual({ ORDER7: 2 });
		expect(sandbox.state.aes.rejected).toEqual({ ORDER7: 1 });
	});

	it('accepts a replace of a filed transaction and keeps its ITN', async () => {
		const added = await json(await file(simpleFiling('ORDER8')));
		const replaced = await file(simpleFiling('ORDER8', 'replace'));
		expect(replaced.status).toBe(200);
		expect((await json(replaced)).Itn).toBe(added.Itn);
	});

	it('rejects a replace of an unknown transaction number', async () => {
		const response = await file(simpleFiling('NEVERFILED', 'replace'));
		expect(response.status).toBe(400);
		expect((await messagesOf(response))[0].Message).toContain('no filing');
	});

	it('voids a filed transaction with only its transaction number', async () => {
		await file(simpleFiling('ORDER9'));
		const response = await file({ TransactionType: 'void', Delivery: { International: { EeiTransactionNumber: 'ORDER9' } } });
		expect(response.status).toBe(200);
		expect(sandbox.state.aes.filings.ORDER9.status).toBe('voided');
	});

	it('rejects a void of an unknown transaction number', async () => {
		const response = await file({ TransactionType: 'void', Delivery: { International: { EeiTransactionNumber: 'NOPE' } } });
		expect(response.status).toBe(400);
	});

	it('rejects a replace after a void', async () => {
		await file(simpleFiling('ORDER10'));
		await file(simpleFiling('ORDER10', 'void'));
		expect((await file(simpleFiling('ORDER10', 'replace'))).status).toBe(400);
	});

	it('rejects a transaction type other than add, replace or void', async () => {
		expect(await messagesOf(await file(simpleFiling('ORDER11', 'cancel')))).toEqual([
			expect.objectContaining({ Field: 'TransactionType' }),
		]);
	});

	it('rejects a body that is not JSON', async () => {
		const response = await postJson(fileUrl, 'not json', auth);
		expect(response.status).toBe(400);
		expect((await json(response)).Status).toBe('Rejected');
	});
});

describe('sandbox: EasyPost core API credential test (GET /easypost-api/v2/addresses)', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(() => sandbox.close());

	it('answers a valid key with an empty address list', async () => {
		const response = await fetch(`${sandbox.urls.easyPostApi}/v2/addresses?page_size=1`, {
			headers: { authorization: basic(sandbox.keys.easyPostApiKey) },
		});
		expect(response.status).toBe(200);
		expect(await json(response)).toEqual({ addresses: [], has_more: false });
	});

	it('accepts a test key, as the core API does', async () => {
		const response = await fetch(`${sandbox.urls.easyPostApi}/v2/addresses`, {
			headers: { authorization: basic(sandbox.keys.easyPostTestKey) },
		});
		expect(response.status).toBe(200);
	});

	it('refuses a bad key with 401 and {"error":{code,message}}', async () => {
		const response = await fetch(`${sandbox.urls.easyPostApi}/v2/addresses`, { headers: { authorization: basic('wrong') } });
		expect(response.status).toBe(401);
		expect(await json(response)).toEqual({ error: { code: 'APIKEY.INVALID', message: expect.any(String), errors: [] } });
	});
});
