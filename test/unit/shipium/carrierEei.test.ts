/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import labelRequest from '../../fixtures/shipium/label-request-carrier-eei.json';
import { validateShipiumCarrierEei, type ShipiumLabelRequest } from '../../../src/shipium/carrierEei';
import { InputValidationError } from '../../../src/errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely to make each faulty case
type Json = Record<string, any>;

const CUSTOMS = 'shipmentParameters.customsInfo';
const EEI = `${CUSTOMS}.electronicExportInformation`;
const COMMODITY = `${CUSTOMS}.customsItems[0].electronicExportCommodityInformation`;

function request(): Json {
	return structuredClone(labelRequest) as Json;
}

function customs(input: Json): Json {
	return input.shipmentParameters.customsInfo;
}

function commodity(input: Json): Json {
	return customs(input).customsItems[0].electronicExportCommodityInformation;
}

function issuePaths(input: Json): string[] {
	try {
		validateShipiumCarrierEei(input as ShipiumLabelRequest);
	} catch (error) {
		if (error instanceof InputValidationError) return error.issues.map((i) => i.path);
		throw error;
	}
	return [];
}

describe('validateShipiumCarrierEei: the documented sample (seed 003)', () => {
	it('accepts the sample API call with customs information (without its ITN)', () => {
		expect(issuePaths(request())).toEqual([]);
	});

	it('keeps everything it does not check', () => {
		const valid = validateShipiumCarrierEei(request() as ShipiumLabelRequest) as Json;
		expect(valid.labelParameters).toEqual({ labelFormat: 'ZPL' });
		expect(customs(valid).customsItems[0].productId).toBe('ABC123');
	});

	it('refuses an ITN together with carrier-filing blocks: the EEI would be filed twice', () => {
		const input = request();
		customs(input).aesInternalTransactionNumber = 'X20220613366903';
		expect(issuePaths(input)).toEqual([`${CUSTOMS}.aesInternalTransactionNumber`]);
	});

	it('requires customsInfo', () => {
		const input = request();
		delete input.shipmentParameters.customsInfo;
		expect(issuePaths(input)).toEqual([CUSTOMS]);
	});

	it('requires at least one customs item', () => {
		const input = request();
		customs(input).customsItems = [];
		expect(issuePaths(input)).toEqual([`${CUSTOMS}.customsItems`]);
	});
});

describe('validateShipiumCarrierEei: electronicExportInformation', () => {
	it('requires the block', () => {
		const input = request();
		delete customs(input).electronicExportInformation;
		expect(issuePaths(input)).toEqual([EEI]);
	});

	it('accepts an ISO date-time as exportDate', () => {
		const input = request();
		customs(input).electronicExportInformation.exportDate = '2022-06-15T09:00:00Z';
		expect(issuePaths(input)).toEqual([]);
	});

	it('rejects a US-style date', () => {
		const input = request();
		customs(input).electronicExportInformation.exportDate = '06/15/2022';
		expect(issuePaths(input)).toEqual([`${EEI}.exportDate`]);
	});

	it('rejects a day that does not exist', () => {
		const input = request();
		customs(input).electronicExportInformation.exportDate = '2022-02-30';
		expect(issuePaths(input)).toEqual([`${EEI}.exportDate`]);
	});

	it('accepts Puerto Rico as point of origin', () => {
		const input = request();
		customs(input).electronicExportInformation.pointOfOrigin = 'pr';
		const valid = validateShipiumCarrierEei(input as ShipiumLabelRequest) as Json;
		expect(customs(valid).electronicExportInformation.pointOfOrigin).toBe('PR');
	});

	it('rejects a point of origin that is not a US state', () => {
		const input = request();
		customs(input).electronicExportInformation.pointOfOrigin = 'ON';
		expect(issuePaths(input)).toEqual([`${EEI}.pointOfOrigin`]);
	});
});

