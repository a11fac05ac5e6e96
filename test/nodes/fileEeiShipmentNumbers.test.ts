/**
 * Issue 11 part A in the real n8n engine: a standing order shipped twice is filed twice under
 * two numbers (File EEI version 2), a re-run is refused as a duplicate and told what it may do,
 * and Replace and Void never land on another shipment's filing (both node versions).
 * Seed 001: EeiTransactionNumber is "globally unique to the filer, never repeating", and "must
 * remain static from original transaction for replace or void to work".
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import canonicalShipment from '../fixtures/easypost/canonical-shipment.json';
import simpleFiling from '../fixtures/easypost/simple-filing.json';
import { CredentialStore, runWorkflow, singleNodeWorkflow } from '../harness';

const AES = 'https://aes.easypost.test';
const PATH = '/api/AesItrItn';
const EASYPOST_PROBE = 'EZAKnumbersprobe0123456789';

type Body = { Delivery: Record<string, any>; TransactionType: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * AES as the sandbox plays it: an add under a used number is refused as a duplicate naming the
 * first filing's ITN; a replace or void needs a filing under the number.
 */
function aes() {
	const filed = new Map<string, { itn: string; delivery: Body['Delivery'] }>();
	const bodies: Body[] = [];
	nock(AES)
		.persist()
		.post(PATH)
		.reply((_uri, raw) => {
			const body = raw as Body;
			bodies.push(body);
			const number = body.Delivery.International.EeiTransactionNumber as string;
			const existing = filed.get(number);
			if (body.TransactionType === 'add') {
				if (existing) return [400, { Status: 'Rejected', Messages: [{ Field: 'EeiTransactionNumber', Message: `"${number}" was already used (ITN ${existing.itn})` }] }];
				const itn = `X2026112300000${filed.size + 1}`;
				filed.set(number, { itn, delivery: body.Delivery });
				return [200, { Status: 'Accepted', Itn: itn }];
			}
			if (!existing) return [400, { Status: 'Rejected', Messages: [`no filing with "${number}" to ${body.TransactionType}`] }];
			if (body.TransactionType === 'replace') filed.set(number, { ...existing, delivery: body.Delivery });
			return [200, { Status: 'Accepted', Itn: existing.itn }];
		});
	return { filed, bodies };
}

async function run(nodeType: 'fileEei' | 'voidEei', items: IDataObject[], parameters: INodeParameters, typeVersion = 2) {
	const workflow = singleNodeWorkflow(
		{
			name: 'Node',
			type: `n8n-nodes-us-customs.${nodeType}`,
			typeVersion,
			parameters,
			credentials: { easyPostApi: { id: '1', name: 'EasyPost' } },
			onError: 'continueRegularOutput',
		},
		items,
	);
	const credentials = new CredentialStore().set('1', 'easyPostApi', { apiKey: EASYPOST_PROBE, aesBaseUrl: AES, apiBaseUrl: 'https://api.easypost.test' });
	const result = await runWorkflow(workflow, { credentials });
	expect(result.error).toBeUndefined();
	return result.output('Node').map((item: INodeExecutionData) => item.json as IDataObject & { aes: IDataObject });
}

/** PO-7781, seed 001's simple filing as a standing order, shipped on `exportDate`. */
function standingOrder(exportDate: string, changes: (delivery: Body['Delivery']) => void = () => undefined): IDataObject {
	const { Delivery } = structuredClone(simpleFiling) as { Delivery: Body['Delivery'] };
	delete Delivery.International.EeiTransactionNumber;
	Delivery.Reference = 'PO-7781';
	changes(Delivery);
	return { exportDate, Delivery };
}

const BY_EXPORT_DATE: INodeParameters = { exportDate: '={{ $json.exportDate }}' };

