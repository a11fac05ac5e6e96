/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * Measuring helpers: repeated runs summarised as median, min and max, and peak memory sampled
 * while a run is under way. Figures are printed, never asserted: timing depends on the machine.
 */

export interface Summary {
	median: number;
	min: number;
	max: number;
	runs: number;
}

export function summarise(samples: number[]): Summary {
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Full collection before a measured run, when node runs with --expose-gc. */
export function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) {
		gc();
		gc();
	}
}

export const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';

/** Wall time of one call, in ms. */
export async function timeMs(fn: () => unknown): Promise<number> {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * CPU time of the process (all its threads: the main thread plus GC helpers) spent in one call,
 * in ms. For CPU-bound work on a shared machine this is steadier than wall time, which also
 * counts the time other processes held the core.
 */
export async function cpuMs(fn: () => unknown): Promise<number> {
	const start = process.cpuUsage();
	await fn();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

/**
 * Runs `fn` `warmup` times unmeasured, then `runs` times measured; returns the ms of each
 * measured run, wall time or (`clock: 'cpu'`) process CPU time.
 */
export async function repeat(fn: (run: number) => unknown, runs: number, warmup = 1, clock: 'wall' | 'cpu' = 'wall'): Promise<number[]> {
	for (let i = 0; i < warmup; i++) await fn(-1 - i);
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		collectGarbage();
		samples.push(clock === 'cpu' ? await cpuMs(() => fn(run)) : await timeMs(() => fn(run)));
	}
	return samples;
}

export interface MemoryPeak {
	/** Highest heapUsed + external above the value after a full collection before the run, bytes. */
	heapGrowth: number;
	/** Highest RSS above the RSS before the run, bytes. */
	rssGrowth: number;
}

/** Runs `fn` while sampling process.memoryUsage() every `intervalMs`; returns its result and the peak growth. */
export async function withMemoryPeak<T>(fn: () => Promise<T>, intervalMs = 5): Promise<{ result: T; memory: MemoryPeak }> {
	collectGarbage();
	const start = process.memoryUsage();
	const startHeap = start.heapUsed + start.external;
	let peakHeap = startHeap;
	let peakRss = start.rss;
	const sample = (): void => {
		const now = process.memoryUsage();
		peakHeap = Math.max(peakHeap, now.heapUsed + now.external);
		peakRss = Math.max(peakRss, now.rss);
	};
	const timer = setInterval(sample, intervalMs);
	try {
		const result = await fn();
		sample();
		return { result, memory: { heapGrowth: peakHeap - startHeap, rssGrowth: peakRss - start.rss } };
	} finally {
		clearInterval(timer);
	}
}

/** A small deterministic PRNG (mulberry32), so every run measures the same shipments. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