describe('validateShipiumCarrierEei: electronicExportCommodityInformation', () => {
	it('requires it on every customs item', () => {
		const input = request();
		delete customs(input).customsItems[0].electronicExportCommodityInformation;
		expect(issuePaths(input)).toEqual([COMMODITY]);
	});

	it('accepts exportType foreign', () => {
		const input = request();
		commodity(input).exportType = 'foreign';
		expect(issuePaths(input)).toEqual([]);
	});

	it('rejects an exportType other than domestic or foreign', () => {
		const input = request();
		commodity(input).exportType = 'D';
		expect(issuePaths(input)).toEqual([`${COMMODITY}.exportType`]);
	});

	it('rejects a 3-character exportInformationCode', () => {
		const input = request();
		commodity(input).exportInformationCode = 'OSS';
		expect(issuePaths(input)).toEqual([`${COMMODITY}.exportInformationCode`]);
	});

	it('normalises a punctuated Schedule B number to 10 digits', () => {
		const input = request();
		commodity(input).scheduleBInformation.scheduleBNumber = '6404.19.5500';
		const valid = validateShipiumCarrierEei(input as ShipiumLabelRequest) as Json;
		expect(commodity(valid).scheduleBInformation.scheduleBNumber).toBe('6404195500');
	});

	it('rejects an 8-digit Schedule B number', () => {
		const input = request();
		commodity(input).scheduleBInformation.scheduleBNumber = '64041955';
		expect(issuePaths(input)).toEqual([`${COMMODITY}.scheduleBInformation.scheduleBNumber`]);
	});

	it('rejects a fractional Schedule B quantity', () => {
		const input = request();
		commodity(input).scheduleBInformation.scheduleBQuantity = 2.5;
		expect(issuePaths(input)).toEqual([`${COMMODITY}.scheduleBInformation.scheduleBQuantity`]);
	});

	it('rejects a Schedule B quantity of 0 for a counted unit', () => {
		const input = request();
		commodity(input).scheduleBInformation.scheduleBQuantity = 0;
		expect(issuePaths(input)).toEqual([`${COMMODITY}.scheduleBInformation.scheduleBQuantity`]);
	});

	it('accepts a Schedule B quantity of 0 with no_quantity_required', () => {
		const input = request();
		commodity(input).scheduleBInformation.scheduleBQuantity = 0;
		commodity(input).scheduleBInformation.scheduleBUnitOfMeasurement = 'no_quantity_required';
		expect(issuePaths(input)).toEqual([]);
	});

	it('rejects a unit outside the documented list', () => {
		const input = request();
		commodity(input).scheduleBInformation.scheduleBUnitOfMeasurement = 'box';
		expect(issuePaths(input)).toEqual([`${COMMODITY}.scheduleBInformation.scheduleBUnitOfMeasurement`]);
	});

	it.each(['5A992', '5A992.c', '0A501.y.1', 'ear99'])('accepts the ECCN %s', (eccn) => {
		const input = request();
		commodity(input).eccnNumber = eccn;
		expect(issuePaths(input)).toEqual([]);
	});

	it.each(['5992', 'AA992', '5F992', 'EAR 100'])('rejects the ECCN %s', (eccn) => {
		const input = request();
		commodity(input).eccnNumber = eccn;
		expect(issuePaths(input)).toEqual([`${COMMODITY}.eccnNumber`]);
	});

	it('requires licenseType', () => {
		const input = request();
		delete commodity(input).exportLicenseInformation.licenseType;
		expect(issuePaths(input)).toEqual([`${COMMODITY}.exportLicenseInformation.licenseType`]);
	});

	it('accepts a license exemption code alone', () => {
		const input = request();
		delete commodity(input).exportLicenseInformation.exportLicense;
		expect(issuePaths(input)).toEqual([]);
	});

	it('accepts an export license alone', () => {
		const input = request();
		delete commodity(input).exportLicenseInformation.licenseExemptionCode;
		expect(issuePaths(input)).toEqual([]);
	});

	it('requires an exemption code or an export license', () => {
		const input = request();
		delete commodity(input).exportLicenseInformation.licenseExemptionCode;
		delete commodity(input).exportLicenseInformation.exportLicense;
		expect(issuePaths(input)).toEqual([`${COMMODITY}.exportLicenseInformation.licenseExemptionCode`]);
	});

	it('requires a whole-dollar licenseLineValue', () => {
		const input = request();
		commodity(input).exportLicenseInformation.exportLicense.licenseLineValue = 999.5;
		expect(issuePaths(input)).toEqual([`${COMMODITY}.exportLicenseInformation.exportLicense.licenseLineValue`]);
	});

	it('requires the license number', () => {
		const input = request();
		delete commodity(input).exportLicenseInformation.exportLicense.licenseNumber;
		expect(issuePaths(input)).toEqual([`${COMMODITY}.exportLicenseInformation.exportLicense.licenseNumber`]);
	});

	it('rejects a license that expires before the export date', () => {
		const input = request();
		commodity(input).exportLicenseInformation.exportLicense.licenseExpiration = '2022-06-14';
		expect(issuePaths(input)).toEqual([`${COMMODITY}.exportLicenseInformation.exportLicense.licenseExpiration`]);
	});

	it('accepts a license that expires on the export date', () => {
		const input = request();
		commodity(input).exportLicenseInformation.exportLicense.licenseExpiration = '2022-06-15';
		expect(issuePaths(input)).toEqual([]);
	});

	it('reports every faulty item by its index', () => {
		const input = request();
		customs(input).customsItems.push(structuredClone(customs(input).customsItems[0]));
		customs(input).customsItems[1].electronicExportCommodityInformation.eccnNumber = 'bad';
		commodity(input).exportType = 'bad';
		expect(issuePaths(input)).toEqual([
			`${COMMODITY}.exportType`,
			`${CUSTOMS}.customsItems[1].electronicExportCommodityInformation.eccnNumber`,
		]);
	});
});
