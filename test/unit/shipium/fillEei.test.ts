/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import labelRequest from '../../fixtures/shipium/label-request-carrier-eei.json';
import { fillShipiumEeiFromShipment } from '../../../src/shipium/fillEei';
import { withAesItn } from '../../../src/shipium/itnHandOff';
import type { ShipiumLabelRequest } from '../../../src/shipium/carrierEei';
import { InputValidationError } from '../../../src/errors';
import { parseShipment } from '../../../src/shipment/model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely to make each case
type Json = Record<string, any>;

/** The seed 003 label request with neither EEI block: what a workflow has before filling. */
function bareRequest(): Json {
	const input = structuredClone(labelRequest) as Json;
	delete input.shipmentParameters.customsInfo.electronicExportInformation;
	delete input.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation;
	return input;
}

function shipment(changes: (s: Json) => void = () => {}) {
	const input: Json = {
		origin: { country: 'US', state: 'CO' },
		destination: { country: 'CA' },
		exportDate: '2022-06-15',
		items: [{ commodityCode: '6404.19.5500', description: 'Shoes', unitValue: 18.31, quantity: 3, eccn: 'EAR99' }],
	};
	changes(input);
	return parseShipment(input);
}

function fill(request: Json, s = shipment(), defaults = {}): Json {
	return fillShipiumEeiFromShipment(request as ShipiumLabelRequest, s, { scheduleBUnitOfMeasurement: 'pieces', ...defaults }) as Json;
}

function issuePaths(run: () => unknown): string[] {
	try {
		run();
	} catch (error) {
		if (error instanceof InputValidationError) return error.issues.map((i) => i.path);
		throw error;
	}
	return [];
}

const commodityOf = (request: Json) =>
	request.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation;

describe('fillShipiumEeiFromShipment: the canonical shipment feeds the carrier-filed EEI (seed 003)', () => {
	it('fills electronicExportInformation from exportDate and origin.state', () => {
		expect(fill(bareRequest()).shipmentParameters.customsInfo.electronicExportInformation).toEqual({
			exportDate: '2022-06-15',
			pointOfOrigin: 'CO',
		});
	});

	it('takes the export date from departureTime when exportDate is absent', () => {
		const s = shipment((x) => {
			delete x.exportDate;
			x.departureTime = '2022-06-16T08:00:00-06:00';
		});
		expect(fill(bareRequest(), s).shipmentParameters.customsInfo.electronicExportInformation.exportDate).toBe('2022-06-16');
	});

	it('fills a domestic line with no license required: OS, C33, NLR', () => {
		expect(commodityOf(fill(bareRequest()))).toEqual({
			exportType: 'domestic',
			exportInformationCode: 'OS',
			scheduleBInformation: { scheduleBNumber: '6404195500', scheduleBQuantity: 3, scheduleBUnitOfMeasurement: 'pieces' },
			eccnNumber: 'EAR99',
			exportLicenseInformation: { licenseType: 'C33', licenseExemptionCode: 'NLR' },
		});
	});

	it('marks goods made abroad as foreign (15 CFR 30.6(a)(11))', () => {
		const s = shipment((x) => {
			x.items[0].originCountry = 'CN';
		});
		expect(commodityOf(fill(bareRequest(), s)).exportType).toBe('foreign');
	});

	it('keeps what the request already says', () => {
		const request = structuredClone(labelRequest) as Json;
		expect(commodityOf(fill(request))).toEqual(commodityOf(structuredClone(labelRequest)));
	});

	it('fills a licensed line with its license and the line value in whole dollars', () => {
		const s = shipment((x) => {
			x.items[0].licenseRequired = true;
			x.items[0].eccn = '5A992.c';
		});
		const filled = fill(bareRequest(), s, {
			items: [{ licenseType: 'C30', exportLicense: { licenseNumber: 'D123456', licenseExpiration: '2027-01-01' } }],
		});
		expect(commodityOf(filled).exportLicenseInformation).toEqual({
			licenseType: 'C30',
			exportLicense: { licenseNumber: 'D123456', licenseExpiration: '2027-01-01', licenseLineValue: 55 },
		});
	});

	it('asks for the license of a licensed line instead of filing it as NLR', () => {
		const s = shipment((x) => {
			x.items[0].licenseRequired = true;
		});
		expect(issuePaths(() => fill(bareRequest(), s))).toEqual(['defaults.items[0].exportLicense']);
	});

	it('refuses ITAR lines, which Shipium cannot carry', () => {
		const s = shipment((x) => {
			x.items[0].itar = true;
		});
		expect(issuePaths(() => fill(bareRequest(), s))).toContain('items[0].itar');
	});

	it('never assumes EAR99: the ECCN must come from the item or the defaults', () => {
		const s = shipment((x) => {
			delete x.items[0].eccn;
		});
		expect(issuePaths(() => fill(bareRequest(), s))).toEqual(['items[0].eccn']);
	});

	it('uses defaults.eccnNumber for items without an ECCN', () => {
		const s = shipment((x) => {
			delete x.items[0].eccn;
		});
		expect(commodityOf(fill(bareRequest(), s, { eccnNumber: 'EAR99' })).eccnNumber).toBe('EAR99');
	});

	it('requires the Schedule B unit', () => {
		expect(
			issuePaths(() => fillShipiumEeiFromShipment(bareRequest() as ShipiumLabelRequest, shipment())),
		).toEqual(['defaults.items[0].scheduleBUnitOfMeasurement']);
	});

	it('requires the Schedule B quantity for a weight unit rather than reusing the piece count', () => {
		expect(issuePaths(() => fill(bareRequest(), shipment(), { scheduleBUnitOfMeasurement: 'kilogram' }))).toEqual([
			'defaults.items[0].scheduleBQuantity',
		]);
	});

	it('takes a given Schedule B quantity for a weight unit', () => {
		const filled = fill(bareRequest(), shipment(), { scheduleBUnitOfMeasurement: 'kilogram', items: [{ scheduleBQuantity: 2 }] });
		expect(commodityOf(filled).scheduleBInformation).toMatchObject({ scheduleBQuantity: 2, scheduleBUnitOfMeasurement: 'kilogram' });
	});

	it('requires the state of origin', () => {
		const s = shipment((x) => {
			delete x.origin.state;
		});
		expect(issuePaths(() => fill(bareRequest(), s))).toEqual(['origin.state']);
	});

	it('requires the export date', () => {
		const s = shipment((x) => {
			delete x.exportDate;
		});
		expect(issuePaths(() => fill(bareRequest(), s))).toEqual(['exportDate']);
	});

	it('refuses customs items that do not pair with the shipment items', () => {
		const s = shipment((x) => {
			x.items.push({ ...x.items[0] });
		});
		expect(issuePaths(() => fill(bareRequest(), s))).toEqual(['shipmentParameters.customsInfo.customsItems']);
	});

	it('refuses to fill a request that already carries an ITN', () => {
		const request = bareRequest();
		request.shipmentParameters.customsInfo.aesInternalTransactionNumber = 'X20220613366903';
		expect(issuePaths(() => fill(request))).toEqual(['shipmentParameters.customsInfo.aesInternalTransactionNumber']);
	});

	it('does not change the label request it fills', () => {
		const request = bareRequest();
		fill(request);
		expect(request).toEqual(bareRequest());
	});
});

