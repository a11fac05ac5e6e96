import { InputValidationError } from '../../../src/errors';
import { groupShipments, shipmentGroupKey } from '../../../src/shipment/grouping';
import { parseShipment, type Shipment } from '../../../src/shipment/model';

/** An order of Needful Things (EIN 88-1234567) to Boutique Formule 1 in Monaco, on 2026-11-23. */
function order(overrides: Record<string, unknown> = {}, items?: unknown[]): Shipment {
	return parseShipment({
		origin: { country: 'US', state: 'IL' },
		destination: { country: 'MC' },
		exportDate: '2026-11-23',
		usppi: { name: 'Needful Things, Inc.', ein: '88-1234567' },
		consignee: { name: 'Boutique Formule 1' },
		items: items ?? [{ commodityCode: '6910100010', value: 1500 }],
		...overrides,
	});
}

describe('the shipment group key (15 CFR 30.1: one USPPI, one consignee, one country, one day)', () => {
	it('reads as the facts it is made of', () => {
		expect(shipmentGroupKey(order({ modeOfTransport: 'air' }))).toBe(
			'usppi=ein:881234567|consignee=name:boutique formule 1@MC|date=2026-11-23|from=US-IL|to=MC|mode=air',
		);
	});

	it('leaves the mode out when it is not given', () => {
		expect(shipmentGroupKey(order())).not.toContain('mode=');
	});

	it('identifies the USPPI by EIN whatever its punctuation', () => {
		expect(shipmentGroupKey(order({ usppi: { name: 'Needful Things', ein: '881234567' } }))).toBe(
			shipmentGroupKey(order()),
		);
	});

	it('identifies a USPPI without EIN by id, then by name', () => {
		expect(shipmentGroupKey(order({ usppi: { id: 'NT-01', name: 'Needful' } }))).toContain('usppi=id:nt 01|');
		expect(shipmentGroupKey(order({ usppi: { name: 'Needful Things' } }))).toContain('usppi=name:needful things|');
	});

	it('compares consignee names without case, accents or punctuation', () => {
		expect(shipmentGroupKey(order({ consignee: { name: 'BOUTIQUE  Formulé-1' } }))).toBe(shipmentGroupKey(order()));
	});

	it('prefers the consignee id to its name', () => {
		expect(shipmentGroupKey(order({ consignee: { id: 'C-77', name: 'Boutique' } }))).toContain('consignee=id:c 77@MC|');
	});

	it('uses the consignee\'s own country when it has one', () => {
		expect(shipmentGroupKey(order({ consignee: { name: 'Boutique Formule 1', country: 'fr' } }))).toContain('@FR|');
	});

	it('takes the day of departureTime when there is no export date', () => {
		expect(shipmentGroupKey(order({ exportDate: undefined, departureTime: '2026-11-24T08:00:00-06:00' }))).toContain(
			'|date=2026-11-24|',
		);
	});

	it('marks shipments without any date as undated', () => {
		expect(shipmentGroupKey(order({ exportDate: undefined }))).toContain('|date=undated|');
	});

	it('names the third country of a shipment through Canada', () => {
		expect(shipmentGroupKey(order({ destination: { country: 'CA' }, throughCanadaTo: 'DE' }))).toContain('|to=CA>DE');
	});

	it('marks unknown parties with ?', () => {
		expect(shipmentGroupKey(order({ usppi: undefined, consignee: undefined }))).toContain('usppi=?|consignee=?@MC|');
	});
});

