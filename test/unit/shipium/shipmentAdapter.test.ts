/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fromShipiumCustomsInfo, fromShipiumLabelRequest } from '../../../src/shipium/shipmentAdapter';
import { InputValidationError, type FieldIssue } from '../../../src/errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are edited freely to make each case
const fixture = (name: string): Record<string, any> =>
	JSON.parse(readFileSync(join(__dirname, '../../fixtures/shipium', name), 'utf8'));
const fullCustomsInfo = () => fixture('full-customs-info.customs-info.json');
const labelRequest = () => fixture('label-request.json');
const fromColorado = { origin: { country: 'US', state: 'CO' }, destination: { country: 'CA' } };

function issuesOf(run: () => unknown): FieldIssue[] {
	try {
		run();
	} catch (error) {
		if (error instanceof InputValidationError) return error.issues;
		throw error;
	}
	throw new Error('expected an InputValidationError');
}

describe('Shipium customsInfo -> canonical shipment (seed 003)', () => {
	describe('the "minimum fields, no EEI required" example', () => {
		const shipment = fromShipiumCustomsInfo(fixture('no-eei-required.customs-info.json'), fromColorado);

		it('values a line at customsValue (per unit) x quantity: 18.31 x 3 = 54.93', () => {
			expect(shipment.items[0]).toMatchObject({ unitValue: 18.31, quantity: 3, value: 54.93 });
		});

		it('takes a 10-digit harmonizedTariffNumber as the commodity code', () => {
			expect(shipment.items[0].commodityCode).toBe('9876543210');
		});

		it('maps commodityDescription and countryOfManufacture', () => {
			expect(shipment.items[0]).toMatchObject({ description: '9 mm steel screws', originCountry: 'US' });
		});

		it('takes the currency from customsValueCurrency', () => {
			expect(shipment.currency).toBe('USD');
		});

		it('takes origin and destination from the context when customsInfo has no consignee address', () => {
			expect(shipment).toMatchObject({ origin: { country: 'US', state: 'CO' }, destination: { country: 'CA' } });
		});
	});

	it('maps the "EEI filed through AESDirect" example like the minimum one', () => {
		const shipment = fromShipiumCustomsInfo(fixture('eei-filed-via-aesdirect.customs-info.json'), fromColorado);
		expect(shipment.items).toEqual([expect.objectContaining({ commodityCode: '9876543210', value: 54.93 })]);
	});

	describe('the full example, with EEI data for the carrier', () => {
		const shipment = fromShipiumCustomsInfo(fullCustomsInfo(), { origin: { country: 'US' } });

		it('prefers scheduleBInformation.scheduleBNumber to harmonizedTariffNumber', () => {
			expect(shipment.items[0].commodityCode).toBe('6404195500');
		});

		it('takes the destination and consignee from ultimateConsigneeAddress (name, as company is null)', () => {
			expect(shipment.destination).toEqual({ country: 'CA' });
			expect(shipment.consignee).toMatchObject({ name: 'Wile E. Coyote', country: 'CA' });
		});

		it('takes the export date from electronicExportInformation.exportDate', () => {
			expect(shipment.exportDate).toBe('2022-06-15');
		});

		it('takes the origin state from electronicExportInformation.pointOfOrigin', () => {
			expect(shipment.origin).toEqual({ country: 'US', state: 'CO' });
		});

		it('maps eccnNumber', () => {
			expect(shipment.items[0].eccn).toBe('EAR99');
		});

		it('treats a line with an export license number as licensed by BIS (license code C33 is a Commerce code)', () => {
			expect(shipment.items[0]).toMatchObject({ licenseRequired: true, licenseType: 'BIS' });
		});

		it('does not take NLR for a License Exception', () => {
			expect(shipment.items[0].licenseException).toBeUndefined();
		});

		it('reads exportType "domestic" as US origin (15 CFR 30.6(a)(11))', () => {
			expect(shipment.items[0].originCountry).toBe('US');
		});
	});

	describe('license information', () => {
		const withLicense = (info: unknown) => {
			const customsInfo = fullCustomsInfo();
			customsInfo.customsItems[0].electronicExportCommodityInformation.exportLicenseInformation = info;
			return fromShipiumCustomsInfo(customsInfo, fromColorado).items[0];
		};

		it('leaves an NLR line (C33, no license number) unlicensed', () => {
			const item = withLicense({ licenseType: 'C33', licenseExemptionCode: 'NLR' });
			expect(item.licenseRequired).toBeUndefined();
		});

		it('reads license code C30 as a BIS license even without its number', () => {
			expect(withLicense({ licenseType: 'C30' })).toMatchObject({ licenseRequired: true, licenseType: 'BIS' });
		});

		it('reads a State (S) license code as subject to the ITAR', () => {
			expect(withLicense({ licenseType: 'S05', exportLicense: { licenseNumber: '050123456' } })).toMatchObject({
				itar: true,
				licenseRequired: true,
				licenseType: 'DDTC',
			});
		});

		it('passes a License Exception symbol on (STA: 15 CFR 758.1(b)(4))', () => {
			expect(withLicense({ licenseType: 'C58', licenseExemptionCode: 'sta' }).licenseException).toBe('STA');
		});
	});

	describe('domestic or foreign origin', () => {
		const withOrigin = (countryOfManufacture: string | undefined, exportType: string) => {
			const customsInfo = fullCustomsInfo();
			customsInfo.customsItems[0].countryOfManufacture = countryOfManufacture;
			customsInfo.customsItems[0].electronicExportCommodityInformation.exportType = exportType;
			return customsInfo;
		};

		it('makes a domestic export of goods made abroad (enhanced in the US) US origin', () => {
			expect(fromShipiumCustomsInfo(withOrigin('CN', 'domestic'), fromColorado).items[0].originCountry).toBe('US');
		});

		it('keeps the country of manufacture of a foreign export', () => {
			expect(fromShipiumCustomsInfo(withOrigin('CN', 'foreign'), fromColorado).items[0].originCountry).toBe('CN');
		});

		it('refuses a foreign export of US-made goods, at exportType', () => {
			expect(issuesOf(() => fromShipiumCustomsInfo(withOrigin('US', 'foreign'), fromColorado))).toEqual([
				{
					path: 'customsItems[0].electronicExportCommodityInformation.exportType',
					message: expect.stringContaining('customsItems[0].countryOfManufacture is US'),
				},
			]);
		});

		it('refuses an exportType other than domestic or foreign', () => {
			expect(issuesOf(() => fromShipiumCustomsInfo(withOrigin('US', 're-export'), fromColorado))).toContainEqual({
				path: 'customsItems[0].electronicExportCommodityInformation.exportType',
				message: 'must be "domestic" or "foreign"',
			});
		});
	});

	describe('commodity code length (Shipium allows 6-15 digits; the value test needs 10)', () => {
		const withHts = (hts: string) => {
			const customsInfo = fixture('no-eei-required.customs-info.json');
			customsInfo.customsItems[0].harmonizedTariffNumber = hts;
			return customsInfo;
		};

		it('refuses a 6-digit harmonizedTariffNumber, pointing to scheduleBNumber', () => {
			expect(issuesOf(() => fromShipiumCustomsInfo(withHts('640419'), fromColorado))).toEqual([
				{
					path: 'customsItems[0].harmonizedTariffNumber',
					message: expect.stringContaining('customsItems[0].electronicExportCommodityInformation.scheduleBInformation.scheduleBNumber'),
				},
			]);
		});

		it('refuses a 12-digit harmonizedTariffNumber rather than cutting it', () => {
			expect(issuesOf(() => fromShipiumCustomsInfo(withHts('6404.19.55.00.10'), fromColorado))[0].message).toContain(
				'has 12 digits',
			);
		});

		it('accepts a 10-digit harmonizedTariffNumber written with dots', () => {
			expect(fromShipiumCustomsInfo(withHts('6404.19.5500'), fromColorado).items[0].commodityCode).toBe('6404195500');
		});
	});

	describe('currency', () => {
		it('falls back to totalCustomsValueCurrency when a line has no currency of its own', () => {
			const customsInfo = fixture('no-eei-required.customs-info.json');
			delete customsInfo.customsItems[0].customsValueCurrency;
			customsInfo.totalCustomsValueCurrency = 'cad';
			expect(fromShipiumCustomsInfo(customsInfo, { ...fromColorado, exchangeRate: 0.73 })).toMatchObject({
				currency: 'CAD',
				exchangeRate: 0.73,
			});
		});

		it('refuses lines in different currencies, naming the offending line', () => {
			const customsInfo = fixture('no-eei-required.customs-info.json');
			customsInfo.customsItems.push({ ...customsInfo.customsItems[0], customsValueCurrency: 'EUR' });
			expect(issuesOf(() => fromShipiumCustomsInfo(customsInfo, fromColorado))).toEqual([
				{ path: 'customsItems[1].customsValueCurrency', message: expect.stringContaining('one currency') },
			]);
		});
	});

	describe('errors name the field of the Shipium document', () => {
		it('reports a missing origin of a bare customsInfo at context.origin.country', () => {
			expect(issuesOf(() => fromShipiumCustomsInfo(fullCustomsInfo()))).toEqual([
				{ path: 'context.origin.country', message: 'is required' },
			]);
		});

		it('reports a missing destination at context.destination.country when there is no consignee address', () => {
			const onlyOrigin = { origin: fromColorado.origin };
			expect(issuesOf(() => fromShipiumCustomsInfo(fixture('no-eei-required.customs-info.json'), onlyOrigin))).toEqual([
				{ path: 'context.destination.country', message: 'is required' },
			]);
		});

		it('reports a bad quantity at customsItems[i].quantity', () => {
			const customsInfo = fullCustomsInfo();
			customsInfo.customsItems[0].quantity = 0;
			expect(issuesOf(() => fromShipiumCustomsInfo(customsInfo, fromColorado))).toContainEqual({
				path: 'customsItems[0].quantity',
				message: expect.stringContaining('greater than 0'),
			});
		});

		it('reports a bad ECCN at eccnNumber', () => {
			const customsInfo = fullCustomsInfo();
			customsInfo.customsItems[0].electronicExportCommodityInformation.eccnNumber = 'ABC';
			expect(issuesOf(() => fromShipiumCustomsInfo(customsInfo, fromColorado))).toContainEqual({
				path: 'customsItems[0].electronicExportCommodityInformation.eccnNumber',
				message: expect.stringContaining('must be an ECCN'),
			});
		});

		it('refuses something that is not an object', () => {
			expect(issuesOf(() => fromShipiumCustomsInfo([]))).toEqual([{ path: '', message: 'must be a Shipium customsInfo object' }]);
		});
	});
});

