import fc from 'fast-check';
import { fastParseShipment } from '../../../src/shipment/fastParse';
import { shipmentSchema } from '../../../src/shipment/model';

/**
 * The fast path is only an optimisation: for any input it either declines (undefined) or gives
 * exactly what the zod schema gives.
 */
describe('Fast shipment parsing agrees with the schema', () => {
	/** Mostly valid values, now and then an invalid one, so both paths are exercised. */
	const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
		fc.oneof({ arbitrary: valid, weight: 40 }, { arbitrary: invalid, weight: 1 });
	const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
	const rarely = <T>(arb: fc.Arbitrary<T>) =>
		fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: arb, weight: 1 });
	const country = mostly(fc.constantFrom('US', 'us', ' PR', 'VI', 'GU', 'CA', 'DE', 'CU', 'CN'), fc.constantFrom('XX', '', 'usa', 7));
	const money = mostly(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 5000, noNaN: true })), fc.constantFrom(-1, Number.NaN, Infinity, '5'));
	const item = fc.record(
		{
			commodityCode: mostly(fc.constantFrom('8471300100', '8471.30.0100', '7102100000', ' 9403 20 0000'), fc.constantFrom('84713001', 'abc', '', 8471300100)),
			value: fc.option(money, { nil: undefined, freq: 5 }),
			unitValue: maybe(money),
			quantity: maybe(mostly(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.1, max: 9, noNaN: true })), fc.constantFrom(0, -1, Number.NaN))),
			originCountry: maybe(country),
			eccn: maybe(mostly(fc.constantFrom('EAR99', 'ear99', '5a992.C', '9A610.y.1', '0A501.a', ' 3A069 '), fc.constantFrom('bad', 'A5992', 5))),
			licenseRequired: maybe(mostly(fc.boolean(), fc.constant('yes'))),
			licenseType: maybe(mostly(fc.constantFrom('bis', 'DDTC', ' nrc', 'OTHER'), fc.constantFrom('FDA', '', 3))),
			licenseException: maybe(mostly(fc.constantFrom('sta', 'VEU', ' BAG '), fc.constantFrom('BAGS', 'b4g'))),
			itar: maybe(mostly(fc.boolean(), fc.constant(0))),
			otherAgencyLicense: maybe(mostly(fc.oneof(fc.boolean(), fc.constantFrom('DEA', ' nrc ', 'FDA')), fc.constantFrom('', '  ', 1))),
			vehicle: maybe(fc.boolean()),
			usedVehicle: maybe(fc.boolean()),
			description: maybe(mostly(fc.string(), fc.integer())),
			extra: maybe(fc.string()),
		},
		{ requiredKeys: [] },
	);
	const shipment = fc.record(
		{
			origin: mostly(
				fc.record({ country, state: maybe(mostly(fc.constantFrom('ca', 'TX'), fc.constantFrom('Texas', 1))), guantanamoBay: rarely(fc.boolean()) }, { requiredKeys: ['country'] }),
				fc.constantFrom(null, 'US', {}),
			),
			destination: mostly(fc.record({ country, guantanamoBay: rarely(fc.boolean()) }, { requiredKeys: ['country'] }), fc.constantFrom(null, [])),
			items: mostly(fc.array(item, { minLength: 1, maxLength: 3 }), fc.constantFrom([], {}, null)),
			exportDate: maybe(mostly(fc.constantFrom('2026-11-21', '2024-02-29'), fc.constantFrom('2026-02-30', 'today'))),
			departureTime: maybe(
				mostly(fc.constantFrom('2026-11-21T18:00:00Z', '2026-11-21T18:00+05:30', '2026-11-21T18:00:00.5-04:00'), fc.constantFrom('2026-11-21T18:00:00', '2026-11-21T25:00:00Z', '2026-11-21T18:00:00+0530')),
			),
			modeOfTransport: maybe(mostly(fc.constantFrom('air', 'vessel', 'truck', 'rail', 'mail', 'other'), fc.constantFrom('AIR', 'pipeline'))),
			throughCanadaTo: rarely(country),
			exemption: maybe(mostly(fc.constantFrom('30.37(h)', 'NOEEI 30.37(Q)', '30.39', '30.38', '30.37(y)(4)'), fc.constantFrom('30.37(e)', '30.36', 'x', 30))),
			currency: rarely(mostly(fc.constantFrom('USD', 'eur', ' jpy'), fc.constantFrom('EURO', 1))),
			exchangeRate: rarely(mostly(fc.constantFrom(1, 1.08, 0.0065), fc.constantFrom(0, -1, '1'))),
			canadaStorageForReexport: maybe(fc.boolean()),
			unverifiedListParty: maybe(mostly(fc.boolean(), fc.constant(1))),
			inBond: maybe(fc.boolean()),
			intangible: maybe(fc.boolean()),
			ultimateDestinationUS: maybe(fc.boolean()),
			usppi: maybe(mostly(fc.record({ name: fc.string(), ein: fc.string(), address: fc.record({ city: fc.string() }) }), fc.constantFrom('Acme', { name: 1 }))),
			consignee: maybe(mostly(fc.record({ name: fc.string(), id: fc.string() }), fc.constantFrom(null, { ein: 9 }))),
		},
		{ requiredKeys: ['origin', 'destination', 'items'] },
	);

	test('for any input, the fast path returns exactly the schema result, or declines exactly when the schema refuses', () => {
		let compared = 0;
		let declined = 0;
		fc.assert(
			fc.property(shipment, (input) => {
				const fast = fastParseShipment(input);
				const reference = shipmentSchema.safeParse(input);
				if (fast === undefined) {
					declined++;
					expect(reference.success).toBe(false);
					return;
				}
				compared++;
				expect(reference.success).toBe(true);
				expect(fast).toEqual(reference.data);
			}),
			{ numRuns: 4000 },
		);
		expect(compared).toBeGreaterThan(400);
		expect(declined).toBeGreaterThan(200);
	});

	test('a typical valid shipment takes the fast path', () => {
		const input = { origin: { country: 'US' }, destination: { country: 'DE' }, items: [{ commodityCode: '8471.30.0100', value: 10 }] };
		expect(fastParseShipment(input)).toEqual(shipmentSchema.parse(input));
	});

	test('an invalid shipment is declined, leaving the report of issues to the schema', () => {
		expect(fastParseShipment({ origin: { country: 'US' }, destination: { country: 'DE' }, items: [] })).toBeUndefined();
	});
});