describe('grouping orders into shipments (15 CFR 30.37(a): same exporter, same recipient, same day)', () => {
	it('merges two orders of one USPPI to one consignee on one day', () => {
		const groups = groupShipments([order(), order()]);
		expect(groups.map((g) => g.members)).toEqual([[0, 1]]);
	});

	it('lists the lines of both orders, so that 1,500 + 1,500 is tested as one shipment', () => {
		const [group] = groupShipments([order(), order()]);
		expect(group.shipment.items.map((i) => i.value)).toEqual([1500, 1500]);
	});

	it('keeps orders of different USPPIs apart', () => {
		const other = order({ usppi: { name: 'Other Exporter LLC', ein: '99-7654321' } });
		expect(groupShipments([order(), other]).map((g) => g.members)).toEqual([[0], [1]]);
	});

	it('keeps orders to different consignees apart', () => {
		const other = order({ consignee: { name: 'Casino Supplies SAM' } });
		expect(groupShipments([order(), other]).map((g) => g.members)).toEqual([[0], [1]]);
	});

	it('keeps orders on different days apart', () => {
		const nextDay = order({ exportDate: '2026-11-24' });
		expect(groupShipments([order(), nextDay]).map((g) => g.members)).toEqual([[0], [1]]);
	});

	it('keeps orders by different modes of transport apart (not one conveyance)', () => {
		const byAir = order({ modeOfTransport: 'air' });
		const byVessel = order({ modeOfTransport: 'vessel' });
		expect(groupShipments([byAir, byVessel]).map((g) => g.members)).toEqual([[0], [1]]);
	});

	it('lists groups in order of first appearance and members in input order', () => {
		const other = order({ consignee: { name: 'Casino Supplies SAM' } });
		expect(groupShipments([other, order(), other, order()]).map((g) => [g.key.includes('casino'), g.members])).toEqual([
			[true, [0, 2]],
			[false, [1, 3]],
		]);
	});

	it('concatenates the items in input order and says where each came from', () => {
		const a = order({}, [
			{ commodityCode: '6910100010', value: 100 },
			{ commodityCode: '6101200020', value: 200 },
		]);
		const b = order({}, [{ commodityCode: '6910100010', value: 300 }]);
		const [group] = groupShipments([order({ consignee: { name: 'Someone Else' } }), a, b]).slice(1);
		expect(group.members).toEqual([1, 2]);
		expect(group.shipment.items.map((i) => i.value)).toEqual([100, 200, 300]);
		expect(group.itemOrigins).toEqual([
			{ member: 0, itemIndex: 0 },
			{ member: 0, itemIndex: 1 },
			{ member: 1, itemIndex: 0 },
		]);
	});

	it('returns a lone order as it is', () => {
		const lone = order();
		expect(groupShipments([lone])[0]).toEqual({
			key: shipmentGroupKey(lone),
			members: [0],
			shipment: lone,
			itemOrigins: [{ member: 0, itemIndex: 0 }],
		});
	});

	it('returns no groups for no shipments', () => {
		expect(groupShipments([])).toEqual([]);
	});
});

describe('merging the orders of one shipment', () => {
	const merged = (...shipments: Shipment[]) => groupShipments(shipments)[0].shipment;

	it('keeps the currency and rate when all orders share them', () => {
		const eur = { currency: 'EUR', exchangeRate: 1.08 };
		expect(merged(order(eur), order(eur))).toMatchObject({ currency: 'EUR', exchangeRate: 1.08 });
	});

	it('converts every line to USD with its own order\'s rate when the orders differ in currency', () => {
		const inEur = order({ currency: 'EUR', exchangeRate: 1.1 }, [{ commodityCode: '6910100010', value: 1000 }]);
		const inUsd = order({}, [{ commodityCode: '6910100010', unitValue: 700, quantity: 2 }]);
		const shipment = merged(inEur, inUsd);
		expect(shipment.currency).toBe('USD');
		expect(shipment.exchangeRate).toBeUndefined();
		expect(shipment.items[0].value).toBeCloseTo(1100, 9);
		expect(shipment.items[1]).toMatchObject({ unitValue: 700, quantity: 2 });
	});

	it('converts orders in one currency at two different rates to USD', () => {
		const monday = order({ currency: 'EUR', exchangeRate: 1.1 }, [{ commodityCode: '6910100010', unitValue: 10, quantity: 3 }]);
		const tuesday = order({ currency: 'EUR', exchangeRate: 1.2 });
		const shipment = merged(monday, tuesday);
		expect(shipment.currency).toBe('USD');
		expect(shipment.items[0].value).toBeCloseTo(33, 9);
		expect(shipment.items[0].unitValue).toBeCloseTo(11, 9);
		expect(shipment.items[1].value).toBeCloseTo(1800, 9);
	});

	it('refuses to add an order whose foreign values have no exchange rate', () => {
		const unvalidated = { ...order(), currency: 'EUR' } as Shipment;
		expect(() => groupShipments([order(), unvalidated])).toThrow(InputValidationError);
		expect(() => groupShipments([order(), unvalidated])).toThrow('shipments[1].exchangeRate');
	});

	it('treats the shipment as stored in Canada for re-export when any order is (15 CFR 30.36(b)(1))', () => {
		const forStorage = order({ destination: { country: 'CA' }, canadaStorageForReexport: true });
		expect(merged(order({ destination: { country: 'CA' } }), forStorage).canadaStorageForReexport).toBe(true);
	});

	it('keeps an in-bond exclusion (15 CFR 30.2(d)(1)) only when every order is in bond', () => {
		expect(merged(order({ inBond: true }), order()).inBond).toBeUndefined();
		expect(merged(order({ inBond: true }), order({ inBond: true })).inBond).toBe(true);
	});

	it('keeps an exemption claim only when every order makes it', () => {
		expect(merged(order({ exemption: '30.37(h)' }), order()).exemption).toBeUndefined();
		expect(merged(order({ exemption: '30.37(h)' }), order({ exemption: '30.37(h)' })).exemption).toBe('30.37(h)');
	});

	it('takes the earliest departure time, the tightest filing deadline (15 CFR 30.4(b))', () => {
		const late = order({ departureTime: '2026-11-23T18:00:00-06:00' });
		const early = order({ departureTime: '2026-11-23T23:00:00Z' });
		expect(merged(late, early).departureTime).toBe('2026-11-23T23:00:00Z');
	});
});
