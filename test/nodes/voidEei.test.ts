/**
 * Void EEI in the real n8n engine: TransactionType "void" under the original EEI transaction
 * number (seed 001: it "must remain static"), taken from the parameter, File EEI's output or
 * the item's Delivery.
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import simpleFiling from '../fixtures/easypost/simple-filing.json';
import { CredentialStore, runWorkflow, singleNodeWorkflow } from '../harness';

const NODE = 'Void EEI';
const AES = 'https://aes.easypost.test';
const PATH = '/api/AesItrItn';
const EASYPOST_PROBE = 'EZAKvoidredactionprobe0123456789';
const ITN = 'X20261121123456';

async function voidEei(items: IDataObject[], parameters: INodeParameters = {}, continueOnFail = false) {
	const workflow = singleNodeWorkflow(
		{
			name: NODE,
			type: 'n8n-nodes-us-customs.voidEei',
			parameters,
			credentials: { easyPostApi: { id: '1', name: 'EasyPost' } },
			...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
		items,
	);
	const credentials = new CredentialStore().set('1', 'easyPostApi', { apiKey: EASYPOST_PROBE, aesBaseUrl: AES, apiBaseUrl: 'https://api.easypost.test' });
	return await runWorkflow(workflow, { credentials });
}

type Body = { Delivery: { International: { EeiTransactionNumber: string }; Items?: unknown[] }; TransactionType: string; Environment: string };

/** Records each void request AES receives. */
function aesMock(status = 200, body: unknown = { Status: 'Voided' }) {
	const bodies: Body[] = [];
	nock(AES)
		.persist()
		.post(PATH)
		.basicAuth({ user: EASYPOST_PROBE, pass: '' })
		.reply((_uri, requestBody) => {
			bodies.push(requestBody as Body);
			return [status, body];
		});
	return bodies;
}

/** What File EEI outputs for an accepted filing. */
function filedItem(number = 'FILED0001', environment = 'test'): IDataObject {
	return {
		orderId: 'SO-1',
		aes: { status: 'accepted', itn: ITN, proofOfFilingCitation: `AES ${ITN}`, transactionNumber: number, transactionType: 'add', environment },
	};
}

describe('Void EEI: which filing is voided', () => {
	test('the Transaction Number parameter wins, and only the number is sent when the item has no Delivery', async () => {
		const bodies = aesMock();
		await voidEei([{ orderId: 'SO-1' }], { transactionNumber: 'PARAM0001' });
		expect(bodies).toEqual([{ Delivery: { International: { EeiTransactionNumber: 'PARAM0001' } }, TransactionType: 'void', Environment: 'test' }]);
	});

	test('a numeric transaction number from an expression is voided as its text, as File EEI reads it', async () => {
		const bodies = aesMock();
		await voidEei([{ txn: 2026112101 }], { transactionNumber: '={{ $json.txn }}' });
		expect(bodies[0].Delivery.International.EeiTransactionNumber).toBe('2026112101');
	});

	test("by default, the aes.transactionNumber File EEI produced", async () => {
		const bodies = aesMock();
		await voidEei([filedItem('FROMFILE1')]);
		expect(bodies[0].Delivery.International.EeiTransactionNumber).toBe('FROMFILE1');
	});

	test("else the item's Delivery, which is sent whole", async () => {
		const bodies = aesMock();
		await voidEei([structuredClone(simpleFiling) as IDataObject]);
		expect(bodies[0].Delivery.International.EeiTransactionNumber).toBe('GloballyUniqueNo1');
		expect(bodies[0].Delivery.Items).toHaveLength(1);
	});

	test('the Delivery File EEI recorded (aes.delivery) is sent when the item has none', async () => {
		const bodies = aesMock();
		const item = filedItem('RECORDED1');
		(item.aes as IDataObject).delivery = { ...structuredClone(simpleFiling).Delivery, International: { PortOfExportCode: '2095', EeiTransactionNumber: 'RECORDED1' } };
		await voidEei([item]);
		expect(bodies[0].Delivery).toMatchObject({ International: { EeiTransactionNumber: 'RECORDED1' }, Items: [{ Description: 'Megaflush 2000 Throne' }] });
	});

	test('with Send the Original Delivery off, only the number is sent', async () => {
		const bodies = aesMock();
		await voidEei([structuredClone(simpleFiling) as IDataObject], { sendDelivery: false });
		expect(bodies[0].Delivery).toEqual({ International: { EeiTransactionNumber: 'GloballyUniqueNo1' } });
	});

	test('a Delivery filed under a derived number is sent with that number', async () => {
		const bodies = aesMock();
		const delivery = structuredClone(simpleFiling) as { Delivery: { International: Record<string, unknown> } };
		delete delivery.Delivery.International.EeiTransactionNumber;
		await voidEei([{ ...delivery, aes: { transactionNumber: 'DERIVED0000000001', environment: 'test' } }]);
		expect(bodies[0].Delivery.International).toEqual({ PortOfExportCode: '2095', EeiTransactionNumber: 'DERIVED0000000001' });
	});

	test('a number that contradicts the Delivery is refused before sending', async () => {
		const { error } = await voidEei([structuredClone(simpleFiling) as IDataObject], { transactionNumber: 'OTHER0001' });
		expect(error?.message).toMatch(/Item 0.*"OTHER0001" differs from the Delivery's EeiTransactionNumber "GloballyUniqueNo1"/);
	});

	test('an item with no number anywhere is refused, naming the parameter', async () => {
		const { error } = await voidEei([{ orderId: 'SO-1' }]);
		expect(error?.message).toMatch(/Item 0.*transactionNumber: is required/);
	});
});

describe('Void EEI: environment and output', () => {
	test('the chosen environment is sent', async () => {
		const bodies = aesMock();
		await voidEei([filedItem('PROD0001', 'production')], { environment: 'production' });
		expect(bodies[0].Environment).toBe('production');
	});

	test('a filing made in production is not voided in test', async () => {
		const { error } = await voidEei([filedItem('PROD0002', 'production')]);
		expect(error?.message).toMatch(/environment: the filing was made in "production"/);
	});

	test('outputs aes with transactionType void and keeps the filing it voided under aes.filing', async () => {
		aesMock(200, { Status: 'Voided', Messages: ['Transaction voided'] });
		const [item] = (await voidEei([filedItem('VOIDED001')])).output(NODE);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ orderId: 'SO-1' });
		expect(item.json.aes).toMatchObject({
			status: 'accepted',
			transactionNumber: 'VOIDED001',
			transactionType: 'void',
			environment: 'test',
			messages: ['Transaction voided'],
			response: { Status: 'Voided', Messages: ['Transaction voided'] },
			filing: { itn: ITN, transactionType: 'add' },
		});
	});
});

