/* eslint-disable no-console -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import { advance } from '../../../src/flexport/triggerState';
import type { CustomsEntry } from '../../../src/flexport/types';
import { seededRandom } from '../../support/flexportFakePort';

// The trigger state lives in n8n's workflow static data, saved with the workflow: it must stay
// small for large accounts. Goal: under 64 bytes per tracked entry at 10,000 and 100,000 entries.
// Sizes are printed for the record; there is no timing assertion.
const BUDGET_BYTES_PER_ENTRY = 64;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

/** Entries shaped like Flexport's: 22-character URL-safe ids, a realistic mix of statuses and dates. */
function realisticEntries(count: number, seed: number): CustomsEntry[] {
	const random = seededRandom(seed);
	const id = (): string => Array.from({ length: 22 }, () => ALPHABET[Math.floor(random() * 64)]).join('');
	return Array.from({ length: count }, (_, i) => {
		const roll = random();
		const releasedAt = T0 - Math.floor(random() * 365 * 86_400) * 1000;
		const [release_status, release_date] =
			roll < 0.4
				? ['released', new Date(releasedAt).toISOString()]
				: roll < 0.6
					? ['cleared', new Date(releasedAt).toISOString().slice(0, 10)]
					: roll < 0.75
						? ['pending', null]
						: roll < 0.85
							? ['customs_hold', null]
							: [null, null];
		return { id: id(), entry_number: `FLX-${i}`, release_status, release_date, shipment: { id: 20000 + i } };
	});
}

function bytesPerEntry(state: { entries: Record<string, string> }): number {
	return Buffer.byteLength(JSON.stringify(state), 'utf8') / Object.keys(state.entries).length;
}

/** Releases older than the retention window are history and not tracked. */
function trackedCount(entries: CustomsEntry[], now: number, retentionMs = 30 * 86_400_000): number {
	return entries.filter((e) => !(e.release_date !== null && ['released', 'cleared'].includes(String(e.release_status)) && Date.parse(e.release_date) < now - retentionMs)).length;
}

describe.each([10_000, 100_000])('trigger state size with %i entries', (count) => {
	const entries = realisticEntries(count, count);

	it(`stays under ${BUDGET_BYTES_PER_ENTRY} bytes per tracked entry after the baseline, old releases not tracked`, () => {
		const { state } = advance(undefined, entries, { now: T0 });
		const size = bytesPerEntry(state);
		const tracked = Object.keys(state.entries).length;
		console.log(`customs entry trigger state, ${count} listed entries: ${tracked} tracked, ${size.toFixed(1)} bytes per tracked entry after baseline`);
		expect(tracked).toBe(trackedCount(entries, T0));
		expect(size).toBeLessThan(BUDGET_BYTES_PER_ENTRY);
	});

	it(`stays under ${BUDGET_BYTES_PER_ENTRY} bytes per tracked entry with 10% missing from the listing`, () => {
		const { state } = advance(undefined, entries, { now: T0 });
		const next = advance(state, entries.slice(count / 10), { now: T0 + 60_000 }).state;
		const size = bytesPerEntry(next);
		console.log(`customs entry trigger state, ${count} listed entries: ${size.toFixed(1)} bytes per tracked entry with 10% marked absent`);
		// Missing entries are kept as they were; listed ones are judged at the second poll's time.
		const expected = trackedCount(entries.slice(0, count / 10), T0) + trackedCount(entries.slice(count / 10), T0 + 60_000);
		expect(Object.keys(next.entries)).toHaveLength(expected);
		expect(size).toBeLessThan(BUDGET_BYTES_PER_ENTRY);
	});

	it(`stays under ${BUDGET_BYTES_PER_ENTRY} bytes per entry when every entry is tracked (all open)`, () => {
		const open = entries.map((e) => ({ ...e, release_status: 'pending', release_date: null }));
		const { state } = advance(undefined, open, { now: T0 });
		const size = bytesPerEntry(state);
		console.log(`customs entry trigger state, ${count} open entries: ${size.toFixed(1)} bytes per tracked entry`);
		expect(Object.keys(state.entries)).toHaveLength(count);
		expect(size).toBeLessThan(BUDGET_BYTES_PER_ENTRY);
	});
});
