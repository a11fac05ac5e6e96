import { lineValue } from '../../../src/adapters/lineValue';

describe('line value = unit value x quantity, in decimal arithmetic', () => {
	it.each([
		[18.31, 3, 54.93],
		[251, 10, 2510],
		[0.1, 3, 0.3],
		[833.34, 3, 2500.02],
		[0.125, 4, 0.5],
	])('%p x %p = %p', (unit, quantity, expected) => {
		expect(lineValue(unit, quantity)).toBe(expected);
	});

	it('keeps the exact product when a factor is written in exponent notation', () => {
		expect(lineValue(1e-7, 3)).toBe(1e-7 * 3);
	});
});
