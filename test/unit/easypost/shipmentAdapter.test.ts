/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fromEasyPostDelivery, modeFromConveyanceCode } from '../../../src/easypost/shipmentAdapter';
import { InputValidationError, type FieldIssue } from '../../../src/errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are edited freely to make each case
const fixture = (name: string): Record<string, any> =>
	JSON.parse(readFileSync(join(__dirname, '../../fixtures/easypost', name), 'utf8'));
const simpleFiling = () => fixture('simple-filing.delivery.json');

function issuesOf(run: () => unknown): FieldIssue[] {
	try {
		run();
	} catch (error) {
		if (error instanceof InputValidationError) return error.issues;
		throw error;
	}
	throw new Error('expected an InputValidationError');
}

describe('EasyPost AES Delivery -> canonical shipment (seed 001)', () => {
	describe('the "Simple Filing" example', () => {
		const shipment = fromEasyPostDelivery(simpleFiling());

		it('takes the origin from the Shipper (the USPPI): country and Subdivision as state', () => {
			expect(shipment.origin).toEqual({ country: 'US', state: 'IL' });
		});

		it('takes the destination from ShipTo when there is no SoldTo (ShipTo is then the ultimate consignee)', () => {
			expect(shipment.destination).toEqual({ country: 'MC' });
			expect(shipment.consignee).toMatchObject({ name: 'Boutique Formule 1', country: 'MC' });
		});

		it('takes the USPPI from the Shipper company and the EIN from the Payor tax id of type E', () => {
			expect(shipment.usppi).toMatchObject({ name: 'Needful Things, Inc.', ein: '88-1234567' });
		});

		it('maps HarmonizedCode, Description and Producer.Country of each line', () => {
			expect(shipment.items[0]).toMatchObject({
				commodityCode: '6910100010',
				description: 'Megaflush 2000 Throne',
				originCountry: 'US',
			});
		});

		it('values a line at UnitValue.Amount x PackQuantity (251 x 10 = 2510)', () => {
			expect(shipment.items[0]).toMatchObject({ unitValue: 251, quantity: 10, value: 2510 });
		});

		it('takes the currency from UnitValue.Currency', () => {
			expect(shipment.currency).toBe('USD');
		});

		it('reads the two-letter ConveyanceCode FX as an air shipment (IATA code)', () => {
			expect(shipment.modeOfTransport).toBe('air');
		});

		it('has no export date when the Delivery carries none', () => {
			expect(shipment.exportDate).toBeUndefined();
		});
	});

	it('maps the "Multiple Reporting Quantity" example (which spells PortOfExport) line for line', () => {
		const shipment = fromEasyPostDelivery(fixture('multiple-reporting-quantity.delivery.json'));
		expect(shipment.items).toEqual([
			expect.objectContaining({
				commodityCode: '6101200020',
				description: 'Young Mans Knitted Windbreaker',
				value: 2510,
				quantity: 10,
				originCountry: 'US',
			}),
		]);
	});

	it('accepts a bare Delivery as well as the { Delivery } request body', () => {
		const wrapped = simpleFiling();
		expect(fromEasyPostDelivery(wrapped.Delivery)).toEqual(fromEasyPostDelivery(wrapped));
	});

	describe('SoldTo (seed 001: "indicates the Ultimate Destination ... ShipTo signifying the Intermediate Consignee")', () => {
		const withSoldTo = () => {
			const body = simpleFiling();
			body.Delivery.SoldTo = { Company: 'Maison Dubois SA', Country: 'fr' };
			return body;
		};

		it('makes SoldTo the ultimate consignee', () => {
			expect(fromEasyPostDelivery(withSoldTo()).consignee).toMatchObject({ name: 'Maison Dubois SA', country: 'FR' });
		});

		it('takes the destination country from SoldTo, not from the intermediate ShipTo', () => {
			expect(fromEasyPostDelivery(withSoldTo()).destination).toEqual({ country: 'FR' });
		});
	});

	it('computes line values as decimals, without binary rounding noise (18.31 x 3 = 54.93)', () => {
		const body = simpleFiling();
		body.Delivery.Items[0].UnitValue.Amount = 18.31;
		body.Delivery.Items[0].PackQuantity = 3;
		expect(fromEasyPostDelivery(body).items[0].value).toBe(54.93);
	});

	it('accepts amounts written as decimal text ("251.00")', () => {
		const body = simpleFiling();
		body.Delivery.Items[0].UnitValue.Amount = '251.00';
		expect(fromEasyPostDelivery(body).items[0].value).toBe(2510);
	});

	it('uses the contact name when the Shipper has no Company', () => {
		const body = simpleFiling();
		delete body.Delivery.Shipper.Company;
		expect(fromEasyPostDelivery(body).usppi).toMatchObject({ name: 'Jack D. Shipper' });
	});

	it('ignores tax ids of other types when looking for the EIN', () => {
		const body = simpleFiling();
		body.Delivery.Shipper.Payor.TaxIds.unshift({ Number: 'DE123456789', TaxIdType: 'V' });
		expect(fromEasyPostDelivery(body).usppi).toMatchObject({ ein: '88-1234567' });
	});

	it('converts values in another currency with the exchange rate the caller supplies', () => {
		const body = simpleFiling();
		body.Delivery.Items[0].UnitValue.Currency = 'eur';
		expect(fromEasyPostDelivery(body, { exchangeRate: 1.08 })).toMatchObject({ currency: 'EUR', exchangeRate: 1.08 });
	});

	it('lets the caller supply the export date and mode that the Delivery does not carry', () => {
		const shipment = fromEasyPostDelivery(simpleFiling(), { exportDate: '2026-11-23', modeOfTransport: 'vessel' });
		expect(shipment).toMatchObject({ exportDate: '2026-11-23', modeOfTransport: 'vessel' });
	});

	it('reads International.ExportDate as the export date when present', () => {
		const body = simpleFiling();
		body.Delivery.International.ExportDate = '2026-11-23T09:30:00-06:00';
		expect(fromEasyPostDelivery(body).exportDate).toBe('2026-11-23');
	});

	describe('currency: all lines must share one', () => {
		const twoLines = (second: unknown) => {
			const body = simpleFiling();
			body.Delivery.Items.push({ ...body.Delivery.Items[0], UnitValue: second });
			return body;
		};

		it('accepts two lines in the same currency', () => {
			expect(fromEasyPostDelivery(twoLines({ Amount: 5, Currency: 'usd' })).currency).toBe('USD');
		});

		it('refuses lines in different currencies, naming the offending source path', () => {
			const issues = issuesOf(() => fromEasyPostDelivery(twoLines({ Amount: 5, Currency: 'EUR' })));
			expect(issues).toEqual([
				{
					path: 'Delivery.Items[1].UnitValue.Currency',
					message: expect.stringContaining('Delivery.Items[0].UnitValue.Currency is USD'),
				},
			]);
		});
	});

	describe('errors name the field of the EasyPost document', () => {
		it('reports a non-numeric UnitValue.Amount at its source path', () => {
			const body = simpleFiling();
			body.Delivery.Items[0].UnitValue.Amount = 'a lot';
			expect(issuesOf(() => fromEasyPostDelivery(body))).toContainEqual({
				path: 'Delivery.Items[0].UnitValue.Amount',
				message: 'must be a number',
			});
		});

		it('reports Items that is not a list at Delivery.Items', () => {
			const body = simpleFiling();
			body.Delivery.Items = { HarmonizedCode: '6910100010' };
			expect(issuesOf(() => fromEasyPostDelivery(body))).toContainEqual({ path: 'Delivery.Items', message: 'must be a list' });
		});

		it('reports paths without the Delivery prefix for a bare Delivery', () => {
			const delivery = simpleFiling().Delivery;
			delivery.Items[0].PackQuantity = true;
			expect(issuesOf(() => fromEasyPostDelivery(delivery))).toContainEqual({
				path: 'Items[0].PackQuantity',
				message: 'must be a number',
			});
		});

		it('reports a HarmonizedCode that is not 10 digits at Delivery.Items[i].HarmonizedCode', () => {
			const body = simpleFiling();
			body.Delivery.Items[0].HarmonizedCode = '6910.10';
			expect(issuesOf(() => fromEasyPostDelivery(body))).toEqual([
				{ path: 'Delivery.Items[0].HarmonizedCode', message: expect.stringContaining('10-digit') },
			]);
		});

		it('reports a missing Shipper country at Delivery.Shipper.Country', () => {
			const body = simpleFiling();
			delete body.Delivery.Shipper.Country;
			expect(issuesOf(() => fromEasyPostDelivery(body))).toEqual([{ path: 'Delivery.Shipper.Country', message: 'is required' }]);
		});

		it('reports an unknown consignee country at the SoldTo country when SoldTo is the ultimate consignee', () => {
			const body = simpleFiling();
			body.Delivery.SoldTo = { Company: 'Maison Dubois SA', Country: 'XX' };
			expect(issuesOf(() => fromEasyPostDelivery(body))).toContainEqual({
				path: 'Delivery.SoldTo.Country',
				message: expect.stringContaining('not an ISO 3166-1 alpha-2 country code'),
			});
		});

		it('reports a negative line value at UnitValue.Amount, saying how the value was computed', () => {
			const body = simpleFiling();
			body.Delivery.Items[0].UnitValue.Amount = -1;
			expect(issuesOf(() => fromEasyPostDelivery(body))).toContainEqual({
				path: 'Delivery.Items[0].UnitValue.Amount',
				message: expect.stringContaining('(line value = UnitValue.Amount x PackQuantity)'),
			});
		});

		it('reports values in another currency without an exchange rate at the currency that set them', () => {
			const body = simpleFiling();
			body.Delivery.Items[0].UnitValue.Currency = 'EUR';
			expect(issuesOf(() => fromEasyPostDelivery(body))).toEqual([
				{ path: 'Delivery.Items[0].UnitValue.Currency', message: expect.stringContaining('give exchangeRate') },
			]);
		});

		it('reports a Delivery without items at Delivery.Items', () => {
			const body = simpleFiling();
			body.Delivery.Items = [];
			expect(issuesOf(() => fromEasyPostDelivery(body))).toEqual([
				{ path: 'Delivery.Items', message: 'a shipment needs at least one item' },
			]);
		});

		it('refuses something that is not an object at all', () => {
			expect(issuesOf(() => fromEasyPostDelivery('Delivery'))).toEqual([
				{ path: '', message: 'must be an EasyPost Delivery object' },
			]);
		});
	});
});

describe('mode of transport from ConveyanceCode (a heuristic stated in seed 001)', () => {
	it.each([
		['FX', 'air'],
		['5X', 'air'],
		['AAL', 'air'],
		['ABFS', 'truck'],
	])('reads %s as %s', (code, mode) => {
		expect(modeFromConveyanceCode(code)).toBe(mode);
	});

	it.each([['F'], ['ABCDE'], ['F-X']])('draws no conclusion from %s', (code) => {
		expect(modeFromConveyanceCode(code)).toBeUndefined();
	});

	it('draws no conclusion without a code', () => {
		expect(modeFromConveyanceCode(undefined)).toBeUndefined();
	});
});
