/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * File EEI in the real n8n engine (package loaded from dist/), HTTP mocked with nock: the
 * EasyPost AES method (seed 001) with every error class and the never-twice retry policy, and
 * the Shipium method (seed 003).
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import canonicalShipment from '../fixtures/easypost/canonical-shipment.json';
import simpleFiling from '../fixtures/easypost/simple-filing.json';
import carrierLabelRequest from '../fixtures/shipium/label-request-carrier-eei.json';
import { CredentialStore, runWorkflow, singleNodeWorkflow } from '../harness';

const NODE = 'File EEI';
const AES = 'https://aes.easypost.test';
const PATH = '/api/AesItrItn';
const SHIPIUM = 'https://api.shipium.test';
const LABEL_PATH = '/api/v1/shipment/carrierselection/label';
// Recognisable keys: redaction tests look for them (and their Basic-auth base64) everywhere.
const EASYPOST_PROBE = 'EZAKredactionprobe0123456789abcdef';
const SHIPIUM_PROBE = 'shipiumredactionprobe0123456789';
const ITN = 'X20261121123456';

function credentials(): CredentialStore {
	return new CredentialStore()
		.set('1', 'easyPostApi', { apiKey: EASYPOST_PROBE, aesBaseUrl: AES, apiBaseUrl: 'https://api.easypost.test' })
		.set('2', 'shipiumApi', { apiKey: SHIPIUM_PROBE, baseUrl: SHIPIUM });
}

async function fileEei(items: IDataObject[], parameters: INodeParameters = {}, continueOnFail = false) {
	const workflow = singleNodeWorkflow(
		{
			name: NODE,
			type: 'n8n-nodes-us-customs.fileEei',
			parameters,
			credentials: { easyPostApi: { id: '1', name: 'EasyPost' }, shipiumApi: { id: '2', name: 'Shipium' } },
			...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
		items,
	);
	return await runWorkflow(workflow, { credentials: credentials() });
}

/** The simple filing of seed 001, under its own transaction number unless told otherwise. */
function filing(number: string | null = 'GloballyUniqueNo1', reference = 'ABC123'): IDataObject {
	const copy = structuredClone(simpleFiling) as { Delivery: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
	copy.Delivery.Reference = reference;
	if (number === null) delete copy.Delivery.International.EeiTransactionNumber;
	else copy.Delivery.International.EeiTransactionNumber = number;
	return copy as IDataObject;
}

type Body = { Delivery: { International: { EeiTransactionNumber: string }; [k: string]: unknown }; TransactionType: string; Environment: string };

/** An AES mock that records every request body and counts requests, however many arrive. */
function aesMock(reply: (body: Body, count: number) => [number, unknown, Record<string, string>?]) {
	const bodies: Body[] = [];
	const scope = nock(AES)
		.persist()
		.post(PATH)
		.reply((_uri, body) => {
			bodies.push(body as Body);
			return reply(body as Body, bodies.length);
		});
	return { scope, bodies };
}

/** Counts requests that reach the mock, including those that fail with a transport error. */
function countRequests(scope: nock.Scope): { count: number } {
	const counter = { count: 0 };
	scope.on('request', () => counter.count++);
	return counter;
}

function errorText(error: unknown): string {
	const e = error as { message?: string; description?: string };
	return `${e?.message ?? ''}\n${e?.description ?? ''}\n${JSON.stringify(error)}`;
}

function base64(text: string): string {
	return Buffer.from(text).toString('base64');
}

describe('File EEI with EasyPost AES: an accepted filing (seed 001)', () => {
	test("files the item's Delivery and adds aes with the ITN and the proof of filing citation to the item", async () => {
		nock(AES).post(PATH).basicAuth({ user: EASYPOST_PROBE, pass: '' }).reply(200, { Itn: ITN, Messages: ['Accepted'] });
		const result = await fileEei([{ orderId: 'SO-1', ...filing() }]);
		const [item] = result.output(NODE);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ orderId: 'SO-1', Delivery: filing().Delivery as IDataObject });
		expect(item.json.aes).toMatchObject({
			status: 'accepted',
			itn: ITN,
			proofOfFilingCitation: `AES ${ITN}`,
			transactionNumber: 'GloballyUniqueNo1',
			transactionType: 'add',
			environment: 'test',
			messages: ['Accepted'],
			response: { Itn: ITN, Messages: ['Accepted'] },
		});
	});

	test('sends an add to the test environment by default', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		await fileEei([filing()]);
		expect(bodies[0]).toMatchObject({ TransactionType: 'add', Environment: 'test' });
	});

	test('sends a replace to production when chosen, under the original transaction number', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		const [item] = (await fileEei([filing()], { environment: 'production', transactionType: 'replace' })).output(NODE);
		expect(bodies[0]).toMatchObject({ TransactionType: 'replace', Environment: 'production' });
		expect(bodies[0].Delivery.International.EeiTransactionNumber).toBe('GloballyUniqueNo1');
		expect(item.json.aes).toMatchObject({ transactionType: 'replace', environment: 'production' });
	});

	test('files a request given as a JSON parameter, evaluated per item', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		const [item] = (await fileEei([{ order: filing('FROMJSON1') }], { payloadSource: 'json', requestJson: '={{ $json.order }}' })).output(NODE);
		expect(bodies[0].Delivery.International.EeiTransactionNumber).toBe('FROMJSON1');
		expect(item.json.aes).toMatchObject({ transactionNumber: 'FROMJSON1', itn: ITN });
	});

	test('builds the Delivery from a canonical shipment plus port of export, carrier and USPPI tax id', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		const parameters: INodeParameters = {
			payloadSource: 'shipment',
			portOfExport: '2095',
			conveyanceCode: 'FX',
			usppiTaxId: '88-7654321',
			transactionNumber: 'BUILT1',
			filingDetails: { lineDetails: '[{ "unitWeight": { "Amount": 22.5, "Unit": "LBS" } }]', quantityUnitOfMeasure: 'EA', reference: 'SO-1001' },
		};
		const result = await fileEei([canonicalShipment as IDataObject], parameters);
		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE);
		expect(bodies[0].Delivery).toMatchObject({
			Reference: 'SO-1001',
			Shipper: { Company: 'Needful Things, Inc.', Subdivision: 'IL', Country: 'US', Payor: { TaxIds: [{ Number: '88-7654321', TaxIdType: 'E' }] } },
			ShipTo: { Company: 'Boutique Formule 1', Country: 'MC' },
			International: { PortOfExportCode: '2095', EeiTransactionNumber: 'BUILT1' },
			ShippingOptions: { ConveyanceCode: 'FX' },
			Items: [{ HarmonizedCode: '6910100010', PackQuantity: 10, QuantityUnitOfMeasure: 'EA', UnitValue: { Amount: 251, Currency: 'USD' } }],
		});
		// The Delivery as filed is kept with the result: AES keeps no line-item history (seed 001).
		expect((item.json.aes as IDataObject).delivery).toEqual(bodies[0].Delivery);
	});

	test('a shipment that lacks what AES needs is refused before anything is sent, naming the fields', async () => {
		const result = await fileEei([canonicalShipment as IDataObject], { payloadSource: 'shipment', portOfExport: '2095', conveyanceCode: 'FX', transactionNumber: 'BUILT2' });
		expect(result.error?.message).toMatch(/Item 0/);
		expect(result.error?.message).toMatch(/Delivery\.Items\[0\]\.UnitWeight/);
	});
});

