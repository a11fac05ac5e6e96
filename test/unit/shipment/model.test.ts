/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import { InputValidationError } from '../../../src/errors';
import { parseShipment, shipmentSchema } from '../../../src/shipment/model';

function valid(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		origin: { country: 'US', state: 'ca' },
		destination: { country: 'de' },
		items: [{ commodityCode: '8471.30.0100', value: 100 }],
		...overrides,
	};
}

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
	try {
		parseShipment(input);
	} catch (error) {
		if (error instanceof InputValidationError) return error.issues;
		throw error;
	}
	throw new Error('expected an InputValidationError');
}

function pathsOf(input: unknown): string[] {
	return issuesOf(input).map((i) => i.path);
}

describe('Canonical shipment model', () => {
	describe('normalisation', () => {
		test('country codes are upper-cased and the state code too', () => {
			const s = parseShipment(valid({ origin: { country: ' us ', state: 'tx' } }));
			expect(s.origin).toEqual({ country: 'US', state: 'TX' });
			expect(s.destination.country).toBe('DE');
		});

		test('the commodity code is stored as 10 digits, punctuation and spaces removed (15 CFR 30.6(a)(12))', () => {
			const s = parseShipment(valid({ items: [{ commodityCode: ' 8471.30-01 00', value: 1 }] }));
			expect(s.items[0].commodityCode).toBe('8471300100');
		});

		test('the origin country of a line defaults to US', () => {
			expect(parseShipment(valid()).items[0].originCountry).toBe('US');
		});

		test('an ECCN is normalised: category and group upper-case, paragraphs lower-case', () => {
			const s = parseShipment(valid({ items: [{ commodityCode: '8471300100', value: 1, eccn: '5a992.C' }] }));
			expect(s.items[0].eccn).toBe('5A992.c');
		});

		test('"ear 99" is read as EAR99', () => {
			const s = parseShipment(valid({ items: [{ commodityCode: '8471300100', value: 1, eccn: 'ear 99' }] }));
			expect(s.items[0].eccn).toBe('EAR99');
		});

		test('a license exception symbol is upper-cased', () => {
			const s = parseShipment(valid({ items: [{ commodityCode: '8471300100', value: 1, licenseException: 'sta' }] }));
			expect(s.items[0].licenseException).toBe('STA');
		});

		test('US territories are valid country codes (PR, VI, GU, AS, MP, UM)', () => {
			for (const country of ['PR', 'VI', 'GU', 'AS', 'MP', 'UM']) {
				expect(parseShipment(valid({ destination: { country } })).destination.country).toBe(country);
			}
		});

		test('usppi and consignee are passed through with their extra fields', () => {
			const usppi = { name: 'Acme', ein: '12-3456789', address: { city: 'Austin' } };
			expect(parseShipment(valid({ usppi })).usppi).toEqual(usppi);
		});

		test('unknown top-level fields are dropped', () => {
			expect(parseShipment(valid({ carrierNotes: 'x' }))).not.toHaveProperty('carrierNotes');
		});
	});

	describe('validation errors name the field path', () => {
		test('a shipment without items: path "items"', () => {
			expect(pathsOf(valid({ items: [] }))).toEqual(['items']);
		});

		test('a commodity code that is not 10 digits: path "items[0].commodityCode"', () => {
			const issues = issuesOf(valid({ items: [{ commodityCode: '8471.30', value: 1 }] }));
			expect(issues).toEqual([{ path: 'items[0].commodityCode', message: expect.stringContaining('10-digit') }]);
		});

		test('an unknown destination country: path "destination.country"', () => {
			expect(pathsOf(valid({ destination: { country: 'XX' } }))).toEqual(['destination.country']);
		});

		test('a missing origin country: path "origin.country", "is required"', () => {
			expect(issuesOf(valid({ origin: {} }))).toEqual([{ path: 'origin.country', message: 'is required' }]);
		});

		test('a line with neither value nor unitValue x quantity: path "items[1].value"', () => {
			const items = [{ commodityCode: '8471300100', value: 1 }, { commodityCode: '8471300100', unitValue: 5 }];
			expect(pathsOf(valid({ items }))).toEqual(['items[1].value']);
		});

		test('a negative value is refused and a value of 0 is accepted', () => {
			expect(pathsOf(valid({ items: [{ commodityCode: '8471300100', value: -0.01 }] }))).toEqual(['items[0].value']);
			expect(parseShipment(valid({ items: [{ commodityCode: '8471300100', value: 0 }] })).items[0].value).toBe(0);
		});

		test('a quantity of 0 is refused (quantity > 0)', () => {
			const items = [{ commodityCode: '8471300100', unitValue: 5, quantity: 0 }];
			expect(pathsOf(valid({ items }))).toEqual(['items[0].quantity']);
		});

		test('a currency other than USD without exchangeRate: path "exchangeRate", no rate assumed', () => {
			const issues = issuesOf(valid({ currency: 'eur' }));
			expect(issues).toEqual([{ path: 'exchangeRate', message: expect.stringContaining('US dollars per one EUR') }]);
		});

		test('USD with an exchange rate other than 1 is refused: path "exchangeRate"', () => {
			expect(pathsOf(valid({ currency: 'USD', exchangeRate: 1.1 }))).toEqual(['exchangeRate']);
		});

		test('throughCanadaTo without a Canadian destination is refused', () => {
			expect(pathsOf(valid({ throughCanadaTo: 'JP' }))).toEqual(['throughCanadaTo']);
		});

		test('Guantanamo Bay with a country other than CU is refused', () => {
			expect(pathsOf(valid({ destination: { country: 'US', guantanamoBay: true } }))).toEqual(['destination.country']);
		});

		test('a departure time without offset is refused', () => {
			expect(pathsOf(valid({ departureTime: '2026-11-21T18:00:00' }))).toEqual(['departureTime']);
		});

		test('an impossible export date is refused', () => {
			expect(pathsOf(valid({ exportDate: '2026-02-30' }))).toEqual(['exportDate']);
		});

		test('an unknown mode of transport is refused', () => {
			expect(pathsOf(valid({ modeOfTransport: 'pipeline' }))).toEqual(['modeOfTransport']);
		});

		test('the reserved exemption 30.37(e) is refused at parse time: path "exemption"', () => {
			expect(issuesOf(valid({ exemption: '30.37(e)' }))).toEqual([{ path: 'exemption', message: expect.stringContaining('reserved') }]);
		});

		test('an ECCN of the wrong form is refused', () => {
			expect(pathsOf(valid({ items: [{ commodityCode: '8471300100', value: 1, eccn: 'A5992' }] }))).toEqual(['items[0].eccn']);
		});

		test('every bad field is reported at once, and the message names each path', () => {
			const input = { origin: { country: 'ZZ' }, destination: { country: 'DE' }, items: [{ commodityCode: '12', value: 1 }] };
			expect(() => parseShipment(input)).toThrow(/origin\.country: .*items\[0\]\.commodityCode: /);
		});

		test('input that is not an object is refused with an empty path', () => {
			expect(pathsOf('not a shipment')).toEqual(['']);
		});
	});

	test('the schema and parseShipment agree on a valid shipment', () => {
		const input = valid({ currency: 'EUR', exchangeRate: 1.08 });
		expect(parseShipment(input)).toEqual(shipmentSchema.parse(input));
	});
});
