import type { CustomsEntryTriggerState } from '../../../src/flexport/triggerState';
import { advance } from '../../../src/flexport/triggerState';
import type { CustomsEntry } from '../../../src/flexport/types';

// The Customs Entry Trigger's pure step (style.md: load state -> fetch everything ->
// advance(state, fetched) -> commit only after a complete fetch).
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function entry(id: string, release_status: string | null = null, release_date: string | null = null, shipmentId = 23481): CustomsEntry {
	return {
		_object: '/customs_entry',
		id,
		entry_number: `FLX-${id}`,
		release_status,
		release_date,
		shipment: { _object: '/api/refs/object', ref_type: '/shipment', link: `https://api.flexport.com/shipments/${shipmentId}`, id: shipmentId },
	};
}

function baseline(entries: CustomsEntry[], now = T0): CustomsEntryTriggerState {
	return advance(undefined, entries, { now }).state;
}

describe('first activation (baseline)', () => {
	it('records every entry and emits nothing', () => {
		const result = advance(undefined, [entry('A'), entry('B', 'released', '2025-01-14')], { now: T0 });
		expect(result.emitted).toEqual([]);
		expect(result.baseline).toBe(true);
		expect(result.changed).toBe(true);
		expect(Object.keys(result.state.entries)).toEqual(['A', 'B']);
		expect(result.state.baselineAt).toBe('2025-01-15T12:00:00.000Z');
	});

	it('emits entries already released when asked to, and only those', () => {
		const result = advance(undefined, [entry('A', 'pending'), entry('B', 'released'), entry('C', 'cleared')], {
			now: T0,
			emitExistingOnBaseline: true,
		});
		expect(result.emitted.map((e) => [e.entry.id, e.event])).toEqual([
			['B', 'released'],
			['C', 'released'],
		]);
		expect(result.emitted[0].previousReleaseStatus).toBeNull();
	});

	it('takes a new baseline when the stored state is unreadable or of another version', () => {
		const result = advance({ version: 99, entries: {} }, [entry('A', 'released')], { now: T0 });
		expect(result.baseline).toBe(true);
		expect(result.emitted).toEqual([]);
	});
});

describe('a poll over unchanged data', () => {
	it('emits nothing and reports no change, handing back the same state object', () => {
		const state = baseline([entry('A', 'pending'), entry('B', 'released', '2025-01-14T09:30:00Z')]);
		const result = advance(state, [entry('B', 'released', '2025-01-14T09:30:00Z'), entry('A', 'pending')], { now: T0 + DAY });
		expect(result.emitted).toEqual([]);
		expect(result.changed).toBe(false);
		expect(result.state).toBe(state);
	});

	it('does not take a change of date format alone for a release date change', () => {
		const state = baseline([entry('B', 'released', '2025-01-14T09:30:00Z')]);
		const result = advance(state, [entry('B', 'released', '2025-01-14T09:30:00.000Z')], { now: T0 + MINUTE });
		expect(result.emitted).toEqual([]);
		expect(result.changed).toBe(false);
	});
});