describe('File EEI version 2: one number per shipment', () => {
	test('files PO-7781 shipped on 23 Nov and again on 7 Dec with the same lines as two filings under two numbers (issue 11)', async () => {
		const { filed } = aes();
		const output = await run('fileEei', [standingOrder('2026-11-23'), standingOrder('2026-12-07')], BY_EXPORT_DATE);
		expect(output.map((item) => item.aes.status)).toEqual(['accepted', 'accepted']);
		expect(output[0].aes.transactionNumber).not.toBe(output[1].aes.transactionNumber);
		expect(filed.size).toBe(2);
	});

	test('refuses a reformatted re-run (bare Schedule B code, reference in another case and spacing) as a duplicate instead of filing it again (issue 11)', async () => {
		const { filed } = aes();
		await run('fileEei', [standingOrder('2026-11-23', (d) => (d.Items[0].UnitValue.Amount = 850))], BY_EXPORT_DATE);
		const reformatted = standingOrder('2026-11-23', (d) => {
			d.Items[0].UnitValue.Amount = 850.0;
			d.Items[0].HarmonizedCode = '6910100010';
			d.Reference = 'po 7781';
		});
		const [again] = await run('fileEei', [reformatted], BY_EXPORT_DATE);
		expect(again.aes).toMatchObject({ status: 'duplicate', sameShipment: false });
		expect(filed.size).toBe(1);
	});

	test('records the shipment fingerprint with every filing', async () => {
		aes();
		const [item] = await run('fileEei', [standingOrder('2026-11-23')], BY_EXPORT_DATE);
		expect(item.aes.shipmentFingerprint).toMatch(/^[0-9a-f]{64}$/);
	});

	test('derives the number from a canonical shipment\'s own export date', async () => {
		const { bodies } = aes();
		const parameters: INodeParameters = {
			payloadSource: 'shipment',
			portOfExport: '2095',
			conveyanceCode: 'FX',
			filingDetails: { lineDetails: '[{ "unitWeight": { "Amount": 22.5, "Unit": "LBS" } }]', quantityUnitOfMeasure: 'EA', reference: 'PO-7781' },
		};
		const december = { ...canonicalShipment, exportDate: '2026-12-07' };
		const output = await run('fileEei', [canonicalShipment as IDataObject, december as IDataObject], parameters);
		expect(output.map((item) => item.aes.status)).toEqual(['accepted', 'accepted']);
		expect(bodies[0].Delivery.International.EeiTransactionNumber).not.toBe(bodies[1].Delivery.International.EeiTransactionNumber);
	});

	test('refuses to derive a number without the export date, naming the field, and sends nothing', async () => {
		// No AES mock: a request would fail with another error than the one expected.
		const [item] = await run('fileEei', [standingOrder('2026-11-23')], {});
		expect(String(item.error)).toMatch(/exportDate: is required to derive a transaction number/);
	});

	test('refuses an add under a new number from an item already filed under another, e.g. by version 1', async () => {
		const { bodies, filed } = aes();
		const [v1] = await run('fileEei', [standingOrder('2026-11-23')], {}, 1);
		const [v2] = await run('fileEei', [v1], BY_EXPORT_DATE);
		expect(String(v2.error)).toMatch(/would file this item's shipment twice: it was already filed under/);
		expect({ requests: bodies.length, filings: filed.size }).toEqual({ requests: 1, filings: 1 });
	});
});

describe('File EEI: the duplicate answer suggests replace only for a proven same shipment', () => {
	test('a re-run with nothing proving it is the shipment filed says to look it up in ACE, not to replace blindly', async () => {
		aes();
		await run('fileEei', [standingOrder('2026-11-23')], BY_EXPORT_DATE);
		const [again] = await run('fileEei', [standingOrder('2026-11-23')], BY_EXPORT_DATE);
		expect(again.aes).toMatchObject({ status: 'duplicate', sameShipment: false });
		expect(again.aes.nextStep).toMatch(/nothing on this item proves it is this shipment.*Do not replace it blindly/);
	});

	test('a re-run of File EEI\'s own output (it carries the ITN) is this shipment: replace is offered', async () => {
		aes();
		const [first] = await run('fileEei', [standingOrder('2026-11-23')], BY_EXPORT_DATE);
		const [again] = await run('fileEei', [first], BY_EXPORT_DATE);
		expect(again.aes).toMatchObject({ status: 'duplicate', sameShipment: true });
		expect(again.aes.nextStep).toMatch(new RegExp(`it is this shipment, already filed.*send a replace under ${String(first.aes.transactionNumber)}`));
	});

	test('version 1 keeps its numbers (PO-7781 on two days still collide there) but its duplicate hint no longer suggests replace (issue 11)', async () => {
		const { filed } = aes();
		const output = await run('fileEei', [standingOrder('2026-11-23'), standingOrder('2026-12-07')], {}, 1);
		expect(output.map((item) => item.aes.status)).toEqual(['accepted', 'duplicate']);
		expect(output[1].aes).toMatchObject({ sameShipment: false });
		expect(output[1].aes.nextStep).not.toMatch(/probably this same shipment|send a replace/);
		expect(filed.size).toBe(1);
	});
});

describe('Replace and Void stay on the item\'s own filing', () => {
	/** Issue 11's defect: 7 Dec refused as a duplicate of 23 Nov under version 1, then "replaced". */
	async function collidedSecondShipment(): Promise<{ second: IDataObject; filed: ReturnType<typeof aes>['filed']; bodies: Body[] }> {
		const mock = aes();
		const [, second] = await run('fileEei', [standingOrder('2026-11-23'), standingOrder('2026-12-07')], {}, 1);
		return { second: { ...standingOrder('2026-12-07', (d) => (d.International.EeiTransactionNumber = second.aes.transactionNumber)), aes: second.aes }, ...mock };
	}

	test('a replace from an item AES refused as an unproven duplicate is refused, and the first shipment\'s filing is untouched (issue 11)', async () => {
		const { second, filed, bodies } = await collidedSecondShipment();
		const number = String((second.aes as IDataObject).transactionNumber);
		const before = structuredClone(filed.get(number));
		const [item] = await run('fileEei', [second], { transactionType: 'replace' }, 1);
		expect(String(item.error)).toMatch(/refused this item's add under .* as a duplicate/);
		expect(bodies.filter((body) => body.TransactionType === 'replace')).toHaveLength(0);
		expect(filed.get(number)).toEqual(before);
	});

	test('a void from such an item is refused too: it would cancel the other shipment\'s filing', async () => {
		const { second, bodies } = await collidedSecondShipment();
		const [item] = await run('voidEei', [second], {});
		expect(String(item.error)).toMatch(/as a duplicate/);
		expect(bodies.filter((body) => body.TransactionType === 'void')).toHaveLength(0);
	});

	test('a replace under another number than the one the item filed under is refused', async () => {
		const { bodies } = aes();
		const [first] = await run('fileEei', [standingOrder('2026-11-23')], BY_EXPORT_DATE);
		const [item] = await run('fileEei', [{ ...first }], { transactionType: 'replace', transactionNumber: 'SOMEONEELSES1' });
		expect(String(item.error)).toMatch(/this item's filing is transaction .* not SOMEONEELSES1/);
		expect(bodies).toHaveLength(1);
	});

	test('a void under another number than the one the item filed under is refused', async () => {
		const { bodies } = aes();
		const [first] = await run('fileEei', [standingOrder('2026-11-23')], BY_EXPORT_DATE);
		const [item] = await run('voidEei', [first], { transactionNumber: 'SOMEONEELSES1' });
		expect(String(item.error)).toMatch(/would cancel another filing/);
		expect(bodies).toHaveLength(1);
	});

	test('a replace of the item\'s own filing goes through under its number', async () => {
		const { bodies } = aes();
		const [first] = await run('fileEei', [standingOrder('2026-11-23')], BY_EXPORT_DATE);
		const corrected = { ...first, Delivery: { ...(first.Delivery as IDataObject), International: { PortOfExportCode: '2095', EeiTransactionNumber: first.aes.transactionNumber } } };
		const [item] = await run('fileEei', [corrected], { transactionType: 'replace' });
		expect(item.aes).toMatchObject({ status: 'accepted', transactionType: 'replace', transactionNumber: first.aes.transactionNumber });
		expect(bodies.map((body) => body.TransactionType)).toEqual(['add', 'replace']);
	});
});
