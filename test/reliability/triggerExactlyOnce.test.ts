/**
 * Trigger exactly-once (issue 7, item 4): long simulated runs of the Customs Entry Trigger with
 * random status changes, new entries, entries leaving and coming back, failing pages, restarts
 * from persisted (JSON round-tripped) state and a poll clock that runs ahead of and behind the
 * provider's. Ground truth: the listing as of the last complete poll; every complete poll must
 * emit exactly the transitions since then, each once, and a failed poll nothing.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { pollCustomsEntries } from '../../src/flexport/poll';
import type { Sandbox } from '../../sandbox';
import type { FakeEntry } from '../support/flexportFakePort';
import { FakeFlexportApi, FlexportFakePort, json, makeEntries, seededRandom } from '../support/flexportFakePort';
import { runPoll } from '../harness';
import { CREDENTIAL_IDS, NODE_TYPES, probeSandbox, sandboxCredentials, table } from './support';

const MINUTE = 60_000;
const DAY = 86_400_000;
const RELEASE = new Set(['released', 'cleared']);
const STATUSES: Array<string | null> = [null, 'pending', 'customs_hold', 'released', 'cleared', 'exam'];

interface Listed {
	id: string;
	release_status: string | null;
	release_date: string | null;
}

interface Watched {
	status: string | null;
	date: string | null;
}

const isHistory = (e: Listed, cutoff: number) => e.release_status !== null && RELEASE.has(e.release_status) && e.release_date !== null && Date.parse(e.release_date) < cutoff;

/**
 * Released surely before the baseline (README, trigger: first activation): then the entry existed
 * at the baseline, so its first sighting is no event. An hour of clock margin; a date-only release
 * date lasts until 36 hours after its UTC start.
 */
const releasedBeforeBaseline = (e: Listed, baselineAt: number) =>
	e.release_status !== null && RELEASE.has(e.release_status) && e.release_date !== null &&
	Date.parse(e.release_date) + (/^\d{4}-\d{2}-\d{2}$/.test(e.release_date) ? 36 * 3_600_000 : 0) + 3_600_000 < baselineAt;

/** What a complete poll must emit: new entries and changed entries since the last complete poll. */
function expectedEvents(listing: Listed[], committed: Map<string, Watched>, cutoff: number, baselineAt: number): string[] {
	const expected: string[] = [];
	for (const e of listing) {
		const before = committed.get(e.id);
		const released = e.release_status !== null && RELEASE.has(e.release_status);
		if (before === undefined) {
			if (!isHistory(e, cutoff) && !releasedBeforeBaseline(e, baselineAt)) expected.push(`${e.id}:${released ? 'newEntry,released' : 'newEntry'}`);
		} else if (before.status !== e.release_status || before.date !== e.release_date) {
			const wasReleased = before.status !== null && RELEASE.has(before.status);
			expected.push(`${e.id}:${released && !wasReleased ? 'released,statusChanged' : 'statusChanged'}`);
		}
	}
	return expected.sort();
}

function commit(listing: Listed[], committed: Map<string, Watched>, cutoff: number): void {
	for (const e of listing) {
		if (isHistory(e, cutoff)) committed.delete(e.id);
		else committed.set(e.id, { status: e.release_status, date: e.release_date });
	}
}

/** Counts across a run, printed and checked. */
interface Figures {
	polls: number;
	complete: number;
	failed: number;
	restarts: number;
	changesMade: number;
	transitionsExpected: number;
	emitted: number;
	duplicates: number;
	missed: number;
	unexpected: number;
	skewMinutes: [number, number];
}

function newFigures(): Figures {
	return { polls: 0, complete: 0, failed: 0, restarts: 0, changesMade: 0, transitionsExpected: 0, emitted: 0, duplicates: 0, missed: 0, unexpected: 0, skewMinutes: [0, 0] };
}

