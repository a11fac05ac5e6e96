/* eslint-disable no-console -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import { FlexportApiError } from '../../../src/flexport/errors';
import { pollCustomsEntries } from '../../../src/flexport/poll';
import type { CustomsEntryTriggerState } from '../../../src/flexport/triggerState';
import type { FakeEntry } from '../../support/flexportFakePort';
import { FakeFlexportApi, FlexportFakePort, json, makeEntries, seededRandom } from '../../support/flexportFakePort';

// A long run of polls against a fake Flexport whose entries change at random between polls while
// pages fail at random. The ground truth is the simulator's own record of each entry as of the
// last poll that succeeded: every successful poll must report exactly the differences from it,
// so nothing is missed and nothing is reported twice. Releases older than the retention window
// are history: the record forgets them, as the trigger does, and they are announced again only
// if they change into something that is not history (then as new entries).
const MINUTE = 60_000;
const STATUSES: Array<string | null> = [null, 'pending', 'customs_hold', 'released', 'cleared', 'exam|ordered'];
const RELEASE = new Set(['released', 'cleared']);

interface Watched {
	status: string | null;
	date: string | null;
}

function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** A release whose date is older than the retention window: the trigger keeps and announces nothing of it. */
function isHistory(status: string | null, date: string | null, cutoff: number): boolean {
	return status !== null && RELEASE.has(status) && date !== null && Date.parse(date) < cutoff;
}

function expectedEvents(entries: FakeEntry[], committed: Map<string, Watched>, cutoff: number): string[] {
	const expected: string[] = [];
	for (const e of entries) {
		const before = committed.get(e.id);
		const isReleased = e.release_status !== null && RELEASE.has(e.release_status);
		if (before === undefined) {
			if (!isHistory(e.release_status, e.release_date, cutoff)) expected.push(`${e.id}:${isReleased ? 'released,newEntry' : 'newEntry'}`);
		} else if (before.status !== e.release_status || before.date !== e.release_date) {
			const wasReleased = before.status !== null && RELEASE.has(before.status);
			expected.push(`${e.id}:${isReleased && !wasReleased ? 'released,statusChanged' : 'statusChanged'}`);
		}
	}
	return expected;
}

/** What the record keeps after a complete poll: every listed entry that is not history. */
function commit(entries: FakeEntry[], committed: Map<string, Watched>, cutoff: number): void {
	for (const e of entries) {
		if (isHistory(e.release_status, e.release_date, cutoff)) committed.delete(e.id);
		else committed.set(e.id, { status: e.release_status, date: e.release_date });
	}
}

describe('a long sequence of polls with random changes and page failures', () => {
	it('emits every change exactly once over 2,000 polls (seeded)', async () => {
		const random = seededRandom(20250115);
		const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
		const api = new FakeFlexportApi();
		api.entries = makeEntries(120, 'E', STATUSES);
		const hidden: Array<{ entry: FakeEntry; until: number }> = [];
		let failingPage: number | undefined;
		api.fail = (url) => {
			const page = Number(url.searchParams.get('page'));
			if (page === failingPage) return json(500, { _object: '/api/error', status: 500, code: 'server_error', message: 'boom' });
			// Transient trouble that the retries absorb most of the time.
			if (random() < 0.03) return json(503, {});
			return undefined;
		};
		const port = new FlexportFakePort(api.handle, { seed: 99, latencyTurns: () => Math.floor(random() * 3) });
		const config = { baseUrl: 'https://api.flexport.com', perPage: 25, concurrency: 3, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } };
		const options = { retentionMs: 6 * 60 * MINUTE };

		const cutoffAt = (now: number) => now - options.retentionMs;
		let state: CustomsEntryTriggerState = (await pollCustomsEntries(port, config, undefined, options)).state;
		const committed = new Map<string, Watched>();
		commit(api.entries, committed, cutoffAt(port.clock));
		let nextId = 120;
		let successes = 0;
		let failures = 0;
		let emittedCount = 0;

		for (let poll = 0; poll < 2000; poll++) {
			port.clock += MINUTE;
			// Between polls: status and date changes, new entries, entries leaving and returning.
			const changes = Math.floor(random() * 4);
			for (let i = 0; i < changes; i++) {
				const target = pick(api.entries);
				if (random() < 0.7) target.release_status = pick(STATUSES);
				else target.release_date = isoDay(port.clock - Math.floor(random() * 5) * 86_400_000);
			}
			if (random() < 0.08) api.entries.splice(Math.floor(random() * api.entries.length), 0, { ...makeEntries(1, 'N', STATUSES)[0], id: `N${nextId++}` });
			if (random() < 0.05 && api.entries.length > 10) {
				const [entry] = api.entries.splice(Math.floor(random() * api.entries.length), 1);
				hidden.push({ entry, until: poll + 1 + Math.floor(random() * 120) });
			}
			for (let i = hidden.length - 1; i >= 0; i--) {
				if (hidden[i].until <= poll) {
					api.entries.push(hidden[i].entry);
					hidden.splice(i, 1);
				}
			}
			failingPage = random() < 0.15 ? 1 + Math.floor(random() * Math.ceil(api.entries.length / 25)) : undefined;

			const frozen = JSON.stringify(state);
			// The poll's own clock: the trigger measures ages from the time the poll starts.
			const cutoff = cutoffAt(port.clock);
			let result;
			try {
				result = await pollCustomsEntries(port, config, state, options);
			} catch (error) {
				expect(error).toBeInstanceOf(FlexportApiError);
				expect(JSON.stringify(state)).toBe(frozen);
				failures++;
				continue;
			}
			successes++;
			const emitted = result.emitted.map((e) => `${e.entry.id}:${e.events.join(',')}`).sort();
			expect(emitted).toEqual(expectedEvents(api.entries, committed, cutoff).sort());
			emittedCount += emitted.length;
			commit(api.entries, committed, cutoff);
			if (result.changed) state = result.state;
			else expect(result.state).toBe(state);
		}

		console.log(`simulation: ${successes} complete polls, ${failures} failed polls, ${emittedCount} events, ${api.entries.length} entries`);
		// Enough of everything happened for the run to mean something.
		expect(successes).toBeGreaterThan(1000);
		expect(failures).toBeGreaterThan(100);
		expect(emittedCount).toBeGreaterThan(2000);
		// The state holds exactly what the record holds: open entries and recent releases, listed or
		// briefly hidden (nothing hidden outlived the window), and no history.
		expect(Object.keys(state.entries).sort()).toEqual([...committed.keys()].sort());
		expect(Object.keys(state.entries).length).toBeLessThan(api.entries.length + hidden.length);
	});
});