describe('Entry Released', () => {
	it('fires when the release status enters released, with the previous status', () => {
		const state = baseline([entry('A', 'pending')]);
		const result = advance(state, [entry('A', 'released', '2025-01-16')], { now: T0 + MINUTE, events: ['released'] });
		expect(result.emitted).toEqual([
			{
				event: 'released',
				events: ['released'],
				entry: entry('A', 'released', '2025-01-16'),
				previousReleaseStatus: 'pending',
				previousReleaseDate: null,
				detectedAt: '2025-01-15T12:01:00.000Z',
			},
		]);
	});

	it('fires when the release status enters cleared (default set: released and cleared)', () => {
		const state = baseline([entry('A', null)]);
		const result = advance(state, [entry('A', 'cleared')], { now: T0 + MINUTE, events: ['released'] });
		expect(result.emitted.map((e) => e.event)).toEqual(['released']);
	});

	it('does not fire again when a released entry becomes cleared (it stays within the release set)', () => {
		const state = baseline([entry('A', 'released')]);
		const result = advance(state, [entry('A', 'cleared')], { now: T0 + MINUTE, events: ['released'] });
		expect(result.emitted).toEqual([]);
		expect(result.changed).toBe(true);
	});

	it('follows a configured release set, including a status Flexport has not documented', () => {
		const state = baseline([entry('A', 'pending'), entry('B', 'pending')]);
		const result = advance(state, [entry('A', 'released'), entry('B', 'partially_released')], {
			now: T0 + MINUTE,
			events: ['released'],
			releaseStatuses: ['partially_released'],
		});
		expect(result.emitted.map((e) => e.entry.id)).toEqual(['B']);
	});

	it('fires for a new entry that is already released', () => {
		const state = baseline([entry('A')]);
		const result = advance(state, [entry('A'), entry('N', 'released')], { now: T0 + MINUTE, events: ['released'] });
		expect(result.emitted.map((e) => [e.entry.id, e.event])).toEqual([['N', 'released']]);
	});

	it('does not fire for a customs hold', () => {
		const state = baseline([entry('A', 'pending')]);
		const result = advance(state, [entry('A', 'customs_hold')], { now: T0 + MINUTE, events: ['released'] });
		expect(result.emitted).toEqual([]);
	});
});

describe('an entry the baseline missed (issue 12, point 2: a listing that shifted while the baseline read it)', () => {
	// The first activation promises no event for what already existed: an entry released before
	// the baseline was taken existed then, so its first sighting later is no release and no new entry.
	it('is recorded silently when first seen after the baseline with a release before it, only Entry Released watched', () => {
		const state = baseline([entry('A', 'pending')]);
		const result = advance(state, [entry('A', 'pending'), entry('R', 'released', '2025-01-14T09:30:00Z')], { now: T0 + MINUTE, events: ['released'] });
		expect(result.emitted).toEqual([]);
		expect(result.state.entries).toHaveProperty('R');
	});

	it('is no New Entry either, with every event watched', () => {
		const state = baseline([entry('A', 'pending')]);
		const result = advance(state, [entry('A', 'pending'), entry('R', 'cleared', '2025-01-10')], { now: T0 + MINUTE });
		expect(result.emitted).toEqual([]);
	});

	it('is reported on its next change like any tracked entry', () => {
		const state = baseline([entry('A', 'pending')]);
		const found = advance(state, [entry('R', 'released', '2025-01-14T09:30:00Z')], { now: T0 + MINUTE }).state;
		const held = advance(found, [entry('R', 'customs_hold', '2025-01-14T09:30:00Z')], { now: T0 + 2 * MINUTE });
		expect(held.emitted.map((e) => [e.entry.id, e.event, e.previousReleaseStatus])).toEqual([['R', 'statusChanged', 'released']]);
	});

	it('is emitted as released when the activation asked for entries already released, as the baseline would have', () => {
		const state = advance(undefined, [entry('A', 'pending')], { now: T0, emitExistingOnBaseline: true }).state;
		const result = advance(state, [entry('R', 'released', '2025-01-14T09:30:00Z')], { now: T0 + MINUTE, emitExistingOnBaseline: true });
		expect(result.emitted.map((e) => [e.entry.id, e.events])).toEqual([['R', ['released']]]);
	});

	it('a new entry released after the baseline is still announced (release date after the baseline)', () => {
		const state = baseline([entry('A', 'pending')]);
		const result = advance(state, [entry('N', 'released', '2025-01-15T12:30:00Z')], { now: T0 + HOUR, events: ['released'] });
		expect(result.emitted.map((e) => [e.entry.id, e.event, e.previousReleaseStatus])).toEqual([['N', 'released', null]]);
	});

	it.each([
		['without a release date (its time cannot be told)', null],
		['released within the clock margin (an hour) before the baseline', '2025-01-15T11:30:00Z'],
		['released on the baseline\'s own day, date only', '2025-01-15'],
		['released the day before, date only (that day may end later in US time zones)', '2025-01-14'],
	])('a new released entry %s is still announced: silence only when surely released before the baseline', (_name, releaseDate) => {
		const state = baseline([entry('A', 'pending')]);
		const result = advance(state, [entry('N', 'released', releaseDate)], { now: T0 + MINUTE, events: ['released'] });
		expect(result.emitted.map((e) => e.entry.id)).toEqual(['N']);
	});

	it('a date-only release two days before the baseline is surely before it', () => {
		const state = baseline([entry('A', 'pending')]);
		expect(advance(state, [entry('R', 'released', '2025-01-13')], { now: T0 + MINUTE, events: ['released'] }).emitted).toEqual([]);
	});
});