describe('File EEI: transaction numbers', () => {
	test('without a number, one is derived from the Reference and is the same when the item is run again', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		await fileEei([filing(null, 'SO-77')]);
		await fileEei([filing(null, 'SO-77')]);
		const [first, second] = bodies.map((body) => body.Delivery.International.EeiTransactionNumber);
		expect(first).toMatch(/^[A-Z0-9]{17}$/);
		expect(second).toBe(first);
	});

	test('a different seed gives a different number for the same Delivery', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		await fileEei([filing(null)], { aesOptions: { transactionNumberSeed: 'order-1' } });
		await fileEei([filing(null)], { aesOptions: { transactionNumberSeed: 'order-2' } });
		expect(bodies[0].Delivery.International.EeiTransactionNumber).not.toBe(bodies[1].Delivery.International.EeiTransactionNumber);
	});

	test('the prefix starts every derived number', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		await fileEei([filing(null)], { aesOptions: { transactionNumberPrefix: 'N8N' } });
		expect(bodies[0].Delivery.International.EeiTransactionNumber).toMatch(/^N8N[A-Z0-9]{14}$/);
	});

	test('with no number, no Reference and no seed, nothing is sent and the error says how to give one', async () => {
		const noReference = filing(null);
		delete (noReference.Delivery as IDataObject).Reference;
		const result = await fileEei([noReference]);
		expect(result.error?.message).toMatch(/Delivery\.International\.EeiTransactionNumber/);
		expect(result.error?.message).toMatch(/Transaction Number Seed/);
	});

	test('a replace without the original number is refused (seed 001: the number must remain static)', async () => {
		const result = await fileEei([filing(null)], { transactionType: 'replace' });
		expect(result.error?.message).toMatch(/replace reuses the transaction number of the original filing/);
	});

	test('a Transaction Number parameter that contradicts the Delivery is refused', async () => {
		const result = await fileEei([filing('NUMBERA')], { transactionNumber: 'NUMBERB' });
		expect(result.error?.message).toMatch(/"NUMBERB" differs from the Delivery's EeiTransactionNumber "NUMBERA"/);
	});

	test('the Transaction Number parameter numbers a Delivery that has none', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		await fileEei([filing(null)], { transactionNumber: '={{ "ORDER" + $itemIndex }}' });
		expect(bodies[0].Delivery.International.EeiTransactionNumber).toBe('ORDER0');
	});
});