describe('Void EEI: failures', () => {
	test('a rejected void says the filing still stands and how to void it again', async () => {
		aesMock(400, { errors: ['Transaction not found'] });
		const { error } = await voidEei([filedItem('NOTFOUND1')]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.context?.itemIndex).toBe(0);
		expect(error?.message).toMatch(/AES rejected the void of EEI transaction NOTFOUND1: Transaction not found/);
		expect(error?.description).toMatch(/the filing still stands/);
	});

	test('a void that timed out is not sent again', async () => {
		const scope = nock(AES).persist().post(PATH).delay(1500).reply(200, { Status: 'Voided' });
		let count = 0;
		scope.on('request', () => count++);
		const [item] = (await voidEei([filedItem('SLOW0001')], { options: { timeoutSeconds: 1 } }, true)).output(NODE);
		expect(count).toBe(1);
		expect(item.json.aes).toMatchObject({ status: 'unknown', transactionType: 'void', transactionNumber: 'SLOW0001' });
	});

	test('with continue on fail, voided, rejected and invalid items give as many items out as in', async () => {
		nock(AES)
			.persist()
			.post(PATH)
			.reply((_uri, body) => ((body as Body).Delivery.International.EeiTransactionNumber === 'BAD000001' ? [400, { errors: ['no such transaction'] }] : [200, { Status: 'Voided' }]));
		const output = (await voidEei([filedItem('GOOD00001'), filedItem('BAD000001'), { nothing: true }], {}, true)).output(NODE);
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => (item.json.aes as IDataObject | undefined)?.status ?? item.json.error)).toEqual([
			'accepted',
			'rejected',
			expect.stringMatching(/Item 2.*transactionNumber/),
		]);
	});

	test('the API key echoed by AES appears in no output or error', async () => {
		aesMock(400, { errors: [`bad key ${EASYPOST_PROBE}`] });
		const continued = await voidEei([filedItem('LEAKV0001')], {}, true);
		const stopped = await voidEei([filedItem('LEAKV0002')]);
		expect(JSON.stringify(continued.output(NODE))).not.toContain(EASYPOST_PROBE);
		expect(`${stopped.error?.message} ${stopped.error?.description} ${JSON.stringify(stopped.error)}`).not.toContain(EASYPOST_PROBE);
	});
});
