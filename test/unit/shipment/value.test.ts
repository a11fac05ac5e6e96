import { centsToWholeDollars, lineValueUsd } from '../../../src/shipment/value';
import { parseShipment } from '../../../src/shipment/model';

function firstLine(item: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	const shipment = parseShipment({ origin: { country: 'US' }, destination: { country: 'DE' }, items: [item], ...extra });
	return { item: shipment.items[0], shipment };
}

describe('Line values in US dollars (15 CFR 30.37(a), 30.6(a)(17))', () => {
	test('the line total is the value when given', () => {
		const { item, shipment } = firstLine({ commodityCode: '8471300100', value: 12.5, unitValue: 1, quantity: 3 });
		expect(lineValueUsd(item, shipment)).toBe(12.5);
	});

	test('without a line total, unitValue x quantity', () => {
		const { item, shipment } = firstLine({ commodityCode: '8471300100', unitValue: 0.1, quantity: 3 });
		expect(lineValueUsd(item, shipment)).toBe(0.3);
	});

	test('a foreign-currency value is multiplied by the USD rate and kept to the cent', () => {
		const { item, shipment } = firstLine({ commodityCode: '8471300100', value: 1000 }, { currency: 'JPY', exchangeRate: 0.006543 });
		expect(lineValueUsd(item, shipment)).toBe(6.54);
	});

	test('half a cent rounds up despite binary noise (1.005 -> 1.01)', () => {
		const { item, shipment } = firstLine({ commodityCode: '8471300100', value: 1.005 });
		expect(lineValueUsd(item, shipment)).toBe(1.01);
	});

	test('whole dollars for AES: 49 cents drop, 50 cents round up', () => {
		expect(centsToWholeDollars(250049)).toBe(2500);
		expect(centsToWholeDollars(250050)).toBe(2501);
	});
});