describe('File EEI: a rejected filing is not left pending (seed 001)', () => {
	const rejection = { Status: 'Rejected', Errors: [{ Field: 'Items[0].HarmonizedCode', Message: 'Invalid Schedule B number', Code: 'E123' }] };

	test('a 400 stops the run with a NodeApiError carrying the item index, the messages and what to do next', async () => {
		nock(AES).post(PATH).reply(400, rejection);
		const { error } = await fileEei([filing('REJECTED1')]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.context?.itemIndex).toBe(0);
		expect((error as unknown as { httpCode: string }).httpCode).toBe('400');
		expect(error?.message).toMatch(/AES rejected the add of EEI transaction REJECTED1/);
		expect(error?.description).toMatch(/Items\[0\]\.HarmonizedCode: Invalid Schedule B number \(E123\)/);
		expect(error?.description).toMatch(/must not be left pending/);
		expect(error?.description).toMatch(/"replace" with the same EeiTransactionNumber REJECTED1/);
	});

	test('with continue on fail, the error item says rejected, with the transaction number and the next step', async () => {
		nock(AES).post(PATH).reply(400, rejection);
		const [item] = (await fileEei([filing('REJECTED2')], {}, true)).output(NODE);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json.error).toMatch(/REJECTED2/);
		expect(item.json.aes).toMatchObject({
			status: 'rejected',
			transactionNumber: 'REJECTED2',
			transactionType: 'add',
			environment: 'test',
			messages: ['Items[0].HarmonizedCode: Invalid Schedule B number (E123)'],
			response: rejection,
			httpStatus: 400,
		});
		expect((item.json.aes as IDataObject).nextStep).toMatch(/must not be left pending.*REJECTED2/);
	});

	test('a 422 is a rejection too', async () => {
		nock(AES).post(PATH).reply(422, { errors: ['PortOfExportCode: not valid for air'] });
		const [item] = (await fileEei([filing('REJECTED3')], {}, true)).output(NODE);
		expect(item.json).toMatchObject({ httpCode: '422', aes: { status: 'rejected', messages: ['PortOfExportCode: not valid for air'] } });
	});

	test('a 200 whose status says Rejected is a rejection, not a filing', async () => {
		nock(AES).post(PATH).reply(200, { Status: 'Rejected', Messages: ['Consignee address incomplete'] });
		const [item] = (await fileEei([filing('REJECTED4')], {}, true)).output(NODE);
		expect(item.json.aes).toMatchObject({ status: 'rejected', messages: ['Consignee address incomplete'] });
	});

	test('a number AES has seen before is reported as a duplicate: with nothing proving it is this shipment, look it up in ACE and do not replace blindly (issue 11)', async () => {
		nock(AES).post(PATH).reply(400, { errors: ['EeiTransactionNumber has already been used'] });
		const [item] = (await fileEei([filing('SEENBEFORE1')], {}, true)).output(NODE);
		expect(item.json.aes).toMatchObject({ status: 'duplicate', transactionNumber: 'SEENBEFORE1', sameShipment: false });
		expect((item.json.aes as IDataObject).nextStep).toMatch(/nothing on this item proves it is this shipment.*look it up in ACE.*Do not replace it blindly/);
	});

	test('a duplicate refusal that names the standing filing\'s ITN points the item at it (firstFilingItn), while aes.itn stays empty', async () => {
		nock(AES)
			.post(PATH)
			.reply(400, { Status: 'Rejected', Messages: [{ Field: 'EeiTransactionNumber', Message: '"SEENBEFORE2" was already used (ITN X20261123104512)' }] });
		const [item] = (await fileEei([filing('SEENBEFORE2')], {}, true)).output(NODE);
		expect(item.json.aes).toMatchObject({ status: 'duplicate', itn: null, firstFilingItn: 'X20261123104512', sameShipment: false, transactionNumber: 'SEENBEFORE2' });
	});

	test('a run stopped by a rejection lists the filings that went through and the items never sent', async () => {
		const { bodies } = aesMock((body) =>
			body.Delivery.International.EeiTransactionNumber === 'BAD1' ? [400, rejection] : [200, { Itn: ITN }],
		);
		const { error } = await fileEei([filing('GOOD0'), filing('BAD1'), filing('NEVER2')], { aesOptions: { concurrency: 1 } });
		expect(bodies).toHaveLength(2);
		expect(error?.context?.itemIndex).toBe(1);
		expect(error?.description).toMatch(/must not be sent again:\n- item 0: add of transaction GOOD0 \(test\), ITN X20261121123456/);
		expect(error?.description).toMatch(/Items not sent \(the run stopped first\): 2\./);
	});
});

