/**
 * Line value = unit value x quantity, computed as the decimal product a person would write down.
 * Binary floating point gives 18.31 x 3 = 54.929999999999996; near the $2,500 threshold of
 * 15 CFR 30.37(a) such noise could flip a decision, so the product is rounded to the number
 * of decimals the two factors carry between them (2 + 0 here: 54.93).
 */

function decimalPlaces(n: number): number | undefined {
	const text = String(n);
	if (/e/i.test(text)) return undefined;
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : text.length - dot - 1;
}

export function lineValue(unitValue: number, quantity: number): number {
	const product = unitValue * quantity;
	const a = decimalPlaces(unitValue);
	const b = decimalPlaces(quantity);
	// Exponent notation or more than 15 decimals: beyond what a double holds exactly anyway.
	if (a === undefined || b === undefined || a + b > 15) return product;
	return Number(product.toFixed(a + b));
}
