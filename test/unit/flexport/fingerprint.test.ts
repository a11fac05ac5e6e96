import {
	decodeFingerprint,
	decodeReleaseDate,
	decodeReleaseStatus,
	encodeReleaseDate,
	encodeReleaseStatus,
	fingerprintOf,
	markAbsent,
} from '../../../src/flexport/fingerprint';

// providers.md (Flexport): release_status documented as cleared | customs_hold | pending, examples
// also show released and null; enum values can grow without a new API version.
describe('release status in the fingerprint', () => {
	it.each(['released', 'cleared', 'customs_hold', 'pending'])('stores the known status %s as one letter', (status) => {
		expect(encodeReleaseStatus(status)).toHaveLength(1);
		expect(decodeReleaseStatus(encodeReleaseStatus(status))).toBe(status);
	});

	it('stores null (not yet decided) as nothing', () => {
		expect(encodeReleaseStatus(null)).toBe('');
		expect(decodeReleaseStatus('')).toBeNull();
	});

	it('keeps an unknown status verbatim, even one containing the separator', () => {
		const status = 'partially_released|exam';
		expect(encodeReleaseStatus(status)).not.toContain('|');
		expect(decodeReleaseStatus(encodeReleaseStatus(status))).toBe(status);
	});

	it('never confuses an unknown one-letter status with a known code', () => {
		expect(decodeReleaseStatus(encodeReleaseStatus('r'))).toBe('r');
		expect(encodeReleaseStatus('r')).not.toBe(encodeReleaseStatus('released'));
	});
});

describe('release date in the fingerprint', () => {
	it('round-trips a calendar date', () => {
		expect(decodeReleaseDate(encodeReleaseDate('2025-01-14'))).toBe('2025-01-14');
	});

	it('round-trips a UTC instant with and without milliseconds', () => {
		expect(decodeReleaseDate(encodeReleaseDate('2025-01-14T09:30:00.000Z'))).toBe('2025-01-14T09:30:00.000Z');
		expect(decodeReleaseDate(encodeReleaseDate('2025-01-14T09:30:00.250Z'))).toBe('2025-01-14T09:30:00.250Z');
	});

	it('treats the same instant written in another zone or format as the same date', () => {
		expect(encodeReleaseDate('2025-01-14T11:30:00+02:00')).toBe(encodeReleaseDate('2025-01-14T09:30:00Z'));
	});

	it('keeps a time without zone verbatim rather than guess the server zone', () => {
		expect(decodeReleaseDate(encodeReleaseDate('2025-01-14T09:30:00'))).toBe('2025-01-14T09:30:00');
	});

	it('keeps an impossible calendar date verbatim', () => {
		expect(decodeReleaseDate(encodeReleaseDate('2025-02-30'))).toBe('2025-02-30');
	});

	it('stores a null release date as nothing', () => {
		expect(encodeReleaseDate(null)).toBe('');
		expect(decodeReleaseDate('')).toBeNull();
	});
});

describe('fingerprint', () => {
	it('is short for a released entry with a date', () => {
		expect(fingerprintOf({ release_status: 'released', release_date: '2025-01-14T09:30:00Z' }).length).toBeLessThanOrEqual(10);
	});

	it('decodes back to status and date, with the absence mark apart', () => {
		const watched = fingerprintOf({ release_status: 'customs_hold', release_date: null });
		const absent = markAbsent(watched, Date.UTC(2025, 0, 15, 12, 0, 30));
		expect(decodeFingerprint(absent)).toEqual({
			watched,
			releaseStatus: 'customs_hold',
			releaseDate: null,
			absentSince: Date.UTC(2025, 0, 15, 12, 0, 0),
		});
	});
});