describe('File EEI: every other answer of AES', () => {
	async function failed(status: number, body: unknown, headers: Record<string, string> = {}) {
		const { bodies } = aesMock(() => [status, body, headers]);
		const result = await fileEei([filing('ERRCLASS1')], {}, true);
		const [item] = result.output(NODE);
		return { item, json: item.json as IDataObject & { aes: IDataObject }, requests: bodies.length };
	}

	test('401: the key was refused and nothing was filed', async () => {
		const { json } = await failed(401, { message: 'Unauthorized' });
		expect(json.error).toMatch(/refused the API key \(HTTP 401\).*nothing was filed/);
		expect(json.errorDescription).toMatch(/production API key/);
		expect(json.aes).toMatchObject({ status: 'notFiled', httpStatus: 401 });
	});

	test('404: the endpoint is wrong and nothing was filed', async () => {
		const { json } = await failed(404, 'Not Found');
		expect(json.error).toMatch(/endpoint not found \(HTTP 404\)/);
		expect(json.errorDescription).toMatch(/AES base URL/);
		expect(json.aes.status).toBe('notFiled');
	});

	test('500: the filing may exist, so the next step is to look it up before sending again', async () => {
		const { json, requests } = await failed(500, { message: 'Internal error' });
		expect(requests).toBe(1);
		expect(json.error).toMatch(/HTTP 500/);
		expect(json.aes).toMatchObject({ status: 'unknown', messages: ['Internal error'] });
		expect(json.errorDescription).toMatch(/look up transaction ERRCLASS1 in ACE/);
	});

	test('503 is not retried: a filing POST is sent once', async () => {
		const { json, requests } = await failed(503, { message: 'Service Unavailable' });
		expect(requests).toBe(1);
		expect(json.aes.status).toBe('unknown');
	});

	test('malformed JSON with no ITN is reported as such, and may have been filed', async () => {
		const { json } = await failed(200, '{"Itn": "X2026', { 'Content-Type': 'application/json' });
		expect(json.error).toMatch(/malformed JSON and no ITN/);
		expect(json.aes.status).toBe('unknown');
	});

	test('an HTML error page is named as a page, not the API', async () => {
		const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
		const { json } = await failed(502, page, { 'Content-Type': 'text/html' });
		expect(json.error).toMatch(/HTTP 502 \(an HTML page, not the API\)/);
		expect(json.aes.messages).toEqual(['502 Bad Gateway', 'Bad Gateway']);
	});

	test('an answer with a 2xx but no ITN and no verdict is output with status unknown and a next step', async () => {
		nock(AES).post(PATH).reply(200, { received: true });
		const [item] = (await fileEei([filing('NOITN1')])).output(NODE);
		expect(item.json.aes).toMatchObject({ status: 'unknown', itn: null, proofOfFilingCitation: null });
		expect((item.json.aes as IDataObject).nextStep).toMatch(/do not ship on this filing until its ITN is confirmed/);
	});
});

describe('File EEI: never file twice (retry policy)', () => {
	test('a timeout is not retried: one POST, and the error says it may have been filed', async () => {
		const scope = nock(AES).persist().post(PATH).delay(1500).reply(200, { Itn: ITN });
		const counter = countRequests(scope);
		const [item] = (await fileEei([filing('TIMEOUT1')], { aesOptions: { timeoutSeconds: 1 } }, true)).output(NODE);
		expect(counter.count).toBe(1);
		expect(item.json.error).toMatch(/No answer from AES \(timeout\).*may or may not have been filed/);
		expect(item.json.aes).toMatchObject({ status: 'unknown', transactionNumber: 'TIMEOUT1' });
	});

	test('a connection reset mid-request is not retried', async () => {
		const scope = nock(AES).persist().post(PATH).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const counter = countRequests(scope);
		const [item] = (await fileEei([filing('RESET1')], {}, true)).output(NODE);
		expect(counter.count).toBe(1);
		expect(item.json.error).toMatch(/No answer from AES \(reset\)/);
		expect(item.json.errorDescription).toMatch(/Do not file again blindly/);
	});

	test('a refused connection never reached AES, so it is sent again, once, and files', async () => {
		const scope = nock(AES)
			.post(PATH)
			.replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
			.post(PATH)
			.reply(200, { Itn: ITN });
		const counter = countRequests(scope);
		const [item] = (await fileEei([filing('REFUSED1')])).output(NODE);
		expect(counter.count).toBe(2);
		expect(item.json.aes).toMatchObject({ status: 'accepted', itn: ITN, transactionNumber: 'REFUSED1' });
	});

	test('a DNS failure never reached AES, so it is sent again', async () => {
		const scope = nock(AES)
			.post(PATH)
			.replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }))
			.post(PATH)
			.reply(200, { Itn: ITN });
		const counter = countRequests(scope);
		const [item] = (await fileEei([filing('DNS1')])).output(NODE);
		expect(counter.count).toBe(2);
		expect(item.json.aes).toMatchObject({ status: 'accepted' });
	});

	test('429 with Retry-After: AES refused it, so it is sent again after the wait, with the same number', async () => {
		const { bodies } = aesMock((_body, count) => (count === 1 ? [429, { message: 'Too many requests' }, { 'Retry-After': '1' }] : [200, { Itn: ITN }]));
		const started = Date.now();
		const [item] = (await fileEei([filing('LIMITED1')])).output(NODE);
		expect(bodies).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(bodies.map((body) => body.Delivery.International.EeiTransactionNumber)).toEqual(['LIMITED1', 'LIMITED1']);
		expect(item.json.aes).toMatchObject({ status: 'accepted', itn: ITN });
	});

	test('429 without Retry-After is not retried and says nothing was filed', async () => {
		const { bodies } = aesMock(() => [429, { message: 'Too many requests' }]);
		const [item] = (await fileEei([filing('LIMITED2')], {}, true)).output(NODE);
		expect(bodies).toHaveLength(1);
		expect(item.json.error).toMatch(/rate limiting.*nothing was filed/);
		expect(item.json.aes).toMatchObject({ status: 'notFiled', httpStatus: 429 });
	});
});