/** Compares one complete poll with the truth; `versions` makes each change of an entry a distinct transition. */
function judge(figures: Figures, emitted: string[], expected: string[], versions: Map<string, number>, seen: Set<string>): void {
	figures.complete++;
	figures.transitionsExpected += expected.length;
	figures.emitted += emitted.length;
	const remaining = [...expected];
	for (const event of emitted) {
		const at = remaining.indexOf(event);
		if (at >= 0) remaining.splice(at, 1);
		else figures.unexpected++;
		const id = event.slice(0, event.indexOf(':'));
		const transition = `${id}@${versions.get(id) ?? 0}`;
		if (seen.has(transition)) figures.duplicates++;
		seen.add(transition);
	}
	figures.missed += remaining.length;
}

const results: Array<[string, Figures]> = [];

afterAll(() => {
	const header = ['run', 'polls', 'complete', 'failed', 'restarts', 'changes made', 'transitions due', 'emitted', 'duplicates', 'missed', 'unexpected', 'poll clock skew (min)'];
	const rows = results.map(([name, f]) => [
		name,
		...[f.polls, f.complete, f.failed, f.restarts, f.changesMade, f.transitionsExpected, f.emitted, f.duplicates, f.missed, f.unexpected].map(String),
		`${f.skewMinutes[0]}..+${f.skewMinutes[1]}`,
	]);
	console.log(table('Customs Entry Trigger: exactly once', header, rows));
});

