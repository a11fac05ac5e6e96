import labelRequest from '../../fixtures/shipium/label-request-carrier-eei.json';
import { createShipiumLabel } from '../../../src/shipium/labelClient';
import { withAesItn } from '../../../src/shipium/itnHandOff';
import type { ShipiumLabelRequest } from '../../../src/shipium/carrierEei';
import { InputValidationError, ProviderError } from '../../../src/errors';
import { FakeHttpPort, jsonResponse, textResponse, type ScriptedAnswer } from '../../support/fakeHttpPort';

const BASE = 'https://api.shipium.com';
const URL = `${BASE}/api/v1/shipment/carrierselection/label`;
const ITN = 'X20220613366903';

function request(): ShipiumLabelRequest {
	return structuredClone(labelRequest) as ShipiumLabelRequest;
}

function labelResponse(internationalDocuments: unknown[]): Record<string, unknown> {
	return {
		shipiumShipmentId: 'a1b2',
		carrierSelection: { carrier: 'fedex' },
		carrierLabel: { carrierTrackingId: '7123', documents: [{ labelFormat: 'ZPL' }], internationalDocuments },
	};
}

const EEI_DOC = { documentType: 'electronic_export_information', documentFormat: 'PDF', electronicallySubmitted: true };
const INVOICE = { documentType: 'commercial_invoice', documentFormat: 'PDF', electronicallySubmitted: false };

async function create(script: ScriptedAnswer[], input: ShipiumLabelRequest = request(), testMode?: boolean) {
	const port = new FakeHttpPort(script);
	const outcome = await createShipiumLabel(port, { baseUrl: BASE, request: input, testMode }).then(
		(result) => ({ result, error: undefined }),
		(error: unknown) => ({ result: undefined, error }),
	);
	return { port, ...outcome };
}