describe('File EEI: the API key never leaves the credential', () => {
	const echo = `key ${EASYPOST_PROBE} auth Basic ${base64(`${EASYPOST_PROBE}:`)}`;

	test('a provider that echoes the key in an error: no output, error message or description contains it', async () => {
		nock(AES).post(PATH).reply(400, { Status: 'Rejected', Errors: [{ Message: echo }] });
		const withItems = await fileEei([filing('LEAK1')], {}, true);
		nock(AES).post(PATH).reply(400, { Status: 'Rejected', Errors: [{ Message: echo }] });
		const stopped = await fileEei([filing('LEAK2')]);
		const texts = [JSON.stringify(withItems.output(NODE)), errorText(stopped.error)];
		for (const text of texts) {
			expect(text).not.toContain(EASYPOST_PROBE);
			expect(text).not.toContain(base64(`${EASYPOST_PROBE}:`));
		}
		expect(texts[0]).toContain('[REDACTED]');
	});

	test('a provider that echoes the key in an accepted answer: the output does not contain it', async () => {
		nock(AES).post(PATH).reply(200, { Itn: ITN, Debug: echo });
		const result = await fileEei([filing('LEAK3')]);
		expect(JSON.stringify(result.output(NODE))).not.toContain(EASYPOST_PROBE);
		expect(JSON.stringify(result.output(NODE))).not.toContain(base64(`${EASYPOST_PROBE}:`).replace(/=+$/, ''));
	});

	test('a transport failure names the host only, never the key', async () => {
		nock(AES).post(PATH).replyWithError(Object.assign(new Error(`boom ${EASYPOST_PROBE}`), { code: 'ECONNRESET' }));
		const result = await fileEei([filing('LEAK4')]);
		expect(errorText(result.error)).not.toContain(EASYPOST_PROBE);
	});
});

describe('File EEI: many items', () => {
	test('8 items are filed at most 4 at a time by default, and come out in input order', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		nock(AES)
			.persist()
			.post(PATH)
			.reply((_uri, body, callback) => {
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				const number = (body as Body).Delivery.International.EeiTransactionNumber;
				const index = Number(number.replace('ITEM', ''));
				// Earlier items answer later, so completion order differs from input order.
				setTimeout(() => {
					inFlight--;
					callback(null, [200, { Itn: `X2026112100000${index}` }]);
				}, 200 - index * 20);
			});
		const items = Array.from({ length: 8 }, (_, index) => filing(`ITEM${index}`));
		const output = (await fileEei(items)).output(NODE);
		expect(maxInFlight).toBeLessThanOrEqual(4);
		expect(maxInFlight).toBeGreaterThan(1);
		expect(output.map((item) => (item.json.aes as IDataObject).itn)).toEqual(items.map((_, index) => `X2026112100000${index}`));
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, index) => ({ item: index })));
	});

	test('Concurrency 1 files one item at a time', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		nock(AES)
			.persist()
			.post(PATH)
			.reply((_uri, _body, callback) => {
				maxInFlight = Math.max(maxInFlight, ++inFlight);
				setTimeout(() => {
					inFlight--;
					callback(null, [200, { Itn: ITN }]);
				}, 20);
			});
		await fileEei([filing('ONE0'), filing('ONE1'), filing('ONE2')], { aesOptions: { concurrency: 1 } });
		expect(maxInFlight).toBe(1);
	});

	test('with continue on fail, a mix of filed, rejected and invalid items gives as many items out as in', async () => {
		aesMock((body) => (body.Delivery.International.EeiTransactionNumber === 'MIXBAD' ? [400, { errors: ['bad'] }] : [200, { Itn: ITN }]));
		const invalid = filing('MIXINVALID');
		delete (invalid.Delivery as IDataObject).Items;
		const output = (await fileEei([filing('MIXOK0'), filing('MIXBAD'), invalid, { no: 'delivery' }, filing('MIXOK4')], {}, true)).output(NODE);
		expect(output).toHaveLength(5);
		expect(output.map((item: INodeExecutionData) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(output.map((item) => (item.json.aes as IDataObject | undefined)?.status ?? 'error')).toEqual(['accepted', 'rejected', 'notFiled', 'error', 'accepted']);
		expect(output[2].json.error).toMatch(/Item 2.*Delivery\.Items/);
		expect(output[3].json.error).toMatch(/Item 3.*Delivery/);
	});
});

