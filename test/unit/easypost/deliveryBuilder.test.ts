/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import canonical from '../../fixtures/easypost/canonical-shipment.json';
import simpleFiling from '../../fixtures/easypost/simple-filing.json';
import {
	buildAesRequestFromShipment,
	buildDeliveryFromShipment,
	type AesFilingDetails,
} from '../../../src/easypost/deliveryBuilder';
import { parseAesRequest } from '../../../src/easypost/aesRequest';
import { InputValidationError } from '../../../src/errors';
import { parseShipment } from '../../../src/shipment/model';

function shipment(changes: (input: Record<string, any>) => void = () => {}) { // eslint-disable-line @typescript-eslint/no-explicit-any
	const input = structuredClone(canonical) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
	changes(input);
	return parseShipment(input);
}

const filing: AesFilingDetails = {
	portOfExport: '2095',
	conveyanceCode: 'FX',
	reference: 'ABC123',
	transactionNumber: 'GloballyUniqueNo1',
	quantityUnitOfMeasure: 'EA',
	items: [{ unitWeight: { Amount: 22.5, Unit: 'LBS' } }],
};

function issuesOf(run: () => unknown): string[] {
	try {
		run();
	} catch (error) {
		if (error instanceof InputValidationError) return error.issues.map((i) => `${i.path}: ${i.message}`);
		throw error;
	}
	return [];
}

describe('buildAesRequestFromShipment: Check EEI -> File EEI without hand-mapping', () => {
	it('reproduces the documented simple filing from the equivalent canonical shipment (seed 001)', () => {
		const built = buildAesRequestFromShipment(shipment(), filing);
		expect(built).toEqual(parseAesRequest(structuredClone(simpleFiling)));
	});

	it('sends the line value as UnitValue in USD per pack (value / quantity)', () => {
		const built = buildAesRequestFromShipment(
			shipment((s) => {
				s.currency = 'EUR';
				s.exchangeRate = 1.1;
				s.items[0].value = 1000;
				s.items[0].quantity = 4;
			}),
			filing,
		);
		expect((built.Delivery.Items as Array<Record<string, unknown>>)[0].UnitValue).toEqual({ Amount: 275, Currency: 'USD' });
	});

	it('keeps UnitValue x PackQuantity within a cent of the line value when it does not divide evenly', () => {
		const built = buildAesRequestFromShipment(
			shipment((s) => {
				s.items[0].value = 1000;
				s.items[0].quantity = 3;
			}),
			filing,
		);
		const line = (built.Delivery.Items as Array<{ UnitValue: { Amount: number } }>)[0];
		expect(Math.abs(line.UnitValue.Amount * 3 - 1000)).toBeLessThan(0.01);
	});

	it('takes the USPPI EIN from filing.usppiTaxId over usppi.ein', () => {
		const built = buildAesRequestFromShipment(shipment(), { ...filing, usppiTaxId: '991234567' });
		expect(built.Delivery.Shipper).toMatchObject({ Payor: { TaxIds: [{ Number: '991234567', TaxIdType: 'E' }] } });
	});

	it('falls back to origin.state and origin.country for the USPPI address', () => {
		const built = buildAesRequestFromShipment(
			shipment((s) => {
				delete s.usppi.address.state;
				s.origin.state = 'CO';
			}),
			filing,
		);
		expect(built.Delivery.Shipper).toMatchObject({ Subdivision: 'CO', Country: 'US' });
	});

	it('lets filing.shipTo override the mapped consignee', () => {
		const built = buildAesRequestFromShipment(shipment(), { ...filing, shipTo: { Phone: '+377 1' } });
		expect(built.Delivery.ShipTo).toMatchObject({ Company: 'Boutique Formule 1', Phone: '+377 1' });
	});

	it('sends SoldTo from filing.soldTo, making the consignee the intermediate consignee', () => {
		const soldTo = { Company: 'Final SARL', StreetAddress: '1 rue', City: 'Nice', Country: 'FR' };
		const built = buildAesRequestFromShipment(shipment(), { ...filing, soldTo });
		expect(built.Delivery.SoldTo).toEqual(soldTo);
	});

	it('derives a transaction number from the seed when none is given', () => {
		const built = buildAesRequestFromShipment(shipment(), {
			...filing,
			transactionNumber: undefined,
			transactionNumberSeed: 'exec-9:0',
		});
		expect(built.Delivery.International.EeiTransactionNumber).toMatch(/^[A-Z0-9]{17}$/);
	});

	it('applies the vessel rule from the shipment mode: the vessel name is required', () => {
		const issues = issuesOf(() =>
			buildAesRequestFromShipment(
				shipment((s) => {
					s.modeOfTransport = 'vessel';
				}),
				{ ...filing, conveyanceCode: 'MAEU' },
			),
		);
		expect(issues).toEqual([expect.stringMatching(/^Delivery\.ShippingOptions\.ConveyanceName: /)]);
	});

	it('names the canonical field an AES issue came from', () => {
		const issues = issuesOf(() => buildAesRequestFromShipment(shipment(), { ...filing, items: [{}] }));
		expect(issues).toEqual([expect.stringMatching(/^Delivery\.Items\[0\]\.UnitWeight: .*\(from filing\.items\[0\]\)$/)]);
	});

	it('passes license fields given in filing.items[i].extra into the Delivery item', () => {
		const built = buildAesRequestFromShipment(
			shipment((s) => {
				s.items[0].licenseRequired = true;
			}),
			{ ...filing, items: [{ unitWeight: { Amount: 1, Unit: 'KG' }, extra: { LicenseCode: 'C30' } }] },
		);
		expect((built.Delivery.Items as Array<Record<string, unknown>>)[0].LicenseCode).toBe('C30');
	});
});