describe('trigger exactly once: the core, 3,000 polls', () => {
	test('every transition is emitted once and only once, across page failures, restarts and clock skew', async () => {
		const random = seededRandom(7_0401);
		const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
		const figures = newFigures();
		const api = new FakeFlexportApi();
		api.entries = makeEntries(140, 'E', STATUSES);
		// Old releases (60 days): history, silent unless they change.
		for (const entry of api.entries.slice(0, 10)) entry.release_date = new Date(Date.UTC(2024, 10, 16)).toISOString().slice(0, 10);
		for (const entry of api.entries.slice(0, 10)) entry.release_status = 'released';
		let failingPage: number | undefined;
		api.fail = (url) => {
			const page = Number(url.searchParams.get('page'));
			if (page === failingPage) return json(500, { _object: '/api/error', status: 500, code: 'server_error', message: 'boom' });
			if (random() < 0.02) return json(503, {});
			return undefined;
		};
		const config = { baseUrl: 'https://api.flexport.com', perPage: 40, concurrency: 3, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } };
		let providerClock = Date.UTC(2025, 0, 15, 12, 0, 0);
		let skew = 0;
		let port = new FlexportFakePort(api.handle, { seed: 3, now: providerClock, latencyTurns: () => Math.floor(random() * 3) });
		const versions = new Map<string, number>();
		const seen = new Set<string>();
		const committed = new Map<string, Watched>();
		const hidden: Array<{ entry: FakeEntry; until: number }> = [];
		const bump = (id: string) => versions.set(id, (versions.get(id) ?? 0) + 1);
		const change = (entry: FakeEntry) => {
			figures.changesMade++;
			bump(entry.id);
			if (random() < 0.7) {
				entry.release_status = pick(STATUSES);
				// The provider dates a release by its own clock, which the poll's clock does not share.
				if (entry.release_status !== null && RELEASE.has(entry.release_status)) entry.release_date = new Date(providerClock).toISOString();
			} else entry.release_date = new Date(providerClock - Math.floor(random() * 3) * DAY).toISOString().slice(0, 10);
		};

		// Persisted state, as n8n stores static data: JSON.
		const baselineAt = port.clock;
		let persisted = JSON.stringify((await pollCustomsEntries(port, config, undefined, {})).state);
		commit(api.entries, committed, port.clock - 30 * DAY);
		let nextId = 0;

		for (let poll = 0; poll < 3000; poll++) {
			figures.polls++;
			providerClock += MINUTE;
			// The poll's clock wanders up to 45 minutes either side of the provider's, backwards too.
			skew = Math.max(-45, Math.min(45, skew + Math.floor(random() * 11) - 5));
			figures.skewMinutes = [Math.min(figures.skewMinutes[0], skew), Math.max(figures.skewMinutes[1], skew)];
			const changes = Math.floor(random() * 4);
			for (let i = 0; i < changes; i++) change(pick(api.entries));
			// Several changes of one entry between two polls are one transition, as the listing shows.
			if (random() < 0.05) {
				const entry = pick(api.entries);
				change(entry);
				change(entry);
			}
			if (random() < 0.06) {
				const entry = { ...makeEntries(1, 'N', STATUSES)[0], id: `N${nextId++}` };
				api.entries.splice(Math.floor(random() * api.entries.length), 0, entry);
				figures.changesMade++;
				bump(entry.id);
			}
			if (random() < 0.04 && api.entries.length > 20) {
				const [entry] = api.entries.splice(Math.floor(random() * api.entries.length), 1);
				hidden.push({ entry, until: poll + 1 + Math.floor(random() * 60) });
			}
			for (let i = hidden.length - 1; i >= 0; i--) {
				if (hidden[i].until > poll) continue;
				// Sometimes it changed while away.
				if (random() < 0.3) change(hidden[i].entry);
				api.entries.push(hidden[i].entry);
				hidden.splice(i, 1);
			}
			failingPage = random() < 0.12 ? 1 + Math.floor(random() * Math.ceil(api.entries.length / 40)) : undefined;
			if (random() < 0.05) {
				// A restart: a new process, the state read back from where n8n persisted it.
				figures.restarts++;
				port = new FlexportFakePort(api.handle, { seed: poll, now: port.clock, latencyTurns: () => Math.floor(random() * 3) });
			}
			port.clock = providerClock + skew * MINUTE;
			const cutoff = port.clock - 30 * DAY;
			const listing = api.entries.map((e) => ({ ...e }));
			let result;
			try {
				result = await pollCustomsEntries(port, config, JSON.parse(persisted) as unknown, {});
			} catch {
				figures.failed++;
				continue;
			}
			judge(
				figures,
				result.emitted.map((e) => `${e.entry.id}:${[...e.events].sort().join(',')}`),
				expectedEvents(listing, committed, cutoff, baselineAt),
				versions,
				seen,
			);
			commit(listing, committed, cutoff);
			if (result.changed) persisted = JSON.stringify(result.state);
		}
		results.push(['core, 3,000 polls', figures]);
		expect(figures.complete).toBeGreaterThan(2000);
		expect(figures.failed).toBeGreaterThan(200);
		expect(figures.restarts).toBeGreaterThan(100);
		expect(figures.transitionsExpected).toBeGreaterThan(3000);
		expect({ duplicates: figures.duplicates, missed: figures.missed, unexpected: figures.unexpected }).toEqual({ duplicates: 0, missed: 0, unexpected: 0 });
		expect(figures.emitted).toBe(figures.transitionsExpected);
	}, 90_000);
});

