/**
 * Promises of File EEI version 2's transaction numbers over generated standing orders (issue 11:
 * "two shipments never [share a number]; the same shipment re-run gets the same number").
 * Seed 001: EeiTransactionNumber must be "globally unique to the filer, never repeating".
 */
import fc from 'fast-check';

import { numberFiling } from '../../../src/easypost/filingNumber';

type Delivery = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EINS = ['88-1234567', '12-3456789', '98-7654321'];
const CONSIGNEES = [
	{ Company: 'Boutique Formule 1', StreetAddress: "11 bis, Av. d'Ostendeo", City: 'Monaco', PostalCode: '98000', Country: 'MC' },
	{ Company: 'Technik GmbH', StreetAddress: 'Hauptstrasse 1', City: 'Berlin', PostalCode: '10115', Country: 'DE' },
	{ Company: 'Tokyo Apparel KK', StreetAddress: '1-1 Ginza', City: 'Tokyo', PostalCode: '104-0061', Country: 'JP' },
];
const CODES = ['6910.10.0010', '6101.20.0020', '8471.30.0100', '8483.40.5010'];

const line = fc.record({
	code: fc.constantFrom(...CODES),
	origin: fc.constantFrom('US', 'DE', 'CN'),
	quantity: fc.integer({ min: 1, max: 500 }),
	unitCents: fc.integer({ min: 1, max: 1_000_000 }),
});

/** One standing order: the same parties, reference and lines, shipped on several distinct days. */
const standingOrder = fc.record({
	ein: fc.constantFrom(...EINS),
	consignee: fc.constantFrom(...CONSIGNEES),
	reference: fc.constantFrom('PO-7781', 'PO-7782', 'SO-1001'),
	lines: fc.array(line, { minLength: 1, maxLength: 4 }),
	days: fc.uniqueArray(fc.integer({ min: 0, max: 730 }), { minLength: 2, maxLength: 6 }),
});

type Line = { code: string; origin: string; quantity: number; unitCents: number };
type Order = { ein: string; consignee: (typeof CONSIGNEES)[number]; reference: string; lines: Line[] };

function day(offset: number): string {
	return new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function delivery(order: Order): Delivery {
	return {
		Reference: order.reference,
		Shipper: {
			Company: 'Needful Things, Inc.',
			StreetAddress: '1060 W Addison',
			City: 'Chicago',
			Subdivision: 'IL',
			Country: 'US',
			Payor: { TaxIds: [{ Number: order.ein, TaxIdType: 'E' }] },
		},
		ShipTo: { ...order.consignee },
		International: { PortOfExportCode: '2095' },
		ShippingOptions: { ConveyanceCode: 'FX' },
		Items: order.lines.map((l) => ({
			HarmonizedCode: l.code,
			UnitValue: { Amount: l.unitCents / 100, Currency: 'USD' },
			UnitWeight: { Amount: 1, Unit: 'KG' },
			Description: 'Goods',
			Producer: { Country: l.origin },
			PackQuantity: l.quantity,
			QuantityUnitOfMeasure: 'EA',
		})),
	};
}

/** The same shipment as another system writes it: numbers as text, codes bare, case and spacing changed, lines and keys reordered. */
function reformatted(original: Delivery, shuffle: number): Delivery {
	const copy = structuredClone(original);
	copy.Reference = ` ${String(copy.Reference).toLowerCase().replace('-', ' ')} `;
	copy.Shipper.Payor.TaxIds[0].Number = String(copy.Shipper.Payor.TaxIds[0].Number).replace('-', '');
	copy.ShipTo.Company = String(copy.ShipTo.Company).toUpperCase();
	copy.ShipTo.StreetAddress = String(copy.ShipTo.StreetAddress).replace(/[,.']/g, ' ');
	copy.Items = copy.Items.map((item: Delivery) => ({
		PackQuantity: String(item.PackQuantity),
		UnitValue: { Currency: 'USD', Amount: Number(item.UnitValue.Amount).toFixed(2) },
		HarmonizedCode: String(item.HarmonizedCode).replace(/\./g, ''),
		Producer: { Country: String(item.Producer.Country).toLowerCase() },
		Description: 'GOODS (re-keyed)',
		UnitWeight: item.UnitWeight,
		QuantityUnitOfMeasure: 'ea',
	}));
	const rotate = shuffle % copy.Items.length;
	copy.Items = [...copy.Items.slice(rotate), ...copy.Items.slice(0, rotate)];
	return Object.fromEntries(Object.entries(copy).reverse());
}

function numberOf(d: Delivery, exportDate: string): string {
	return numberFiling(d, { recipe: 2, transactionType: 'add', exportDate }).transactionNumber;
}

describe('File EEI version 2 transaction numbers (generated standing orders)', () => {
	test('a standing order shipped on different days gets a different number each day', () => {
		fc.assert(
			fc.property(standingOrder, (order) => {
				const numbers = order.days.map((d) => numberOf(delivery(order), day(d)));
				expect(new Set(numbers).size).toBe(order.days.length);
			}),
			{ numRuns: 400, seed: 7781 },
		);
	});

	test('a reformatted re-run of a shipment gets its number again', () => {
		fc.assert(
			fc.property(standingOrder, fc.nat(), (order, shuffle) => {
				const exportDate = day(order.days[0]);
				expect(numberOf(reformatted(delivery(order), shuffle), exportDate)).toBe(numberOf(delivery(order), exportDate));
			}),
			{ numRuns: 400, seed: 8500 },
		);
	});

	test('no two distinct shipments among many standing orders share a number', () => {
		fc.assert(
			fc.property(fc.array(standingOrder, { minLength: 2, maxLength: 12 }), (orders) => {
				const byNumber = new Map<string, string>();
				for (const order of orders) {
					for (const d of order.days) {
						const identity = JSON.stringify([order.ein, order.consignee.Company, order.reference, day(d), [...order.lines].map((l) => JSON.stringify(l)).sort()]);
						const number = numberOf(delivery(order), day(d));
						const seen = byNumber.get(number);
						expect({ number, same: seen === undefined || seen === identity }).toEqual({ number, same: true });
						byNumber.set(number, identity);
					}
				}
			}),
			{ numRuns: 200, seed: 3006 },
		);
	});
});
