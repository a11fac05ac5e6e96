/**
 * Transaction numbers derived from what makes a shipment itself (File EEI version 2, issue 11).
 * Seed 001: EeiTransactionNumber "is required to be globally unique to the filer, never
 * repeating (for eternity)"; 15 CFR 30.1 "shipment": one USPPI, one consignee, the same day.
 */
import simpleFiling from '../../fixtures/easypost/simple-filing.json';
import { numberFiling } from '../../../src/easypost/filingNumber';
import { deriveShipmentTransactionNumber, shipmentFingerprint, shipmentIdentity } from '../../../src/easypost/shipmentIdentity';
import { deriveTransactionNumber } from '../../../src/easypost/transactionNumber';
import { InputValidationError } from '../../../src/errors';

type Delivery = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Seed 001's simple filing as a standing order PO-7781, without a transaction number. */
function standingOrder(): Delivery {
	const delivery = structuredClone(simpleFiling.Delivery) as Delivery;
	delete delivery.International.EeiTransactionNumber;
	delivery.Reference = 'PO-7781';
	return delivery;
}

function derive(delivery: Delivery, exportDate = '2026-11-23', seed?: string): string {
	return numberFiling(delivery, { recipe: 2, transactionType: 'add', exportDate, seed }).transactionNumber;
}

describe('recipe 2: the number of a shipment (USPPI, consignee, export date, reference, goods)', () => {
	it('gives PO-7781 shipped on 23 Nov and again on 7 Dec with the same lines two different numbers (issue 11)', () => {
		expect(derive(standingOrder(), '2026-11-23')).not.toBe(derive(standingOrder(), '2026-12-07'));
	});

	it('gives the same shipment re-run the same number', () => {
		expect(derive(standingOrder())).toBe(derive(standingOrder()));
	});

	it('reads Amount 850 and "850.00" as the same value (issue 11: a reformatted re-run filed again)', () => {
		const asNumber = standingOrder();
		asNumber.Items[0].UnitValue.Amount = 850;
		const asText = standingOrder();
		asText.Items[0].UnitValue.Amount = '850.00';
		expect(derive(asText)).toBe(derive(asNumber));
	});

	it('reads codes without their punctuation: "6910.10.0010" is 6910100010 (seed 001: punctuation is ignored)', () => {
		const plain = standingOrder();
		plain.Items[0].HarmonizedCode = '6910100010';
		expect(derive(plain)).toBe(derive(standingOrder()));
	});

	it('reads the reference, the EIN and the consignee regardless of case, spacing and punctuation', () => {
		const reformatted = standingOrder();
		reformatted.Reference = 'po 7781';
		reformatted.Shipper.Payor.TaxIds[0].Number = '881234567';
		reformatted.ShipTo.Company = 'BOUTIQUE  FORMULE 1.';
		reformatted.ShipTo.StreetAddress = "11 BIS AV D'OSTENDEO";
		expect(derive(reformatted)).toBe(derive(standingOrder()));
	});

	it('ignores the order of the lines', () => {
		const twoLines = standingOrder();
		twoLines.Items.push({ ...structuredClone(twoLines.Items[0]), HarmonizedCode: '6101.20.0020', PackQuantity: 3 });
		const reversed = structuredClone(twoLines);
		reversed.Items.reverse();
		expect(derive(reversed)).toBe(derive(twoLines));
	});

	it('keeps the number when only what a re-run may correct changes: port, carrier, weights, description, consignee address', () => {
		const corrected = standingOrder();
		corrected.ShipTo.StreetAddress = "12 Avenue d'Ostende";
		corrected.ShipTo.PostalCode = '98001';
		corrected.International.PortOfExportCode = '4601';
		corrected.ShippingOptions.ConveyanceCode = 'UA';
		corrected.Items[0].UnitWeight = { Amount: 10.2, Unit: 'KG' };
		corrected.Items[0].Description = 'Toilets';
		expect(derive(corrected)).toBe(derive(standingOrder()));
	});

	it('gives another consignee, another USPPI, another reference or other goods another number', () => {
		const base = derive(standingOrder());
		const changes: Array<(d: Delivery) => void> = [
			(d) => (d.ShipTo.Company = 'Another Boutique'),
			(d) => (d.Shipper.Payor.TaxIds[0].Number = '88-7654321'),
			(d) => (d.Reference = 'PO-7782'),
			(d) => (d.Items[0].PackQuantity = 11),
			(d) => (d.Items[0].UnitValue.Amount = 252),
			(d) => (d.Items[0].HarmonizedCode = '6910.90.0010'),
		];
		for (const change of changes) {
			const other = standingOrder();
			change(other);
			expect({ change: String(change), differs: derive(other) !== base }).toEqual({ change: String(change), differs: true });
		}
	});

	it('reads the ultimate consignee from SoldTo when there is one (ShipTo is then the intermediate consignee, seed 001)', () => {
		const viaForwarder = standingOrder();
		viaForwarder.SoldTo = { ...viaForwarder.ShipTo };
		viaForwarder.ShipTo = { ...viaForwarder.ShipTo, Company: 'Forwarder Ltd' };
		expect(derive(viaForwarder)).toBe(derive({ ...standingOrder(), SoldTo: standingOrder().ShipTo }));
	});

	it('lets the Transaction Number Seed stand for the reference', () => {
		const noReference = standingOrder();
		delete noReference.Reference;
		expect(derive(noReference, '2026-11-23', 'PO-7781')).toBe(derive(standingOrder()));
	});

	it('reads an export date-time as its calendar day', () => {
		expect(derive(standingOrder(), '2026-11-23T18:00:00Z')).toBe(derive(standingOrder(), '2026-11-23'));
	});

	it('is 17 letters and digits, the prefix first (15 CFR 30.6(a)(19))', () => {
		const number = numberFiling(standingOrder(), { recipe: 2, transactionType: 'add', exportDate: '2026-11-23', prefix: 'so' }).transactionNumber;
		expect(number).toMatch(/^SO[A-Z0-9]{15}$/);
	});

	it('refuses to derive a number without the export date, naming the field', () => {
		expect(() => numberFiling(standingOrder(), { recipe: 2, transactionType: 'add' })).toThrow(/exportDate: is required to derive a transaction number/);
	});

	it('refuses an export date that is not a calendar date', () => {
		expect(() => derive(standingOrder(), '2026-02-30')).toThrow(InputValidationError);
	});

	it('derives another number than recipe 1 for the same Delivery: why version 1 keeps recipe 1 (a re-run would file again)', () => {
		expect(derive(standingOrder(), '2026-11-23', 'PO-7781')).not.toBe(deriveTransactionNumber('PO-7781', standingOrder()));
	});
});

