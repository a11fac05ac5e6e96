import { CURRENT_RULE_SET, type RuleSet } from '../../../src/eei';
import { decide, line, reasonFor, shipment } from './helpers';

/** When the ITN must be obtained (15 CFR 30.4(b)). */
describe('Filing deadlines (15 CFR 30.4(b))', () => {
	const over = [line({ value: 5000 })];
	const departure = '2026-11-21T18:00:00Z';

	test.each([
		['vessel', 24, '15 CFR 30.4(b)(2)(i)', '2026-11-20T18:00:00.000Z', 'ftr.30.4(b)(2)(i)'],
		['air', 2, '15 CFR 30.4(b)(2)(ii)', '2026-11-21T16:00:00.000Z', 'ftr.30.4(b)(2)(ii)'],
		['truck', 1, '15 CFR 30.4(b)(2)(iii)', '2026-11-21T17:00:00.000Z', 'ftr.30.4(b)(2)(iii)'],
		['rail', 2, '15 CFR 30.4(b)(2)(iv)', '2026-11-21T16:00:00.000Z', 'ftr.30.4(b)(2)(iv)'],
		['mail', 2, '15 CFR 30.4(b)(2)(v)', '2026-11-21T16:00:00.000Z', 'ftr.30.4(b)(2)(v)'],
		['other', 2, '15 CFR 30.4(b)(2)(vi)', '2026-11-21T16:00:00.000Z', 'ftr.30.4(b)(2)(vi)'],
	])('%s: %i h before the event (%s), fileBy computed from departureTime', (mode, hoursBefore, citation, fileBy, ruleId) => {
		const result = decide(shipment({ modeOfTransport: mode, departureTime: departure }, over));
		expect(result.filingDeadline).toMatchObject({ mode, hoursBefore, citation, fileBy, ruleId });
	});

	test('fileBy honours the offset of departureTime and is given in UTC', () => {
		const result = decide(shipment({ modeOfTransport: 'air', departureTime: '2026-11-21T09:30:00-05:00' }, over));
		expect(result.filingDeadline?.fileBy).toBe('2026-11-21T12:30:00.000Z');
	});

	test('without departureTime the deadline has no fileBy', () => {
		const result = decide(shipment({ modeOfTransport: 'vessel' }, over));
		expect(result.filingDeadline).toEqual({
			mode: 'vessel',
			hoursBefore: 24,
			event: 'loading of the cargo on the vessel at the US port of lading',
			citation: '15 CFR 30.4(b)(2)(i)',
			ruleId: 'ftr.30.4(b)(2)(i)',
		});
	});

	test('used self-propelled vehicles: 72 h before export (15 CFR 30.4(b)(5))', () => {
		const result = decide(
			shipment({ modeOfTransport: 'vessel', departureTime: departure }, [line({ commodityCode: '8703230190', usedVehicle: true })]),
		);
		expect(result.filingDeadline).toMatchObject({ hoursBefore: 72, citation: '15 CFR 30.4(b)(5)', ruleId: 'ftr.30.4(b)(5)', fileBy: '2026-11-18T18:00:00.000Z' });
	});

	test('US to Puerto Rico: by arrival at the port of unlading, no fileBy from departure (15 CFR 30.4(b)(3))', () => {
		const result = decide(shipment({ destination: { country: 'PR' }, modeOfTransport: 'vessel', departureTime: departure }, over));
		expect(result.filingDeadline).toEqual({
			mode: 'vessel',
			hoursBefore: 0,
			event: 'arrival of the shipment at the port of unlading',
			citation: '15 CFR 30.4(b)(3)',
			ruleId: 'ftr.30.4(b)(3)',
		});
	});

	test('Puerto Rico to the US: by arrival at the port of unlading (15 CFR 30.4(b)(3))', () => {
		const result = decide(shipment({ origin: { country: 'PR' }, destination: { country: 'US' } }, over));
		expect(result.filingDeadline?.citation).toBe('15 CFR 30.4(b)(3)');
	});

	test('USML items follow the ITAR time frame, not an hour count of Part 30 (15 CFR 30.4(b)(1))', () => {
		const result = decide(shipment({ departureTime: departure }, [line({ value: 10, itar: true })]));
		expect(result.filingDeadline).toMatchObject({ hoursBefore: null, citation: '15 CFR 30.4(b)(1)', ruleId: 'ftr.30.4(b)(1)' });
		expect(result.filingDeadline?.fileBy).toBeUndefined();
	});

	test('when EEI is required but the mode is unknown, the deadline is null and the reason says why', () => {
		const result = decide(shipment({ modeOfTransport: undefined }, over));
		expect(result.filingDeadline).toBeNull();
		expect(reasonFor(result, 'FILING_DEADLINE_UNKNOWN')).toMatchObject({ citation: '15 CFR 30.4(b)(2)', ruleId: 'ftr.30.4(b)(2)', severity: 'warning' });
	});

	test('the unknown-mode reason lists every mode with its hours from the rule data (vessel 24 h, air 2 h, truck 1 h)', () => {
		const { message } = reasonFor(decide(shipment({ modeOfTransport: undefined }, over)), 'FILING_DEADLINE_UNKNOWN');
		expect(message).toMatch(/vessel 24 h before loading/);
		expect(message).toMatch(/air 2 h before scheduled departure/);
		expect(message).toMatch(/truck 1 h before arrival of the truck/);
	});

	test('an amended deadline is a data change: air at 3 h moves fileBy and the unknown-mode message', () => {
		const air = { ...CURRENT_RULE_SET.deadlines.byMode.air, hoursBefore: 3 };
		const amended: RuleSet = {
			...CURRENT_RULE_SET,
			id: 'amended-air-deadline',
			deadlines: { ...CURRENT_RULE_SET.deadlines, byMode: { ...CURRENT_RULE_SET.deadlines.byMode, air } },
		};
		expect(decide(shipment({ departureTime: departure }, over), amended).filingDeadline?.fileBy).toBe('2026-11-21T15:00:00.000Z');
		const unknown = decide(shipment({ modeOfTransport: undefined }, over), amended);
		expect(reasonFor(unknown, 'FILING_DEADLINE_UNKNOWN').message).toMatch(/air 3 h/);
	});

	test('when no EEI is required there is no deadline', () => {
		expect(decide(shipment({ departureTime: departure })).filingDeadline).toBeNull();
	});
});