describe('createShipiumLabel: carrier-filed EEI (seed 003)', () => {
	it('POSTs the label request once to /api/v1/shipment/carrierselection/label', async () => {
		const { port } = await create([jsonResponse(200, labelResponse([INVOICE, EEI_DOC]))]);
		expect(port.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${URL}`]);
	});

	it('asks for a test label by default (testMode "true")', async () => {
		const { port, result } = await create([jsonResponse(200, labelResponse([]))]);
		expect(port.requests[0].body).toMatchObject({ testMode: 'true' });
		expect(result?.testMode).toBe(true);
	});

	it('leaves testMode out when a real label is asked for', async () => {
		const input = { ...request(), testMode: 'true' };
		const { port } = await create([jsonResponse(200, labelResponse([]))], input, false);
		expect(port.requests[0].body).not.toHaveProperty('testMode');
	});

	it('returns the EEI documents and whether the carrier submitted them electronically', async () => {
		const { result } = await create([jsonResponse(200, labelResponse([INVOICE, EEI_DOC]))]);
		expect(result).toMatchObject({ eeiFiling: 'carrier', eeiDocuments: [EEI_DOC], eeiElectronicallySubmitted: true });
	});

	it('reports an EEI document that was not submitted electronically', async () => {
		const { result } = await create([
			jsonResponse(200, labelResponse([{ ...EEI_DOC, electronicallySubmitted: false }])),
		]);
		expect(result?.eeiElectronicallySubmitted).toBe(false);
	});

	it('reports no electronic submission when the response has no EEI document', async () => {
		const { result } = await create([jsonResponse(200, labelResponse([INVOICE]))]);
		expect(result).toMatchObject({ eeiDocuments: [], eeiElectronicallySubmitted: false });
	});

	it('keeps the whole label response', async () => {
		const body = labelResponse([EEI_DOC]);
		const { result } = await create([jsonResponse(200, body)]);
		expect(result?.response).toEqual(body);
	});

	it('sends nothing when the carrier-filed EEI is incomplete', async () => {
		const input = request() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		delete input.shipmentParameters.customsInfo.electronicExportInformation.pointOfOrigin;
		const { port, error } = await create([], input);
		expect(error).toBeInstanceOf(InputValidationError);
		expect(port.requestCount).toBe(0);
	});
});

describe('createShipiumLabel: EEI filed through AES (ITN hand-off)', () => {
	it('sends the ITN and no carrier-filing blocks', async () => {
		const { port, result } = await create([jsonResponse(200, labelResponse([INVOICE]))], withAesItn(request(), ITN));
		const customs = (port.requests[0].body as { shipmentParameters: { customsInfo: Record<string, unknown> } })
			.shipmentParameters.customsInfo;
		expect(customs.aesInternalTransactionNumber).toBe(ITN);
		expect(customs).not.toHaveProperty('electronicExportInformation');
		expect(result).toMatchObject({ eeiFiling: 'itn', itn: ITN });
	});

	it('refuses a malformed ITN before sending', async () => {
		const input = withAesItn(request(), ITN) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		input.shipmentParameters.customsInfo.aesInternalTransactionNumber = 'X2022';
		const { port, error } = await create([], input);
		expect(error).toBeInstanceOf(InputValidationError);
		expect(port.requestCount).toBe(0);
	});
});

describe('createShipiumLabel: errors', () => {
	const shipiumError = (status: number, error: string, message: string) => ({
		timestamp: '2026-11-21T12:00:00.000+00:00',
		status,
		error,
		message,
		path: '/api/v1/shipment/carrierselection/label',
	});

	it("maps Shipium's {timestamp,status,error,message,path} to a ProviderError", async () => {
		const body = shipiumError(400, 'Bad Request', 'customsInfo.customsItems[0].quantity: must be positive');
		const { error } = await create([jsonResponse(400, body)]);
		expect(error).toBeInstanceOf(ProviderError);
		expect(error).toMatchObject({
			provider: 'Shipium',
			status: 400,
			code: 'Bad Request',
			providerMessages: ['customsInfo.customsItems[0].quantity: must be positive'],
			delivery: 'sent',
			body,
		});
		expect((error as ProviderError).hint).toMatch(/No label was bought/);
	});

	it('explains a 401 as a credential problem', async () => {
		const { error } = await create([jsonResponse(401, shipiumError(401, 'Unauthorized', 'Bad credentials'))]);
		expect((error as ProviderError).hint).toMatch(/API key/);
	});

	it('does not buy again after a 500: a label may exist', async () => {
		const { error, port } = await create([
			jsonResponse(500, shipiumError(500, 'Internal Server Error', 'boom')),
			jsonResponse(200, labelResponse([])),
		]);
		expect(port.requestCount).toBe(1);
		expect((error as ProviderError).hint).toMatch(/may have been created/);
	});

	it('does not buy again after a timeout', async () => {
		const { error, port } = await create([{ transportError: 'timeout' }, jsonResponse(200, labelResponse([]))]);
		expect(port.requestCount).toBe(1);
		expect(error).toMatchObject({ delivery: 'unknown' });
	});

	it('sends again after a refused connection', async () => {
		const { result, port } = await create([{ transportError: 'refused' }, jsonResponse(200, labelResponse([]))]);
		expect(port.requestCount).toBe(2);
		expect(result?.httpStatus).toBe(200);
	});

	it('sends again after a 429 with Retry-After', async () => {
		const { port } = await create([
			jsonResponse(429, shipiumError(429, 'Too Many Requests', 'slow down'), { 'retry-after': '2' }),
			jsonResponse(200, labelResponse([])),
		]);
		expect(port.requestCount).toBe(2);
		expect(port.sleeps).toEqual([2000]);
	});

	it('reports a 200 that is not a JSON object, as a label may exist', async () => {
		const { error } = await create([textResponse(200, '<html><title>Maintenance</title></html>', 'text/html')]);
		expect(error).toMatchObject({ delivery: 'sent', providerMessages: ['Maintenance'] });
	});
});

describe('createShipiumLabel: the codes of a carrier-filed EEI are checked before the label is bought', () => {
	function withCommodity(change: (commodity: Record<string, any>) => void): ShipiumLabelRequest { // eslint-disable-line @typescript-eslint/no-explicit-any
		const input = request() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		change(input.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation);
		return input as ShipiumLabelRequest;
	}
	const COMMODITY = 'shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation';

	it('refuses an unknown export information code and buys no label', async () => {
		const { port, error } = await create([jsonResponse(200, labelResponse([]))], withCommodity((c) => (c.exportInformationCode = 'ZZ')));
		expect(port.requests).toHaveLength(0);
		expect((error as InputValidationError).issues).toEqual([{ path: `${COMMODITY}.exportInformationCode`, message: expect.stringMatching(/"ZZ" is not in the export information codes/) }]);
	});

	it('refuses a Schedule B number whose HS subheading does not exist and buys no label', async () => {
		const { port, error } = await create([jsonResponse(200, labelResponse([]))], withCommodity((c) => (c.scheduleBInformation.scheduleBNumber = '6404995500')));
		expect(port.requests).toHaveLength(0);
		expect((error as InputValidationError).issues.map((i) => i.path)).toEqual([`${COMMODITY}.scheduleBInformation.scheduleBNumber`]);
	});

	it('buys the label with a license code missing from the possibly incomplete table, and reports it in codeWarnings', async () => {
		const { port, result } = await create([jsonResponse(200, labelResponse([]))], withCommodity((c) => (c.exportLicenseInformation.licenseType = 'C99')));
		expect(port.requests).toHaveLength(1);
		expect(result?.codeWarnings).toContainEqual(expect.objectContaining({ field: `${COMMODITY}.exportLicenseInformation.licenseType`, value: 'C99', table: 'licenseCodes' }));
	});

	it('does not judge the codes of a request that hands over an ITN: the EEI was filed elsewhere', async () => {
		const { port, result } = await create([jsonResponse(200, labelResponse([]))], withAesItn(withCommodity((c) => (c.exportInformationCode = 'ZZ')), ITN));
		expect(port.requests).toHaveLength(1);
		expect(result?.codeWarnings).toEqual([]);
	});
});
