import simpleFiling from '../../fixtures/easypost/simple-filing.json';
import {
	canonicalJson,
	deriveTransactionNumber,
	ensureTransactionNumber,
} from '../../../src/easypost/transactionNumber';
import { InputValidationError } from '../../../src/errors';

type Delivery = Record<string, unknown> & { International: Record<string, unknown>; Items: Array<Record<string, unknown>> };

function deliveryWithoutNumber(): Delivery {
	const delivery = structuredClone(simpleFiling.Delivery) as unknown as Delivery;
	delete delivery.International.EeiTransactionNumber;
	return delivery;
}

describe('ensureTransactionNumber (seed 001: "globally unique to the filer, never repeating")', () => {
	it('keeps the number the caller supplied', () => {
		const result = ensureTransactionNumber(structuredClone(simpleFiling.Delivery));
		expect(result).toMatchObject({ transactionNumber: 'GloballyUniqueNo1', generated: false });
	});

	it('rejects a supplied number with punctuation', () => {
		const delivery = deliveryWithoutNumber();
		delivery.International.EeiTransactionNumber = 'ORDER-42';
		expect(() => ensureTransactionNumber(delivery)).toThrow(InputValidationError);
	});

	it('derives a number of at most 17 letters and digits when none is given (15 CFR 30.6(a)(19))', () => {
		const { transactionNumber, generated } = ensureTransactionNumber(deliveryWithoutNumber(), { seed: 'exec-1:0' });
		expect(generated).toBe(true);
		expect(transactionNumber).toMatch(/^[A-Z0-9]{17}$/);
	});

	it('writes the derived number into Delivery.International without touching the input', () => {
		const input = deliveryWithoutNumber();
		const { delivery, transactionNumber } = ensureTransactionNumber(input, { seed: 'exec-1:0' });
		expect(delivery.International).toMatchObject({ PortOfExportCode: '2095', EeiTransactionNumber: transactionNumber });
		expect(input.International).not.toHaveProperty('EeiTransactionNumber');
	});

	it('derives the same number when the same item is retried', () => {
		const first = ensureTransactionNumber(deliveryWithoutNumber(), { seed: 'exec-1:0' }).transactionNumber;
		const retry = ensureTransactionNumber(deliveryWithoutNumber(), { seed: 'exec-1:0' }).transactionNumber;
		expect(retry).toBe(first);
	});

	it('derives the same number whatever the order of the Delivery keys', () => {
		const delivery = deliveryWithoutNumber();
		const reordered = Object.fromEntries(Object.entries(delivery).reverse()) as Delivery;
		expect(deriveTransactionNumber('s', reordered)).toBe(deriveTransactionNumber('s', delivery));
	});

	it('derives different numbers for different items of one execution', () => {
		const numbers = new Set(
			Array.from({ length: 500 }, (_, i) => deriveTransactionNumber(`exec-1:${i}`, deliveryWithoutNumber())),
		);
		expect(numbers.size).toBe(500);
	});

	it('derives a different number once the Delivery changes', () => {
		const changed = deliveryWithoutNumber();
		changed.Items[0].PackQuantity = 11;
		expect(deriveTransactionNumber('exec-1:0', changed)).not.toBe(
			deriveTransactionNumber('exec-1:0', deliveryWithoutNumber()),
		);
	});

	it('starts the derived number with the prefix and keeps it to 17 characters', () => {
		const { transactionNumber } = ensureTransactionNumber(deliveryWithoutNumber(), { seed: 's', prefix: 'n8n' });
		expect(transactionNumber).toMatch(/^N8N[A-Z0-9]{14}$/);
	});

	it('rejects a prefix with punctuation', () => {
		expect(() => ensureTransactionNumber(deliveryWithoutNumber(), { seed: 's', prefix: 'N-8' })).toThrow(/prefix/);
	});

	it('refuses to derive a number without a seed', () => {
		expect(() => ensureTransactionNumber(deliveryWithoutNumber())).toThrow(/no seed/);
	});

	it('refuses to invent a number for a replace, which must reuse the original one', () => {
		expect(() =>
			ensureTransactionNumber(deliveryWithoutNumber(), { seed: 's', transactionType: 'replace' }),
		).toThrow(/replace must reuse the transaction number/);
	});

	it('refuses to invent a number for a void', () => {
		expect(() => ensureTransactionNumber(deliveryWithoutNumber(), { seed: 's', transactionType: 'void' })).toThrow(
			/void must reuse/,
		);
	});
});

describe('canonicalJson', () => {
	it('sorts keys at every level and drops undefined values', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
			'{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
		);
	});
});