describe('release statuses: the one matcher Get Many uses too (issue 13)', () => {
	it('counts a status as released whatever its case or surrounding spaces, in the setting or from Flexport', () => {
		const state = baseline([entry('A', 'pending'), entry('B', 'pending')]);
		const result = advance(state, [entry('A', 'Cleared'), entry('B', 'released')], { now: T0 + MINUTE, events: ['released'], releaseStatuses: [' RELEASED ', 'cleared'] });
		expect(result.emitted.map((e) => e.entry.id)).toEqual(['A', 'B']);
	});

	it('does not fire again when a released entry changes only the case of its status', () => {
		const state = baseline([entry('A', 'released')]);
		const result = advance(state, [entry('A', 'Released')], { now: T0 + MINUTE, events: ['released', 'statusChanged'] });
		expect(result.emitted.map((e) => e.events)).toEqual([['statusChanged']]);
	});
});

describe('Status Changed', () => {
	it('fires on any change of release status, unknown statuses included', () => {
		const state = baseline([entry('A', 'pending')]);
		const result = advance(state, [entry('A', 'exam_ordered')], { now: T0 + MINUTE, events: ['statusChanged'] });
		expect(result.emitted.map((e) => [e.event, e.previousReleaseStatus, e.entry.release_status])).toEqual([
			['statusChanged', 'pending', 'exam_ordered'],
		]);
	});

	it('fires when only the release date changes, reporting the previous date', () => {
		const state = baseline([entry('A', 'released', '2025-01-14')]);
		const result = advance(state, [entry('A', 'released', '2025-01-15')], { now: T0 + MINUTE, events: ['statusChanged'] });
		expect(result.emitted.map((e) => [e.event, e.previousReleaseDate])).toEqual([['statusChanged', '2025-01-14']]);
	});

	it('fires when a status goes back to null (release withdrawn)', () => {
		const state = baseline([entry('A', 'released')]);
		const result = advance(state, [entry('A', null)], { now: T0 + MINUTE, events: ['statusChanged'] });
		expect(result.emitted.map((e) => e.previousReleaseStatus)).toEqual(['released']);
	});

	it('reports a release as released first, listing both events, in one item per entry', () => {
		const state = baseline([entry('A', 'pending')]);
		const result = advance(state, [entry('A', 'released')], { now: T0 + MINUTE });
		expect(result.emitted).toHaveLength(1);
		expect(result.emitted[0].event).toBe('released');
		expect(result.emitted[0].events).toEqual(['released', 'statusChanged']);
	});
});

describe('New Entry', () => {
	it('fires once for an entry not seen before, and not on the next poll', () => {
		const state = baseline([entry('A')]);
		const first = advance(state, [entry('A'), entry('N')], { now: T0 + MINUTE, events: ['newEntry'] });
		expect(first.emitted.map((e) => [e.entry.id, e.event, e.previousReleaseStatus])).toEqual([['N', 'newEntry', null]]);
		const second = advance(first.state, [entry('A'), entry('N')], { now: T0 + 2 * MINUTE, events: ['newEntry'] });
		expect(second.emitted).toEqual([]);
		expect(second.changed).toBe(false);
	});

	it('is not a status change', () => {
		const state = baseline([entry('A')]);
		const result = advance(state, [entry('A'), entry('N', 'pending')], { now: T0 + MINUTE, events: ['statusChanged'] });
		expect(result.emitted).toEqual([]);
		expect(result.changed).toBe(true);
	});

	it('counts an entry listed twice in one scan once', () => {
		const state = baseline([entry('A')]);
		const result = advance(state, [entry('A'), entry('N'), entry('N')], { now: T0 + MINUTE });
		expect(result.emitted).toHaveLength(1);
	});
});

