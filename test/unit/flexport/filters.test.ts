/**
 * How a user's words select customs entries (issue 13, part 2): one release-status matcher for
 * Get Many's filter and the trigger's Entry Released. Flexport's statuses are open strings
 * (providers.md: documented `cleared | customs_hold | pending`, examples also `released` and `null`).
 */
import { advance } from '../../../src/flexport/triggerState';
import { comparableEntryNumber, customsEntryMatcher, hasEntryFilters, namesUndecidedStatus, releaseStatusMatcher } from '../../../src/flexport/filters';
import type { CustomsEntry } from '../../../src/flexport/types';

function entry(id: string, release_status: string | null, entry_number: string | null = `FLX-${id}`): CustomsEntry {
	return { _object: '/customs_entry', id, entry_number, release_status, release_date: null, shipment: null };
}

describe('releaseStatusMatcher', () => {
	it.each([
		['released', 'released', true],
		['Released', 'released', true],
		['released', 'RELEASED', true],
		[' cleared ', 'cleared', true],
		['customs_hold', 'customs_hold', true],
		['cleared', 'customs_hold', false],
		['exam_hold', 'exam_hold', true],
	])('setting %j, Flexport status %j: %s', (setting, status, matches) => {
		expect(releaseStatusMatcher([setting])(status)).toBe(matches);
	});

	it('lets `none` stand for an entry CBP has not decided (`release_status: null`), in any case', () => {
		expect(releaseStatusMatcher(['None'])(null)).toBe(true);
		expect(releaseStatusMatcher(['none'])('pending')).toBe(false);
	});

	it('never matches an undecided entry unless `none` is named', () => {
		expect(releaseStatusMatcher(['released', 'cleared', 'pending'])(null)).toBe(false);
	});

	it('ignores blank statuses in the setting', () => {
		expect(releaseStatusMatcher(['', '  '])('')).toBe(false);
	});

	it('tells whether `none` is among the statuses (the trigger refuses it as a release status)', () => {
		expect(namesUndecidedStatus(['released', ' NONE '])).toBe(true);
		expect(namesUndecidedStatus(['released', 'cleared'])).toBe(false);
	});
});

describe('Get Many and the trigger agree on every setting and status', () => {
	const settings = [['released'], ['Released', 'CLEARED'], [' customs_hold '], ['exam_hold']];
	const statuses = ['released', 'Released', 'cleared', 'Cleared', 'customs_hold', 'pending', 'exam_hold', 'Exam_Hold'];
	it.each(settings)('setting %j', (...setting) => {
		for (const status of statuses) {
			const kept = customsEntryMatcher({ releaseStatuses: setting })(entry('A', status));
			const state = advance(undefined, [entry('A', 'pending')], { now: 0 }).state;
			const fired = advance(state, [entry('A', status)], { now: 60_000, events: ['released'], releaseStatuses: setting }).emitted.length === 1;
			expect({ status, kept }).toEqual({ status, kept: fired });
		}
	});
});

describe('the trigger and an undecided entry', () => {
	it('never counts `release_status: null` as released, even if `none` reaches the core (the node refuses it)', () => {
		const state = advance(undefined, [entry('A', 'pending')], { now: 0 }).state;
		expect(advance(state, [entry('A', null)], { now: 60_000, events: ['released'], releaseStatuses: ['none', 'released'] }).emitted).toEqual([]);
	});
});

describe('customsEntryMatcher', () => {
	it('keeps everything without filters', () => {
		expect(hasEntryFilters({ releaseStatuses: [], entryNumber: '' })).toBe(false);
		expect(customsEntryMatcher({})(entry('A', null, null))).toBe(true);
	});

	it('compares entry numbers without dashes, spaces or case (CBP entry numbers are written both ways)', () => {
		expect(comparableEntryNumber('CHQ-4981387-4')).toBe('chq49813874');
		expect(customsEntryMatcher({ entryNumber: 'chq 49813874' })(entry('A', null, 'CHQ-4981387-4'))).toBe(true);
		expect(customsEntryMatcher({ entryNumber: 'chq 49813874' })(entry('A', null, null))).toBe(false);
	});

	it('needs both filters to pass when both are given', () => {
		const match = customsEntryMatcher({ releaseStatuses: ['released'], entryNumber: 'CHQ-4981387-4' });
		expect(match(entry('A', 'released', 'CHQ-4981387-4'))).toBe(true);
		expect(match(entry('A', 'pending', 'CHQ-4981387-4'))).toBe(false);
		expect(match(entry('A', 'released', 'CHQ-4981388-2'))).toBe(false);
	});
});
