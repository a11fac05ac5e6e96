/** A seeded pseudo-random generator (mulberry32), so a sandbox started with the same seed tells the same story. */
export interface Prng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max]. */
	int(min: number, max: number): number;
	pick<T>(choices: readonly T[]): T;
	/** `n` random bytes. */
	bytes(n: number): Buffer;
}

export function createPrng(seed: number): Prng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (choices) => choices[Math.floor(next() * choices.length)],
		bytes: (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256))),
	};
}