describe('Shipium label request -> canonical shipment', () => {
	it('takes the origin country from shipmentParameters.shipFromAddress and the state from pointOfOrigin', () => {
		expect(fromShipiumLabelRequest(labelRequest()).origin).toEqual({ country: 'US', state: 'CO' });
	});

	it('takes the origin state from the ship-from address when there is no pointOfOrigin', () => {
		const request = labelRequest();
		delete request.shipmentParameters.customsInfo.electronicExportInformation;
		request.shipmentParameters.shipFromAddress.state = 'nj';
		expect(fromShipiumLabelRequest(request).origin).toEqual({ country: 'US', state: 'NJ' });
	});

	it('maps the items of its customsInfo', () => {
		expect(fromShipiumLabelRequest(labelRequest()).items).toEqual([
			expect.objectContaining({ commodityCode: '6404195500', value: 54.93, originCountry: 'US' }),
		]);
	});

	it('uses the destination address as consignee when there is no ultimateConsigneeAddress, as Shipium does', () => {
		const request = labelRequest();
		delete request.shipmentParameters.customsInfo.ultimateConsigneeAddress;
		request.shipmentParameters.destinationAddress.countryCode = 'MX';
		request.shipmentParameters.destinationAddress.company = 'Tornillos del Norte SA';
		const shipment = fromShipiumLabelRequest(request);
		expect(shipment.destination).toEqual({ country: 'MX' });
		expect(shipment.consignee).toMatchObject({ name: 'Tornillos del Norte SA', country: 'MX' });
	});

	it('takes the USPPI from the context, as Shipium requests do not carry it', () => {
		const usppi = { name: 'Acme Fasteners LLC', ein: '12-3456789' };
		expect(fromShipiumLabelRequest(labelRequest(), { usppi }).usppi).toEqual(usppi);
	});

	it('reports errors at their path in the request', () => {
		const request = labelRequest();
		request.shipmentParameters.customsInfo.customsItems[0].customsValue = 'cheap';
		request.shipmentParameters.shipFromAddress.countryCode = 'ZZ';
		expect(issuesOf(() => fromShipiumLabelRequest(request))).toEqual(
			expect.arrayContaining([
				{ path: 'shipmentParameters.customsInfo.customsItems[0].customsValue', message: 'must be a number' },
				{ path: 'shipmentParameters.shipFromAddress.countryCode', message: expect.stringContaining('"ZZ"') },
			]),
		);
	});

	it('refuses a request without customsInfo, which the decision needs', () => {
		const request = labelRequest();
		delete request.shipmentParameters.customsInfo;
		expect(issuesOf(() => fromShipiumLabelRequest(request))).toContainEqual({
			path: 'shipmentParameters.customsInfo',
			message: expect.stringContaining('is required'),
		});
	});

	it('refuses a request without shipmentParameters', () => {
		expect(issuesOf(() => fromShipiumLabelRequest({ labelParameters: {} }))).toContainEqual({
			path: 'shipmentParameters',
			message: 'is required',
		});
	});
});

describe('Shipium label request: origin state errors at their source', () => {
	it('reports a bad pointOfOrigin at electronicExportInformation.pointOfOrigin', () => {
		const request = labelRequest();
		request.shipmentParameters.customsInfo.electronicExportInformation.pointOfOrigin = 'Colorado';
		expect(issuesOf(() => fromShipiumLabelRequest(request))).toEqual([
			{
				path: 'shipmentParameters.customsInfo.electronicExportInformation.pointOfOrigin',
				message: 'must be a 2-letter state code',
			},
		]);
	});

	it('reports a bad ship-from state at shipFromAddress.state when there is no pointOfOrigin', () => {
		const request = labelRequest();
		delete request.shipmentParameters.customsInfo.electronicExportInformation;
		request.shipmentParameters.shipFromAddress.state = 'Colorado';
		expect(issuesOf(() => fromShipiumLabelRequest(request))).toEqual([
			{ path: 'shipmentParameters.shipFromAddress.state', message: 'must be a 2-letter state code' },
		]);
	});
});