describe('withAesItn: EEI filed through AES, handed to Shipium (seed 003)', () => {
	const ITN = 'X20220613366903';

	it('sets customsInfo.aesInternalTransactionNumber', () => {
		const handed = withAesItn(structuredClone(labelRequest) as ShipiumLabelRequest, ITN) as Json;
		expect(handed.shipmentParameters.customsInfo.aesInternalTransactionNumber).toBe(ITN);
	});

	it('removes the carrier-filing blocks so that the carrier cannot file again', () => {
		const handed = withAesItn(structuredClone(labelRequest) as ShipiumLabelRequest, ITN) as Json;
		expect(handed.shipmentParameters.customsInfo).not.toHaveProperty('electronicExportInformation');
		expect(handed.shipmentParameters.customsInfo.customsItems[0]).not.toHaveProperty('electronicExportCommodityInformation');
	});

	it('keeps the rest of the customs item', () => {
		const handed = withAesItn(structuredClone(labelRequest) as ShipiumLabelRequest, ITN) as Json;
		expect(handed.shipmentParameters.customsInfo.customsItems[0]).toMatchObject({ harmonizedTariffNumber: '9876543210', quantity: 3 });
	});

	it('does not change the label request it hands the ITN to', () => {
		const input = structuredClone(labelRequest) as ShipiumLabelRequest;
		withAesItn(input, ITN);
		expect(input).toEqual(labelRequest);
	});

	it('refuses something that is not an ITN', () => {
		expect(issuePaths(() => withAesItn(structuredClone(labelRequest) as ShipiumLabelRequest, 'AES X20220613366903'))).toEqual([
			'itn',
		]);
	});

	it('refuses a request without customsInfo', () => {
		expect(issuePaths(() => withAesItn({ shipmentParameters: {} }, ITN))).toEqual(['shipmentParameters.customsInfo']);
	});
});