describe('buildDeliveryFromShipment: facts AES needs that the shipment lacks', () => {
	it('requires the USPPI EIN', () => {
		expect(
			issuesOf(() =>
				buildDeliveryFromShipment(
					shipment((s) => {
						delete s.usppi.ein;
					}),
					filing,
				),
			),
		).toEqual([expect.stringMatching(/^usppi\.ein: /)]);
	});

	it('requires the commercial quantity of each line', () => {
		expect(
			issuesOf(() =>
				buildDeliveryFromShipment(
					shipment((s) => {
						delete s.items[0].quantity;
					}),
					filing,
				),
			),
		).toEqual([expect.stringMatching(/^items\[0\]\.quantity: /)]);
	});

	it('accepts a line without quantity when filing.items[i].packQuantity gives it', () => {
		const delivery = buildDeliveryFromShipment(
			shipment((s) => {
				delete s.items[0].quantity;
			}),
			{ ...filing, items: [{ unitWeight: { Amount: 1, Unit: 'KG' }, packQuantity: 5 }] },
		);
		expect((delivery.Items as Array<Record<string, unknown>>)[0]).toMatchObject({
			PackQuantity: 5,
			UnitValue: { Amount: 502, Currency: 'USD' },
		});
	});

	it('refuses a licensed line without its license fields rather than filing it unlicensed', () => {
		expect(
			issuesOf(() =>
				buildDeliveryFromShipment(
					shipment((s) => {
						s.items[0].licenseRequired = true;
					}),
					filing,
				),
			),
		).toEqual([expect.stringMatching(/^items\[0\]\.licenseRequired: /)]);
	});

	it('refuses an ITAR line without its license fields', () => {
		expect(
			issuesOf(() =>
				buildDeliveryFromShipment(
					shipment((s) => {
						s.items[0].itar = true;
					}),
					filing,
				),
			),
		).toEqual([expect.stringMatching(/^items\[0\]\.licenseRequired: /)]);
	});

	it('refuses more filing lines than shipment items', () => {
		expect(issuesOf(() => buildDeliveryFromShipment(shipment(), { ...filing, items: [{}, {}] }))).toEqual([
			expect.stringMatching(/^filing\.items: has 2 lines for 1 items/),
		]);
	});
});
