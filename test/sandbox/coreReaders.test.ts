/**
 * The sandbox speaks the dialect the core readers expect: what it answers (its guess of the
 * unpublished AES shape, Flexport's documented envelope) is read by src/ as the real thing would be.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { duplicateVerdict } from '../../src/easypost/aesOutcome';
import { parseAesResponse } from '../../src/easypost/aesResponse';
import { parseCustomsEntriesPage, unwrapFlexportResponse } from '../../src/flexport/envelope';
import { basic, json, postJson, simpleFiling } from './support';

describe('sandbox answers read by the core readers', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox({ seed: 9 });
	});
	afterEach(() => sandbox.close());

	const file = async (body: unknown) => {
		const response = await postJson(`${sandbox.urls.easyPostAes}/api/AesItrItn`, body, {
			authorization: basic(sandbox.keys.easyPostApiKey),
		});
		return { status: response.status, body: await json(response) };
	};
	const flexport = async (pathAndQuery: string) => {
		const response = await fetch(`${sandbox.urls.flexport}${pathAndQuery}`, {
			headers: { authorization: `Bearer ${sandbox.keys.flexportApiKey}` },
		});
		return { status: response.status, headers: {}, body: await json(response) };
	};

	it('reads an accepted sandbox filing as accepted, with its ITN', async () => {
		const { status, body } = await file(simpleFiling('READER1'));
		expect(parseAesResponse(status, body)).toMatchObject({ status: 'accepted', itn: body.Itn });
	});

	it('reads a rejected sandbox filing as rejected, with the field in the messages', async () => {
		const filing = simpleFiling('READER2');
		delete filing.Delivery.Items;
		const { status, body } = await file(filing);
		const reading = parseAesResponse(status, body);
		expect(reading.status).toBe('rejected');
		expect(reading.messages.join(' ')).toContain('Delivery.Items');
	});

	it('reads an accepted sandbox void as accepted', async () => {
		await file(simpleFiling('READER3'));
		const { status, body } = await file(simpleFiling('READER3', 'void'));
		expect(parseAesResponse(status, body, { transactionType: 'void' }).status).toBe('accepted');
	});

	it('reads the first filing\'s ITN from a sandbox duplicate answer, so only the item that recorded that ITN is proven the same shipment', async () => {
		const first = await file(simpleFiling('READER4'));
		const again = await file(simpleFiling('READER4'));
		const record = (itn: string) => ({ transactionNumber: 'READER4', status: 'accepted', itn });
		expect(duplicateVerdict(again.body, { transactionNumber: 'READER4', earlier: record(first.body.Itn) }).sameShipment).toBe(true);
		expect(duplicateVerdict(again.body, { transactionNumber: 'READER4', earlier: record('X20260101999999') }).sameShipment).toBe(false);
	});

	it('unwraps a sandbox page of customs entries with its next link and total', async () => {
		const page = parseCustomsEntriesPage(unwrapFlexportResponse(await flexport('/customs_entries?per=10'), 'a page'), 'a page');
		expect(page.entries).toHaveLength(10);
		expect(page.totalCount).toBe(14);
		expect(page.next).toBe(`${sandbox.urls.flexport}/customs_entries?per=10&page=2`);
	});

	it('turns the sandbox 404 into a Flexport error naming its code', async () => {
		const response = await flexport('/customs_entries/unknown0000000000000000');
		expect(() => unwrapFlexportResponse(response, 'an entry')).toThrow(/not_found|Couldn't find/);
	});
});
