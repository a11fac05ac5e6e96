/**
 * Line values in US dollars, shared by the 30.37(a) value test and by anything that builds a
 * filing. Money is carried in whole cents so that sums never drift ($2,500.00 vs $2,500.01).
 */
import type { Shipment, ShipmentItem } from './model';

/** US dollars per one unit of the shipment's currency (1 for USD). */
export function usdRate(shipment: Pick<Shipment, 'currency' | 'exchangeRate'>): number {
	return shipment.currency === undefined || shipment.currency === 'USD' ? 1 : (shipment.exchangeRate as number);
}

/** Round a non-negative dollar amount to whole cents, half up, immune to binary noise (1.005 -> 101). */
function toCents(usd: number): number {
	const cents = usd * 100;
	return Math.round(cents + cents * 1e-12);
}

/** Line total in the shipment currency: `value`, else `unitValue x quantity`. */
export function lineValue(item: Pick<ShipmentItem, 'value' | 'unitValue' | 'quantity'>): number {
	return item.value !== undefined ? item.value : (item.unitValue as number) * (item.quantity as number);
}

/** A line's value in US cents (rounded half up to the cent after conversion). */
export function lineValueCents(item: ShipmentItem, rate: number): number {
	return toCents(lineValue(item) * rate);
}

/** A line's value in US dollars, to the cent. */
export function lineValueUsd(item: ShipmentItem, shipment: Pick<Shipment, 'currency' | 'exchangeRate'>): number {
	return lineValueCents(item, usdRate(shipment)) / 100;
}

/** Whole dollars as AES reports them: cents dropped, 50 cents or more rounded up (15 CFR 30.6(a)(17)). */
export function centsToWholeDollars(cents: number): number {
	return Math.floor((cents + 50) / 100);
}
