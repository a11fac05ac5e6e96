import { CURRENT_RULE_SET } from '../../../src/eei';
import { InputValidationError } from '../../../src/errors';
import { decide, line, reasonFor, shipment } from './helpers';

/** Explicit exemption claims (15 CFR 30.37(b)-(y), 30.39, 30.40) and their legends (Appendix B). */
describe('Exemption claims (15 CFR 30.37, 30.39, 30.40)', () => {
	test('a claim of 30.37(h) (GFT gift parcels) is honoured on a $3,000 shipment: NOEEI 30.37(h)', () => {
		const result = decide(shipment({ exemption: '30.37(h)' }, [line({ value: 3000 })]));
		expect(result).toMatchObject({ required: false, legend: 'NOEEI 30.37(h)', reportableLines: [], filingDeadline: null });
		expect(reasonFor(result, 'EXEMPTION_CLAIMED').citation).toBe('15 CFR 30.37(h)');
	});

	test('a claim written as a legend with a section sign is understood: "NOEEI § 30.37(Q)"', () => {
		const result = decide(shipment({ exemption: 'NOEEI § 30.37(Q)' }, [line({ value: 3000 })]));
		expect(result.legend).toBe('NOEEI 30.37(q)');
	});

	test('a claim of 30.39 (US Armed Services) gives NOEEI 30.39', () => {
		expect(decide(shipment({ exemption: '30.39' })).legend).toBe('NOEEI 30.39');
	});

	test('a claim of 30.40(b) gives NOEEI 30.40(b)', () => {
		expect(decide(shipment({ exemption: '30.40(b)' })).legend).toBe('NOEEI 30.40(b)');
	});

	test('a 30.37(y) claim outside E:1/E:2 is not applicable and the value test decides', () => {
		const result = decide(shipment({ exemption: '30.37(y)(1)' }, [line({ value: 3000 })]));
		expect(result.required).toBe(true);
		expect(reasonFor(result, 'EXEMPTION_CLAIM_NOT_APPLICABLE').citation).toBe('15 CFR 30.37(y)(1)');
	});

	test.each([
		['30.37(e)', 'reserved.30.37(e)'],
		['30.37(u)', 'reserved.30.37(u)'],
	])('the reserved paragraph %s cannot be claimed (%s)', (exemption, id) => {
		expect(CURRENT_RULE_SET.reservedExemptions.find((r) => r.id === id)?.claim).toBe(exemption);
		expect(() => decide(shipment({ exemption }))).toThrow(InputValidationError);
		expect(() => decide(shipment({ exemption }))).toThrow(/exemption: 15 CFR .* is reserved/);
	});

	test.each([
		['30.37(a)', 'computed.30.37(a)'],
		['30.36', 'computed.30.36'],
	])('%s is decided from the data and cannot be claimed (%s)', (exemption, id) => {
		expect(CURRENT_RULE_SET.computedExemptions.find((r) => r.id === id)?.claim).toBe(exemption);
		expect(() => decide(shipment({ exemption }))).toThrow(/exemption: .*decided from the shipment data/);
	});

	test('a claim that is no exemption of 30.36-30.40 is rejected naming the field', () => {
		expect(() => decide(shipment({ exemption: '30.99' }))).toThrow(/exemption: /);
	});

	test('the claim is checked against the rule set given to the engine, not only the schema', () => {
		expect(() => decide(shipment({ exemption: '30.38' }))).toThrow(/exemption: 30.38 is not an exemption of rule set/);
	});
});