describe('File EEI with Shipium: the carrier files the EEI (seed 003)', () => {
	const shipium = (parameters: INodeParameters = {}): INodeParameters => ({ filingMethod: 'shipium', ...parameters });
	const eeiDocument = { documentType: 'electronic_export_information', documentFormat: 'PDF', electronicallySubmitted: true };
	const labelResponse = {
		shipiumShipmentId: 'ship-1',
		carrierLabel: { carrierTrackingId: '7123', internationalDocuments: [{ documentType: 'commercial_invoice' }, eeiDocument] },
	};

	function labelRequest(): IDataObject {
		return structuredClone(carrierLabelRequest) as IDataObject;
	}

	/** A Shipium mock that records the label request it receives. */
	function shipiumMock(status = 200, body: unknown = labelResponse) {
		const bodies: IDataObject[] = [];
		nock(SHIPIUM)
			.post(LABEL_PATH)
			.basicAuth({ user: SHIPIUM_PROBE, pass: '' })
			.reply((_uri, requestBody) => {
				bodies.push(requestBody as IDataObject);
				return [status, body];
			});
		return bodies;
	}

	test('buys a test label by default and outputs its EEI documents and whether they were submitted electronically', async () => {
		const bodies = shipiumMock();
		const [item] = (await fileEei([labelRequest()], shipium())).output(NODE);
		expect(bodies[0]).toMatchObject({ testMode: 'true' });
		expect(item.json.shipium).toMatchObject({
			eeiFiling: 'carrier',
			testMode: true,
			electronicallySubmitted: true,
			eeiDocuments: [eeiDocument],
			response: labelResponse,
		});
	});

	test('with Test Mode off, testMode is left out of the request', async () => {
		const bodies = shipiumMock();
		await fileEei([labelRequest()], shipium({ testMode: false }));
		expect(bodies[0]).not.toHaveProperty('testMode');
	});

	test('an EEI document not submitted electronically is reported as such', async () => {
		shipiumMock(200, { carrierLabel: { internationalDocuments: [{ ...eeiDocument, electronicallySubmitted: false }] } });
		const [item] = (await fileEei([labelRequest()], shipium())).output(NODE);
		expect(item.json.shipium).toMatchObject({ electronicallySubmitted: false });
	});

	test('incomplete carrier EEI is refused before a label is bought, naming each path', async () => {
		const request = labelRequest() as { shipmentParameters: { customsInfo: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
		delete request.shipmentParameters.customsInfo.electronicExportInformation.pointOfOrigin;
		request.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation.eccnNumber = '5A99';
		request.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation.scheduleBInformation.scheduleBNumber = '123';
		const { error } = await fileEei([request as unknown as IDataObject], shipium());
		expect(error?.message).toMatch(/Item 0/);
		expect(error?.message).toMatch(/shipmentParameters\.customsInfo\.electronicExportInformation\.pointOfOrigin/);
		expect(error?.message).toMatch(/customsItems\[0\]\.electronicExportCommodityInformation\.eccnNumber/);
		expect(error?.message).toMatch(/customsItems\[0\]\.electronicExportCommodityInformation\.scheduleBInformation\.scheduleBNumber/);
	});

	test('a license that expires before the export date is refused', async () => {
		const request = labelRequest() as { shipmentParameters: { customsInfo: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
		request.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation.exportLicenseInformation.exportLicense.licenseExpiration = '2022-06-01';
		const { error } = await fileEei([request as unknown as IDataObject], shipium());
		expect(error?.message).toMatch(/licenseExpiration.*expires \(2022-06-01\) before the export date \(2022-06-15\)/);
	});

	test('fills the missing EEI blocks from a canonical shipment and the defaults, then buys the label', async () => {
		const bodies = shipiumMock();
		const request = labelRequest() as { shipmentParameters: { customsInfo: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
		delete request.shipmentParameters.customsInfo.electronicExportInformation;
		delete request.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation;
		const shipment = {
			origin: { country: 'US', state: 'CO' },
			destination: { country: 'CA' },
			exportDate: '2026-11-23',
			items: [{ commodityCode: '6404.19.5500', value: 54.93, quantity: 3, originCountry: 'US', eccn: 'EAR99' }],
		};
		const parameters = shipium({ eeiSource: 'shipment', eeiDefaults: { scheduleBUnitOfMeasurement: 'number' } });
		const result = await fileEei([{ ...(request as unknown as IDataObject), shipment }], parameters);
		expect(result.error).toBeUndefined();
		const customsInfo = (bodies[0].shipmentParameters as { customsInfo: IDataObject }).customsInfo;
		expect(customsInfo.electronicExportInformation).toEqual({ exportDate: '2026-11-23', pointOfOrigin: 'CO' });
		expect((customsInfo.customsItems as IDataObject[])[0].electronicExportCommodityInformation).toMatchObject({
			exportType: 'domestic',
			exportInformationCode: 'OS',
			scheduleBInformation: { scheduleBNumber: '6404195500', scheduleBUnitOfMeasurement: 'number', scheduleBQuantity: 3 },
			eccnNumber: 'EAR99',
			exportLicenseInformation: { licenseType: 'C33', licenseExemptionCode: 'NLR' },
		});
		// The shipment filled from travels beside the request, not in it.
		expect(bodies[0]).not.toHaveProperty('shipment');
	});

	test('a fill that lacks a fact names the EEI Defaults field to give', async () => {
		const request = labelRequest() as { shipmentParameters: { customsInfo: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
		delete request.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation;
		const shipment = { origin: { country: 'US', state: 'CO' }, destination: { country: 'CA' }, items: [{ commodityCode: '6404195500', value: 54.93, quantity: 3, eccn: 'EAR99' }] };
		const parameters = shipium({ eeiSource: 'shipment', eeiDefaults: { scheduleBUnitOfMeasurement: 'pack' } });
		const { error } = await fileEei([{ ...(request as unknown as IDataObject), shipment }], parameters);
		expect(error?.message).toMatch(/eeiDefaults\.lineDefaults\[0\]\.scheduleBQuantity: the quantity in pack is required/);
	});

	test('EEI filed elsewhere: the ITN from File EEI is passed as aesInternalTransactionNumber and the carrier blocks are dropped', async () => {
		const bodies = shipiumMock(200, { carrierLabel: { internationalDocuments: [] } });
		const item = { ...labelRequest(), aes: { itn: ITN, status: 'accepted' } };
		const [output] = (await fileEei([item], shipium({ eeiSource: 'itn' }))).output(NODE);
		const customsInfo = (bodies[0].shipmentParameters as { customsInfo: IDataObject }).customsInfo;
		expect(customsInfo.aesInternalTransactionNumber).toBe(ITN);
		expect(customsInfo).not.toHaveProperty('electronicExportInformation');
		expect((customsInfo.customsItems as IDataObject[])[0]).not.toHaveProperty('electronicExportCommodityInformation');
		expect(bodies[0]).not.toHaveProperty('aes');
		expect(output.json.shipium).toMatchObject({ eeiFiling: 'itn', itn: ITN, electronicallySubmitted: false });
	});

	test('EEI filed elsewhere without an ITN is refused before a label is bought', async () => {
		const { error } = await fileEei([labelRequest()], shipium({ eeiSource: 'itn' }));
		expect(error?.message).toMatch(/Item 0.*itn: is required/);
	});

	test("Shipium's error format surfaces its message in a NodeApiError with the item index", async () => {
		shipiumMock(400, { timestamp: '2026-11-21T10:00:00Z', status: 400, error: 'Bad Request', message: 'destinationAddress.postalCode is invalid', path: LABEL_PATH });
		const { error } = await fileEei([labelRequest()], shipium());
		expect(error?.name).toBe('NodeApiError');
		expect(error?.context?.itemIndex).toBe(0);
		expect(error?.message).toMatch(/Shipium rejected the label request \(HTTP 400\): destinationAddress\.postalCode is invalid/);
		expect(error?.description).toMatch(/No label was bought/);
	});

	test('a label request that timed out is not sent again (a label may exist)', async () => {
		const scope = nock(SHIPIUM).persist().post(LABEL_PATH).delay(1500).reply(200, labelResponse);
		const counter = countRequests(scope);
		const [item] = (await fileEei([labelRequest()], shipium({ shipiumOptions: { timeoutSeconds: 1 } }), true)).output(NODE);
		expect(counter.count).toBe(1);
		expect(item.json).toMatchObject({ shipium: { status: 'unknown' } });
		expect(item.json.errorDescription).toMatch(/A label may have been created/);
	});

	test('the Shipium key never appears in outputs or errors', async () => {
		shipiumMock(400, { timestamp: 't', status: 400, error: 'Bad Request', message: `bad key ${SHIPIUM_PROBE}` });
		const stopped = await fileEei([labelRequest()], shipium());
		expect(errorText(stopped.error)).not.toContain(SHIPIUM_PROBE);
		shipiumMock(200, { ...labelResponse, echo: base64(`${SHIPIUM_PROBE}:`) });
		const done = await fileEei([labelRequest()], shipium());
		expect(JSON.stringify(done.output(NODE))).not.toContain(base64(`${SHIPIUM_PROBE}:`));
	});
});

describe('File EEI: codes are checked against the AES code tables before sending', () => {
	test('refuses an unknown port of export with an error naming the field, the value and the table, and sends nothing', async () => {
		const { scope, bodies } = aesMock(() => [200, { Itn: ITN }]);
		const item = filing() as { Delivery: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
		item.Delivery.International.PortOfExportCode = '9999';
		const result = await fileEei([item as IDataObject], {}, true);
		scope.persist(false);
		nock.cleanAll();
		expect(bodies).toHaveLength(0);
		expect(String(result.output(NODE)[0].json.error)).toMatch(/Delivery\.International\.PortOfExportCode: "9999" is not in the Schedule D ports of export/);
	});

	test('files a code listed under Accept Unlisted Codes and reports it in aes.warnings', async () => {
		const { bodies } = aesMock(() => [200, { Itn: ITN }]);
		const item = filing() as { Delivery: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
		item.Delivery.International.PortOfExportCode = '9999';
		const [output] = (await fileEei([item as IDataObject], { aesOptions: { acceptUnlistedCodes: '9999, ZZ' } })).output(NODE);
		expect(bodies).toHaveLength(1);
		expect((output.json.aes as IDataObject).warnings).toEqual([
			{ field: 'Delivery.International.PortOfExportCode', value: '9999', table: 'portsOfExport', message: expect.stringMatching(/accepted on purpose/) },
		]);
	});

	test('a filing whose codes are all in the tables carries an empty aes.warnings', async () => {
		aesMock(() => [200, { Itn: ITN }]);
		const [output] = (await fileEei([filing()])).output(NODE);
		expect((output.json.aes as IDataObject).warnings).toEqual([]);
	});

	test('Shipium: an unknown export information code in the carrier-filed EEI buys no label', async () => {
		const scope = nock(SHIPIUM).post(LABEL_PATH).reply(200, {});
		const request = structuredClone(carrierLabelRequest) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		request.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation.exportInformationCode = 'ZZ';
		const result = await fileEei([request as IDataObject], { filingMethod: 'shipium' }, true);
		expect(scope.isDone()).toBe(false);
		nock.cleanAll();
		expect(String(result.output(NODE)[0].json.error)).toMatch(/exportInformationCode: "ZZ" is not in the export information codes/);
	});

	test('Shipium: a license code missing from the possibly incomplete table buys the label and is reported in shipium.warnings', async () => {
		nock(SHIPIUM).post(LABEL_PATH).reply(200, { shipiumShipmentId: 'ship-1' });
		const request = structuredClone(carrierLabelRequest) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		request.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation.exportLicenseInformation.licenseType = 'C99';
		const [output] = (await fileEei([request as IDataObject], { filingMethod: 'shipium' })).output(NODE);
		expect((output.json.shipium as IDataObject).warnings).toContainEqual(expect.objectContaining({ value: 'C99', table: 'licenseCodes' }));
	});
});

describe('File EEI with "Continue (using error output)"', () => {
	test('a rejected filing goes to the error output with the input item, the transaction number and the next step under details', async () => {
		nock(AES).post(PATH).reply(422, { errors: ['PortOfExportCode: not valid for air'] });
		const workflow = singleNodeWorkflow(
			{ name: NODE, type: 'n8n-nodes-us-customs.fileEei', parameters: {}, credentials: { easyPostApi: { id: '1', name: 'EasyPost' } }, onError: 'continueErrorOutput' },
			[filing('REJECTED9')],
		);
		const result = await runWorkflow(workflow, { credentials: credentials() });
		expect(result.output(NODE, 0)).toEqual([]);
		const [item] = result.output(NODE, 1);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toHaveProperty('Delivery');
		expect(item.json.error).toMatch(/REJECTED9/);
		expect(item.json.details).toMatchObject({ httpCode: '422', aes: { status: 'rejected', transactionNumber: 'REJECTED9' } });
	});
});
