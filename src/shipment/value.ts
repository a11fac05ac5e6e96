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

/**
 * The largest line value in US cents that a double holds to the cent (2^53 - 1 cents, about
 * $90 trillion). A larger one (`unitValue 1e200 x quantity 1e200`, or a large value times the
 * exchange rate) cannot be summed or compared with $2,500 (15 CFR 30.37(a)) to the cent, and
 * past 1.8e308 it is Infinity, which JSON writes as null.
 */
export const MAX_LINE_VALUE_CENTS = Number.MAX_SAFE_INTEGER;

/** Why a line's value is out of range, at the field to correct (`value`, else `unitValue`), or undefined. */
export function lineValueLimitIssue(
	item: Pick<ShipmentItem, 'value' | 'unitValue' | 'quantity'>,
	rate: number,
): { field: 'value' | 'unitValue'; message: string } | undefined {
	// A missing line value or exchange rate is reported by the schema itself.
	if (!Number.isFinite(rate) || (item.value === undefined && (item.unitValue === undefined || item.quantity === undefined))) return undefined;
	// A value that is not a finite number at all is reported by the schema itself.
	if (![item.value, item.unitValue, item.quantity].every((n) => n === undefined || Number.isFinite(n))) return undefined;
	const usdCents = lineValue(item) * rate * 100;
	if (Number.isFinite(usdCents) && usdCents <= MAX_LINE_VALUE_CENTS) return undefined;
	const what = item.value !== undefined ? 'the line value' : 'unitValue x quantity';
	const converted = rate === 1 ? '' : ' after conversion at exchangeRate';
	return {
		field: item.value !== undefined ? 'value' : 'unitValue',
		message: `${what}${converted} is over the largest amount held to the cent ($${(MAX_LINE_VALUE_CENTS / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}): check the figures`,
	};
}
