import { startSandbox, type Sandbox } from '../../sandbox';
import { basic, json, postJson, type Json } from './support';

/** Seed 003: the minimum international customsInfo, one item. */
function labelRequest(customs: Record<string, unknown> = {}, item: Record<string, unknown> = {}): Record<string, Json> {
	return {
		testMode: 'true',
		labelParameters: { labelFormat: 'ZPL' },
		shipmentParameters: {
			shipOption: 'InternationalTwoToFiveDay',
			customsInfo: {
				totalCustomsValue: 54.95,
				totalCustomsValueCurrency: 'USD',
				customsDescription: '9 mm steel screws',
				reasonForExport: 'sale',
				invoiceDate: '2022-06-13',
				customsItems: [
					{
						customsValue: 18.31,
						customsValueCurrency: 'USD',
						commodityDescription: '9 mm steel screws',
						countryOfManufacture: 'US',
						customsWeight: { weight: 4, weightUnit: 'lb' },
						quantity: 3,
						quantityUnitOfMeasurement: 'box',
						harmonizedTariffNumber: '9876543210',
						...item,
					},
				],
				...customs,
			},
		},
	};
}

const carrierFiledItem = {
	electronicExportCommodityInformation: {
		exportType: 'domestic',
		exportInformationCode: 'LC',
		scheduleBInformation: { scheduleBNumber: '6404195500', scheduleBQuantity: 3, scheduleBUnitOfMeasurement: 'pack' },
		eccnNumber: 'EAR99',
		exportLicenseInformation: { licenseType: 'C33', licenseExemptionCode: 'NLR' },
	},
};

describe('sandbox: Shipium (/shipium)', () => {
	let sandbox: Sandbox;
	let labelUrl: string;
	let auth: Record<string, string>;

	beforeEach(async () => {
		sandbox = await startSandbox({ seed: 5 });
		labelUrl = `${sandbox.urls.shipium}/api/v1/shipment/carrierselection/label`;
		auth = { authorization: basic(sandbox.keys.shipiumApiKey) };
	});
	afterEach(() => sandbox.close());

	const documentTypes = async (response: Response) =>
		((await json(response)).carrierLabel.internationalDocuments as { documentType: string }[]).map((d) => d.documentType);

	it('answers the credential ping with {status:1, info:"pong"}', async () => {
		const response = await fetch(`${sandbox.urls.shipium}/api/v1/deliveryexperience/ping`, { headers: auth });
		expect(await json(response)).toEqual({ status: 1, info: 'pong' });
	});

	it('refuses the ping without the API key, in Shipium error format', async () => {
		const response = await fetch(`${sandbox.urls.shipium}/api/v1/deliveryexperience/ping`);
		expect(response.status).toBe(401);
		expect(await json(response)).toEqual({
			timestamp: expect.any(String),
			status: 401,
			error: 'Unauthorized',
			message: expect.any(String),
			path: '/shipium/api/v1/deliveryexperience/ping',
		});
	});

	it('returns a label document for a valid request', async () => {
		const response = await postJson(labelUrl, labelRequest(), auth);
		expect(response.status).toBe(200);
		const body = await json(response);
		expect(body.carrierLabel.documents[0]).toMatchObject({ labelFormat: 'ZPL', labelImage: { imageEncoding: 'base64' } });
	});

	it('adds an electronically submitted EEI document when the carrier files the EEI', async () => {
		const request = labelRequest({ electronicExportInformation: { exportDate: '2022-06-15', pointOfOrigin: 'CO' } }, carrierFiledItem);
		const response = await postJson(labelUrl, request, auth);
		const documents = (await json(response)).carrierLabel.internationalDocuments;
		expect(documents).toContainEqual(
			expect.objectContaining({ documentType: 'electronic_export_information', electronicallySubmitted: true }),
		);
		expect(sandbox.state.shipium.labels[0].eei).toBe('carrier-filed');
	});

	it('adds no EEI document when the EEI was filed elsewhere and the ITN is passed', async () => {
		const response = await postJson(labelUrl, labelRequest({ aesInternalTransactionNumber: 'X20220613366903' }), auth);
		expect(await documentTypes(response)).toEqual(['commercial_invoice']);
		expect(sandbox.state.shipium.labels[0]).toMatchObject({ eei: 'itn', itn: 'X20220613366903' });
	});

	it('prefers the ITN when both the ITN and carrier EEI details are sent (seed 003: EEI details not needed then)', async () => {
		const request = labelRequest({
			aesInternalTransactionNumber: 'X20220613366903',
			electronicExportInformation: { exportDate: '2022-06-15', pointOfOrigin: 'CO' },
		});
		expect(await documentTypes(await postJson(labelUrl, request, auth))).toEqual(['commercial_invoice']);
	});

	it('refuses a malformed ITN with 400 in Shipium error format', async () => {
		const response = await postJson(labelUrl, labelRequest({ aesInternalTransactionNumber: 'X123' }), auth);
		expect(response.status).toBe(400);
		expect(await json(response)).toMatchObject({ status: 400, error: 'Bad Request', message: expect.stringContaining('aesInternalTransactionNumber') });
	});

	it('refuses carrier-filed EEI without per-item export commodity information', async () => {
		const request = labelRequest({ electronicExportInformation: { exportDate: '2022-06-15', pointOfOrigin: 'CO' } });
		const response = await postJson(labelUrl, request, auth);
		expect(response.status).toBe(400);
		expect((await json(response)).message).toContain('customsItems[0].electronicExportCommodityInformation');
	});

	it('refuses a reason for export outside the documented list', async () => {
		const response = await postJson(labelUrl, labelRequest({ reasonForExport: 'resale' }), auth);
		expect((await json(response)).message).toContain('reasonForExport');
	});

	it('refuses a label request without the API key', async () => {
		expect((await postJson(labelUrl, labelRequest())).status).toBe(401);
	});
});