describe('numberFiling: the number a filing goes out under', () => {
	it('keeps a number given by the user, under either recipe', () => {
		for (const recipe of [1, 2] as const) {
			expect(numberFiling(standingOrder(), { recipe, transactionType: 'add', given: 'PO7781NOV23' }).transactionNumber).toBe('PO7781NOV23');
		}
	});

	it('refuses a given number that differs from the Delivery\'s own', () => {
		const own = standingOrder();
		own.International.EeiTransactionNumber = 'OWN1';
		expect(() => numberFiling(own, { recipe: 2, transactionType: 'add', given: 'OTHER1' })).toThrow(/differs from the Delivery's EeiTransactionNumber/);
	});

	it('never derives a number for a replace or a void, which reuse the original (seed 001)', () => {
		for (const transactionType of ['replace', 'void'] as const) {
			expect(() => numberFiling(standingOrder(), { recipe: 2, transactionType, exportDate: '2026-11-23' })).toThrow(/reuses the transaction number/);
		}
	});

	it('keeps recipe 1 exactly as File EEI version 1 derived it (a shipment filed under it and re-run keeps its number)', () => {
		// The value recipe 1 gave before recipe 2 existed, for seed 001's simple filing seeded "ABC123".
		const delivery = standingOrder();
		delivery.Reference = 'ABC123';
		expect(numberFiling(delivery, { recipe: 1, transactionType: 'add' }).transactionNumber).toBe(deriveTransactionNumber('ABC123', delivery));
		expect(deriveTransactionNumber('ABC123', delivery)).toBe('Q1Q0S0ZD6FJHV4SU3');
	});

	it('records the shipment fingerprint, the same for a reformatted re-run', () => {
		const reformatted = standingOrder();
		reformatted.Items[0].UnitValue.Amount = '251.00';
		const first = numberFiling(standingOrder(), { recipe: 2, transactionType: 'add', exportDate: '2026-11-23' });
		const again = numberFiling(reformatted, { recipe: 2, transactionType: 'add', exportDate: '2026-11-23' });
		expect(again.shipmentFingerprint).toBe(first.shipmentFingerprint);
		expect(first.shipmentFingerprint).toBe(shipmentFingerprint(shipmentIdentity(standingOrder(), { exportDate: '2026-11-23' })));
	});

	it('derives from the identity alone: the same identity gives the same number whatever Delivery it came from', () => {
		const identity = shipmentIdentity(standingOrder(), { exportDate: '2026-11-23' });
		expect(deriveShipmentTransactionNumber(identity)).toBe(derive(standingOrder()));
	});
});