describe('trigger exactly once: the node in n8n-core PollContext, against the sandbox', () => {
	let sandbox: Sandbox;
	let base: number;

	beforeAll(async () => {
		base = Date.now();
		// The sandbox's clock moves only when the test says so (control.advanceTime).
		sandbox = await probeSandbox({ seed: 5, clock: () => base, flexport: { entries: 95 } });
		// Begin half an hour on, so that a jump back still shows most entries.
		sandbox.control.advanceTime(30 * MINUTE);
	});
	afterAll(async () => await sandbox.close());

	test('200 polls with status changes, new entries, failing pages, restarts and the provider clock jumping both ways', async () => {
		const random = seededRandom(99);
		const figures = newFigures();
		const store = sandboxCredentials(sandbox.urls);
		const node = { name: 'Customs Entry Trigger', type: NODE_TYPES.trigger, parameters: { events: ['released', 'newEntry', 'statusChanged'] }, credentials: { flexportApi: CREDENTIAL_IDS.flexportApi } };
		const versions = new Map<string, number>();
		const seen = new Set<string>();
		const committed = new Map<string, Watched>();
		const listingNow = (): Listed[] => sandbox.control.entries().map((e) => ({ id: String(e.id), release_status: e.release_status as string | null, release_date: e.release_date as string | null }));
		const signature = (e: Listed) => `${e.release_status}|${e.release_date}`;
		let previous = new Map(listingNow().map((e) => [e.id, signature(e)]));

		const baselineAt = Date.now();
		const first = await runPoll(node, { credentials: store });
		let persisted = JSON.stringify(first.staticData);
		commit(listingNow(), committed, Date.now() - 30 * DAY);

		for (let poll = 0; poll < 200; poll++) {
			figures.polls++;
			// The provider's clock (its schedules, release dates) moves on, and now and then back.
			const step = random() < 0.08 ? -Math.floor(random() * 20) * MINUTE : Math.floor(random() * 4) * MINUTE;
			sandbox.control.advanceTime(step);
			const skewMinutes = Math.round((sandbox.control.now() - Date.now()) / MINUTE);
			figures.skewMinutes = [Math.min(figures.skewMinutes[0], skewMinutes), Math.max(figures.skewMinutes[1], skewMinutes)];
			const entries = sandbox.control.entries();
			for (let i = 0; entries.length > 0 && i < Math.floor(random() * 3); i++) {
				const entry = entries[Math.floor(random() * entries.length)];
				sandbox.control.setStatus(String(entry.id), STATUSES[Math.floor(random() * STATUSES.length)]);
			}
			if (random() < 0.1) sandbox.control.addEntry({ progress: random() < 0.5 });
			// Versions: every change the listing shows since the last look, schedules and clock jumps included.
			const listing = listingNow();
			for (const e of listing) {
				if (previous.get(e.id) !== signature(e)) {
					versions.set(e.id, (versions.get(e.id) ?? 0) + 1);
					figures.changesMade++;
				}
			}
			previous = new Map(listing.map((e) => [e.id, signature(e)]));
			const roll = random();
			if (roll < 0.1) sandbox.control.failNext({ path: '/flexport/customs_entries', status: 404 });
			else if (roll < 0.15) sandbox.control.failNext({ path: '/flexport/customs_entries', status: 503 });
			else if (roll < 0.18) sandbox.control.failNext({ path: '/flexport/customs_entries', body: '<html>maintenance</html>', contentType: 'text/html' });
			// Every poll starts from the persisted JSON in a fresh PollContext: a restart each time.
			figures.restarts++;
			const cutoff = Date.now() - 30 * DAY;
			let outcome: { items: INodeExecutionData[][] | null; staticData: IDataObject };
			try {
				outcome = await runPoll(node, { staticData: JSON.parse(persisted) as IDataObject, credentials: store });
			} catch {
				figures.failed++;
				sandbox.control.clearFaults();
				continue;
			}
			sandbox.control.clearFaults();
			const emitted = (outcome.items?.[0] ?? []).map((item) => `${String(item.json.id)}:${String(item.json.event)}`);
			// The node emits one item per change, named by its first event (released, then statusChanged, then newEntry).
			const expected = expectedEvents(listing, committed, cutoff, baselineAt).map((e) => `${e.slice(0, e.indexOf(':'))}:${e.includes('released') ? 'released' : e.slice(e.indexOf(':') + 1)}`);
			judge(
				figures,
				emitted.sort(),
				expected.sort(),
				versions,
				seen,
			);
			commit(listing, committed, cutoff);
			persisted = JSON.stringify(outcome.staticData);
		}
		results.push(['node (PollContext + sandbox), 200 polls', figures]);
		expect(figures.complete).toBeGreaterThan(120);
		expect(figures.failed).toBeGreaterThan(10);
		expect(figures.emitted).toBeGreaterThan(100);
		expect({ duplicates: figures.duplicates, missed: figures.missed, unexpected: figures.unexpected }).toEqual({ duplicates: 0, missed: 0, unexpected: 0 });
	}, 90_000);
});