describe('shipment filter', () => {
	it('watches only entries of the given shipments', () => {
		const options = { shipmentIds: [23481] };
		const state = advance(undefined, [entry('A', null, null, 23481), entry('B', null, null, 99)], { ...options, now: T0 }).state;
		expect(Object.keys(state.entries)).toEqual(['A']);
		const result = advance(state, [entry('A', 'released', null, 23481), entry('B', 'released', null, 99)], { ...options, now: T0 + MINUTE });
		expect(result.emitted.map((e) => e.entry.id)).toEqual(['A']);
	});

	it('records the entries of a newly added shipment silently, and still reports tracked ones', () => {
		const state = advance(undefined, [entry('A', null, null, 1)], { shipmentIds: ['1'], now: T0 }).state;
		const result = advance(state, [entry('A', 'released', null, 1), entry('B', 'released', null, 2)], {
			shipmentIds: ['1', '2'],
			now: T0 + MINUTE,
		});
		expect(result.emitted.map((e) => e.entry.id)).toEqual(['A']);
		expect(result.state.scope).toBe('1,2');
		expect(Object.keys(result.state.entries).sort()).toEqual(['A', 'B']);
	});
});

describe('entries missing from the listing, and pruning', () => {
	it('is no event when an entry disappears; its absence is recorded', () => {
		const state = baseline([entry('A', 'released'), entry('B')]);
		const result = advance(state, [entry('B')], { now: T0 + MINUTE });
		expect(result.emitted).toEqual([]);
		expect(result.changed).toBe(true);
		expect(result.state.entries.A).toMatch(/^r\|\|[0-9a-z]+$/);
	});

	it('emits nothing when a missing entry comes back unchanged', () => {
		const state = baseline([entry('A', 'released'), entry('B')]);
		const gone = advance(state, [entry('B')], { now: T0 + MINUTE }).state;
		const back = advance(gone, [entry('A', 'released'), entry('B')], { now: T0 + 2 * MINUTE });
		expect(back.emitted).toEqual([]);
		expect(back.state.entries).toEqual(state.entries);
	});

	it('reports a change made while the entry was missing once it comes back', () => {
		const state = baseline([entry('A', 'pending'), entry('B')]);
		const gone = advance(state, [entry('B')], { now: T0 + MINUTE }).state;
		const back = advance(gone, [entry('A', 'released'), entry('B')], { now: T0 + 2 * MINUTE, events: ['released'] });
		expect(back.emitted.map((e) => [e.entry.id, e.previousReleaseStatus])).toEqual([['A', 'pending']]);
	});

	it('keeps a missing entry until it has been missing for the whole retention window', () => {
		const state = baseline([entry('A', 'released'), entry('B')]);
		const gone = advance(state, [entry('B')], { now: T0, retentionMs: 30 * DAY }).state;
		const justBefore = advance(gone, [entry('B')], { now: T0 + 30 * DAY - MINUTE, retentionMs: 30 * DAY });
		expect(justBefore.state.entries).toHaveProperty('A');
		expect(justBefore.changed).toBe(false);
		const atRetention = advance(gone, [entry('B')], { now: T0 + 30 * DAY, retentionMs: 30 * DAY });
		expect(atRetention.state.entries).not.toHaveProperty('A');
		expect(atRetention.changed).toBe(true);
	});

	it('forgets a release once its release date is older than the retention window, and never announces it again', () => {
		let state = baseline([entry('A', 'released', '2025-01-14'), entry('B', 'pending')]);
		expect(state.entries).toHaveProperty('A');
		for (let day = 1; day <= 400; day += 7) {
			const result = advance(state, [entry('A', 'released', '2025-01-14'), entry('B', 'pending')], { now: T0 + day * DAY, retentionMs: 30 * DAY });
			expect(result.emitted).toEqual([]);
			if (result.changed) state = result.state;
		}
		expect(state.entries).not.toHaveProperty('A');
		expect(state.entries).toHaveProperty('B');
	});

	it('keeps a release while its release date is within the retention window', () => {
		const state = baseline([entry('A', 'released', '2025-01-14')]);
		const result = advance(state, [entry('A', 'released', '2025-01-14')], { now: T0 + 20 * DAY, retentionMs: 30 * DAY });
		expect(result.changed).toBe(false);
		expect(result.state.entries).toHaveProperty('A');
	});

	it('keeps a release without a release date, whose age cannot be told', () => {
		const state = baseline([entry('A', 'cleared', null)]);
		const result = advance(state, [entry('A', 'cleared', null)], { now: T0 + 400 * DAY, retentionMs: 30 * DAY });
		expect(result.state.entries).toHaveProperty('A');
	});

	it('an old release first met after the baseline is history: no event', () => {
		const state = baseline([entry('B', 'pending')]);
		const result = advance(state, [entry('A', 'released', '2024-03-01'), entry('B', 'pending')], { now: T0, retentionMs: 30 * DAY });
		expect(result.emitted).toEqual([]);
		expect(result.state.entries).not.toHaveProperty('A');
	});

	it('a change into an old release is still announced once, then forgotten', () => {
		const state = baseline([entry('A', 'pending')]);
		const released = advance(state, [entry('A', 'released', '2024-12-01')], { now: T0, retentionMs: 30 * DAY });
		expect(released.emitted.map((e) => e.events)).toEqual([['released', 'statusChanged']]);
		expect(released.state.entries).not.toHaveProperty('A');
		expect(advance(released.state, [entry('A', 'released', '2024-12-01')], { now: T0 + MINUTE, retentionMs: 30 * DAY }).emitted).toEqual([]);
	});

	it('emits already released entries on activation when asked, old releases included', () => {
		const result = advance(undefined, [entry('A', 'released', '2024-03-01')], { now: T0, emitExistingOnBaseline: true, retentionMs: 30 * DAY });
		expect(result.emitted.map((e) => [e.entry.id, e.event])).toEqual([['A', 'released']]);
	});

	it('treats an entry that returns after being pruned as new (the documented caveat)', () => {
		const state = baseline([entry('A', 'released'), entry('B')]);
		const gone = advance(state, [entry('B')], { now: T0, retentionMs: DAY }).state;
		const pruned = advance(gone, [entry('B')], { now: T0 + DAY, retentionMs: DAY }).state;
		const back = advance(pruned, [entry('A', 'released'), entry('B')], { now: T0 + 2 * DAY, retentionMs: DAY });
		expect(back.emitted.map((e) => e.events)).toEqual([['released', 'newEntry']]);
	});
});

describe('purity', () => {
	it('does not modify the state it is given', () => {
		const state = baseline([entry('A', 'pending'), entry('B')]);
		const copy = JSON.parse(JSON.stringify(state)) as unknown;
		advance(state, [entry('A', 'released'), entry('C')], { now: T0 + MINUTE });
		expect(state).toEqual(copy);
	});

	it('produces state that survives a JSON round trip unchanged', () => {
		const state = advance(baseline([entry('A', 'pending'), entry('B')]), [entry('A', 'exam|x', '2025-01-14T09:30:00+02:00')], {
			now: T0 + MINUTE,
		}).state;
		const reloaded = JSON.parse(JSON.stringify(state)) as unknown;
		const result = advance(reloaded, [entry('A', 'exam|x', '2025-01-14T09:30:00+02:00')], { now: T0 + 2 * MINUTE });
		expect(result.emitted).toEqual([]);
		expect(result.changed).toBe(false);
	});
});
