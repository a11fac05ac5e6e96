/* eslint-disable no-console -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * (1) Rule engine: determinations per second for 1-, 10- and 100-line shipments, validation
 * included (parseShipment + determineEeiRequirement from plain JSON), against a floor: the same
 * shipments, pre-parsed, with their values merely summed per 10-digit code in a plain loop.
 * Rates are per second of process CPU time (one thread does the work), steadier than wall time
 * on a shared machine.
 */
import { determineEeiRequirement } from '../src/eei';
import { parseShipment, type Shipment } from '../src/shipment/model';
import { makeShipments, type RawShipment } from './shipments';
import { repeat, summarise, type Summary } from './stats';

export interface EngineFigures {
	lines: number;
	/** Determinations per second, validation included. */
	engine: Summary;
	/** Of which: parsing alone, and deciding pre-parsed shipments alone (per second). */
	parseOnly: Summary;
	decideOnly: Summary;
	/** Shipments per second of the plain summing loop. */
	floor: Summary;
	/** floor / engine (medians): how many times slower than merely summing. */
	ratioToFloor: number;
	/** The floor with validation: parseShipment from plain JSON, then the same summing loop. */
	validatedFloor: Summary;
	ratioToValidatedFloor: number;
}

let sink = 0;

function decideAll(pool: RawShipment[], rounds: number): void {
	for (let r = 0; r < rounds; r++) {
		for (let i = 0; i < pool.length; i++) if (determineEeiRequirement(parseShipment(pool[i])).required) sink++;
	}
}

function parseAll(pool: RawShipment[], rounds: number): void {
	for (let r = 0; r < rounds; r++) for (let i = 0; i < pool.length; i++) sink += parseShipment(pool[i]).items.length;
}

function decideParsed(pool: Shipment[], rounds: number): void {
	for (let r = 0; r < rounds; r++) for (let i = 0; i < pool.length; i++) if (determineEeiRequirement(pool[i]).required) sink++;
}

/** The floor for one shipment: sum each line's value per 10-digit code, count the codes over $2,500. */
function sumOne(shipment: Shipment): void {
	const sums = new Map<string, number>();
	const items = shipment.items;
	for (let j = 0; j < items.length; j++) {
		const item = items[j];
		const value = item.value !== undefined ? item.value : (item.unitValue as number) * (item.quantity as number);
		sums.set(item.commodityCode, (sums.get(item.commodityCode) ?? 0) + value);
	}
	for (const total of sums.values()) if (total > 2500) sink++;
}

function sumPerCode(pool: Shipment[], rounds: number): void {
	for (let r = 0; r < rounds; r++) for (let i = 0; i < pool.length; i++) sumOne(pool[i]);
}

function parseAndSum(pool: RawShipment[], rounds: number): void {
	for (let r = 0; r < rounds; r++) for (let i = 0; i < pool.length; i++) sumOne(parseShipment(pool[i]));
}

const CASES: Array<{ lines: number; pool: number; perRun: number }> = [
	{ lines: 1, pool: 2_000, perRun: 100_000 },
	{ lines: 10, pool: 1_000, perRun: 20_000 },
	{ lines: 100, pool: 200, perRun: 2_000 },
];

async function rate(run: (rounds: number) => void, perRun: number, poolSize: number, runs: number): Promise<Summary> {
	const rounds = Math.max(1, Math.round(perRun / poolSize));
	const ms = await repeat(() => run(rounds), runs, 2, 'cpu');
	// Per second, so higher is better: the min of the rate comes from the slowest run.
	return summarise(ms.map((t) => (rounds * poolSize) / (t / 1000)));
}

export async function benchEngine(runs: number): Promise<EngineFigures[]> {
	const figures: EngineFigures[] = [];
	for (const { lines, pool: size, perRun } of CASES) {
		const raw = makeShipments(size, lines);
		const parsed = raw.map((shipment) => parseShipment(shipment));
		const engine = await rate((r) => decideAll(raw, r), perRun, size, runs);
		const parseOnly = await rate((r) => parseAll(raw, r), perRun, size, runs);
		const decideOnly = await rate((r) => decideParsed(parsed, r), perRun, size, runs);
		// The floor is far quicker: ten times the work per run keeps its runs long enough to time.
		const floor = await rate((r) => sumPerCode(parsed, r), perRun * 10, size, runs);
		const validatedFloor = await rate((r) => parseAndSum(raw, r), perRun, size, runs);
		figures.push({
			lines,
			engine,
			parseOnly,
			decideOnly,
			floor,
			ratioToFloor: floor.median / engine.median,
			validatedFloor,
			ratioToValidatedFloor: validatedFloor.median / engine.median,
		});
	}
	if (sink === -1) console.log(sink);
	return figures;
}
