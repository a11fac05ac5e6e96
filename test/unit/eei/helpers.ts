import { determineEeiRequirementFromInput, type EeiDetermination } from '../../../src/eei';
import type { RuleSet } from '../../../src/eei/rules';

type Item = Record<string, unknown>;

/** A plain export: US (50 states) to Germany by air, one domestic line. */
export function shipment(overrides: Record<string, unknown> = {}, items: Item[] = [line()]): Record<string, unknown> {
	return { origin: { country: 'US' }, destination: { country: 'DE' }, modeOfTransport: 'air', items, ...overrides };
}

export function line(overrides: Item = {}): Item {
	return { commodityCode: '8471.30.0100', value: 100, ...overrides };
}

/** The clock of every determination in these tests: inside the newest rule set's coverage. */
export const TODAY = '2026-11-23';
export const today = () => TODAY;

export function decide(input: Record<string, unknown>, ruleSet?: RuleSet): EeiDetermination {
	return determineEeiRequirementFromInput(input, { ruleSet, today });
}

export function codes(result: EeiDetermination): string[] {
	return result.reasons.map((r) => r.code);
}

export function reasonFor(result: EeiDetermination, code: string) {
	const found = result.reasons.find((r) => r.code === code);
	if (!found) throw new Error(`no reason ${code} in ${codes(result).join(', ')}`);
	return found;
}
