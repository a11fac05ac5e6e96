/**
 * The filing flow as a user builds it, in one workflow run by the real n8n engine:
 * Check EEI Requirement -> File EEI (built from the canonical shipment, filing facts from
 * expressions) -> Void EEI (by the aes.transactionNumber File EEI produced).
 */
import nock from 'nock';
import type { IDataObject, INode } from 'n8n-workflow';

import canonicalShipment from '../fixtures/easypost/canonical-shipment.json';
import type { WorkflowJson } from '../harness';
import { CredentialStore, runWorkflow } from '../harness';

const AES = 'https://aes.easypost.test';
const PATH = '/api/AesItrItn';
const EASYPOST_PROBE = 'EZAKworkflowprobe0123456789';
const ITN = 'X20261123000042';

const order = {
	...canonicalShipment,
	orderId: 'SO-1001',
	filing: { portOfExport: '2095', carrier: 'FX', lines: [{ unitWeight: { Amount: 22.5, Unit: 'LBS' } }] },
};

function node(name: string, type: string, position: number, parameters: INode['parameters'], withCredential = true): INode {
	return {
		id: name,
		name,
		type: `n8n-nodes-us-customs.${type}`,
		typeVersion: 1,
		position: [position * 220, 0],
		parameters,
		...(withCredential ? { credentials: { easyPostApi: { id: '1', name: 'EasyPost' } } } : {}),
	};
}

function flow(): WorkflowJson {
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		node('Check EEI Requirement', 'checkEeiRequirement', 1, {}, false),
		node('File EEI', 'fileEei', 2, {
			filingMethod: 'easypostAes',
			payloadSource: 'shipment',
			shipmentJson: '={{ $json }}',
			portOfExport: '={{ $json.filing.portOfExport }}',
			conveyanceCode: '={{ $json.filing.carrier }}',
			usppiTaxId: '={{ $json.usppi.ein }}',
			filingDetails: { reference: '={{ $json.orderId }}', quantityUnitOfMeasure: 'EA', lineDetails: '={{ $json.filing.lines }}' },
		}),
		node('Void EEI', 'voidEei', 3, {}),
	];
	const link = (to: string) => ({ main: [[{ node: to, type: 'main' as const, index: 0 }]] });
	return {
		nodes,
		connections: { Start: link('Check EEI Requirement'), 'Check EEI Requirement': link('File EEI'), 'File EEI': link('Void EEI') },
		pinData: { Start: [{ json: order as unknown as IDataObject }] },
	};
}

type Body = { Delivery: { Reference?: string; International: { EeiTransactionNumber: string } }; TransactionType: string };

async function run(bodies: Body[]) {
	nock(AES)
		.persist()
		.post(PATH)
		.basicAuth({ user: EASYPOST_PROBE, pass: '' })
		.reply((_uri, body) => {
			bodies.push(body as Body);
			return (body as Body).TransactionType === 'void' ? [200, { Status: 'Voided' }] : [200, { Itn: ITN }];
		});
	const credentials = new CredentialStore().set('1', 'easyPostApi', { apiKey: EASYPOST_PROBE, aesBaseUrl: AES, apiBaseUrl: 'https://api.easypost.test' });
	return await runWorkflow(flow(), { credentials });
}

describe('Check EEI Requirement -> File EEI -> Void EEI', () => {
	test('the shipment is found reportable, filed under a derived number, and voided under that same number', async () => {
		const bodies: Body[] = [];
		const result = await run(bodies);
		expect(result.error).toBeUndefined();
		expect(bodies.map((body) => body.TransactionType)).toEqual(['add', 'void']);
		const number = bodies[0].Delivery.International.EeiTransactionNumber;
		expect(number).toMatch(/^[A-Z0-9]{17}$/);
		expect(bodies[0].Delivery.Reference).toBe('SO-1001');
		expect(bodies[1].Delivery.International.EeiTransactionNumber).toBe(number);

		const [filed] = result.output('File EEI');
		expect(filed.json.eei).toMatchObject({ required: true });
		expect(filed.json.aes).toMatchObject({ status: 'accepted', itn: ITN, proofOfFilingCitation: `AES ${ITN}`, transactionNumber: number });

		const [voided] = result.output('Void EEI');
		expect(voided.json).toMatchObject({ orderId: 'SO-1001', eei: { required: true } });
		expect(voided.json.aes).toMatchObject({ transactionType: 'void', transactionNumber: number, status: 'accepted', filing: { itn: ITN } });
	});

	test('running the workflow again files under the same number, so AES can refuse a second filing', async () => {
		const first: Body[] = [];
		await run(first);
		nock.cleanAll();
		const second: Body[] = [];
		await run(second);
		expect(second[0].Delivery.International.EeiTransactionNumber).toBe(first[0].Delivery.International.EeiTransactionNumber);
	});
});
