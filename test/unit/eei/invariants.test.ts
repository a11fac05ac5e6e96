/**
 * Promises every determination keeps, whatever the shipment (issue 2: "Every decision, positive
 * or negative, carries at least one reason with its citation"), checked over generated shipments.
 */
import fc from 'fast-check';

import { REASON_CODES, RULE_SETS, ruleRecords } from '../../../src/eei';
import { decide } from './helpers';

const RECORD_IDS = new Set(RULE_SETS.flatMap((set) => ruleRecords(set).map((r) => r.id)));
const CODES_KNOWN = new Set<string>(REASON_CODES);

const CITATION = /^15 CFR \d+\.\d+(\([a-zA-Z0-9]+\))*$/;
const COUNTRIES = ['US', 'PR', 'VI', 'GU', 'AS', 'CA', 'MX', 'DE', 'CN', 'HK', 'RU', 'VE', 'IR', 'CU', 'KP', 'JP'];
const CODES = ['8471.30.0100', '7102.31.0000', '6910.10.0010', '8703.23.0190', '8542.31.0000', '9306.30.4100'];
const ECCNS = [undefined, 'EAR99', '5A992.c', '3A001', '9A610.a', '0A501.a', '3A069'];

const flaggedLine = fc.record(
	{
		commodityCode: fc.constantFrom(...CODES),
		value: fc.integer({ min: 0, max: 10_000 }),
		originCountry: fc.constantFrom('US', 'DE', 'GU', 'PR'),
		eccn: fc.constantFrom(...ECCNS),
		licenseException: fc.constantFrom('BAG', 'GOV', 'GFT', 'STA', 'TMP'),
		massMarketSoftware: fc.boolean(),
		licenseRequired: fc.boolean(),
		itar: fc.boolean(),
		usedVehicle: fc.boolean(),
		vehicle: fc.boolean(),
	},
	{ requiredKeys: ['commodityCode', 'value'] },
);
// Plain lines too, so that the value test and the Canada exemption decide often.
const plainLine = fc.record({ commodityCode: fc.constantFrom(...CODES.slice(2, 3), '6109.10.0012', '8483.40.5010'), value: fc.integer({ min: 0, max: 4_000 }) });
const line = fc.oneof(plainLine, plainLine, flaggedLine);

const shipment = fc.record(
	{
		// Mostly exports from the US, so that every branch of the rules is reached, not only the scope test.
		origin: fc.record({ country: fc.constantFrom('US', 'US', 'US', 'US', 'US', 'PR', 'VI', 'GU', 'MP', 'DE') }),
		destination: fc.record({ country: fc.constantFrom(...COUNTRIES) }),
		modeOfTransport: fc.constantFrom('air', 'vessel', 'truck', 'rail', 'mail', 'other'),
		departureTime: fc.constant('2026-11-23T18:00:00Z'),
		canadaStorageForReexport: fc.boolean(),
		exemption: fc.constantFrom('30.37(h)', '30.39', '30.40(a)', '30.37(f)', '30.37(y)(2)', '30.37(x)'),
		exportDate: fc.constantFrom('1900-01-01', '2024-06-01', '2025-09-14', '2025-09-15', '2026-11-23', '2090-01-01'),
		unverifiedListParty: fc.boolean(),
		items: fc.array(line, { minLength: 1, maxLength: 6 }),
	},
	{ requiredKeys: ['origin', 'destination', 'items'] },
);

describe('every determination (generated shipments)', () => {
	test('carries at least one reason, every one cited as `15 CFR <section>(<paragraph>)`', () => {
		fc.assert(
			fc.property(shipment, (input) => {
				const result = decide(input as Record<string, unknown>);
				expect(result.reasons.length).toBeGreaterThan(0);
				for (const reason of result.reasons) expect(reason.citation).toMatch(CITATION);
			}),
			{ numRuns: 500, seed: 30_37 },
		);
	});

	test('required comes with reportable lines and no legend; not required comes with neither lines nor deadline', () => {
		fc.assert(
			fc.property(shipment, (input) => {
				const result = decide(input as Record<string, unknown>);
				if (result.required) {
					expect(result.legend).toBeNull();
					expect(result.reportableLines.length).toBeGreaterThan(0);
				} else {
					expect(result.reportableLines).toEqual([]);
					expect(result.filingDeadline).toBeNull();
				}
			}),
			{ numRuns: 500, seed: 30_36 },
		);
	});

	test('a legend is a NOEEI legend of Appendix B, and names the rule set it applied', () => {
		fc.assert(
			fc.property(shipment, (input) => {
				const result = decide(input as Record<string, unknown>);
				if (result.legend !== null) expect(result.legend).toMatch(/^NOEEI 30\.(36|37\([a-z]+\)(\(\d+\))?|39|40\([a-d]\))$/);
				expect(result.ruleSet.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			}),
			{ numRuns: 500, seed: 30_39 },
		);
	});

	test('every reason code is one of REASON_CODES, every ruleId names a rule record, and severity, when given, is "warning"', () => {
		fc.assert(
			fc.property(shipment, (input) => {
				const result = decide(input as Record<string, unknown>);
				for (const reason of result.reasons) {
					expect(CODES_KNOWN.has(reason.code)).toBe(true);
					expect(RECORD_IDS.has(reason.ruleId)).toBe(true);
					if ('severity' in reason) expect(reason.severity).toBe('warning');
				}
			}),
			{ numRuns: 500, seed: 30_16 },
		);
	});

	test('every basis of a reportable line is the code of a reason of the same determination', () => {
		fc.assert(
			fc.property(shipment, (input) => {
				const result = decide(input as Record<string, unknown>);
				const given = new Set(result.reasons.map((r) => r.code));
				for (const line of result.reportableLines) for (const code of line.basis) expect(given.has(code)).toBe(true);
			}),
			{ numRuns: 500, seed: 758_1 },
		);
	});

	test('a line with an ECCN other than EAR99 to China or Hong Kong is never left out of a required filing or exempt by value (758.1(b)(10) and its Note)', () => {
		fc.assert(
			fc.property(shipment, (input) => {
				const shipmentInput = input as { origin: { country: string }; destination: { country: string }; items: Array<{ eccn?: string }> };
				const result = decide(input as Record<string, unknown>);
				const from = shipmentInput.origin.country;
				const inScopeOrigin = ['US', 'PR', 'VI', 'GU', 'MP'].includes(from);
				if (!inScopeOrigin || !['CN', 'HK'].includes(shipmentInput.destination.country)) return;
				if (result.legend !== null && result.legend.startsWith('NOEEI 30.3') && !/30\.(39|40)/.test(result.legend)) {
					// Only a GOV claim (30.39, 30.40) lifts 758.1(b)(10); no other legend may come with a CCL line.
					expect(shipmentInput.items.every((item) => item.eccn === undefined || item.eccn === 'EAR99')).toBe(true);
				}
			}),
			{ numRuns: 500, seed: 85_83765 },
		);
	});
});
