/**
 * Decides whether Electronic Export Information must be filed for one shipment (15 CFR Part 30,
 * 15 CFR 758.1(b)). Pure: the same shipment and rule set always give the same determination.
 *
 * Order of decision:
 * 1. scope (30.2(a)(1), 30.2(d)): out of scope -> not required, no legend;
 * 2. always-file cases (30.2(a)(1)(iv), 758.1(b)): required, no exemption can apply;
 * 3. an explicit exemption claim (30.37(b)-(y), 30.39, 30.40) -> its legend;
 * 4. the Canada exemption (30.36), unless exception (b)(1)/(b)(2) applies;
 * 5. the value test per 10-digit code and origin D/F (30.37(a)), vehicles never value-exempt.
 *
 * Which lines are reported when an always-file case applies: every line for a shipment-level
 * case (E:1/E:2 destination, Unverified List party: 758.1(b)(1), (b)(8) cover "all exports");
 * for a line-level case (license, ITAR, 600 series, ...), that line's code/origin group, while
 * the other groups keep the value exemption ("only those ... valued over $2,500 are required
 * to be reported", 15 CFR 30.37(a)).
 */
import { InputValidationError } from '../errors';
import { parseShipment, type Shipment } from '../shipment/model';
import { centsToWholeDollars, lineValueCents, usdRate } from '../shipment/value';
import { compileRuleSet, type CompiledRuleSet } from './compile';
import { CURRENT_RULE_SET } from './rules';
import type { AlwaysFileRule, Area, ClaimableExemption, DeadlineRule, RuleRecord, RuleSet } from './rules/types';
import type { EeiDetermination, EeiReason, FilingDeadline, ReportableLine } from './types';

const NON_FOREIGN_SENDERS: ReadonlySet<Area> = new Set<Area>(['US', 'PR', 'VI']);

function reason(record: RuleRecord, message: string, items?: number[], code = record.code, citation = record.citation): EeiReason {
	return items === undefined
		? { code, citation, message, ruleId: record.id }
		: { code, citation, message, items, ruleId: record.id };
}

function usd(cents: number): string {
	return `$${(cents / 100).toFixed(2)}`;
}

function areaOf(c: CompiledRuleSet, country: string): Area {
	return c.areaByCountry.get(country) ?? 'FOREIGN';
}

interface ScopeDecision {
	inScope: boolean;
	reason: EeiReason;
}

function decideScope(shipment: Shipment, c: CompiledRuleSet): ScopeDecision {
	const { exclusions } = c;
	if (shipment.intangible && exclusions.intangible) {
		return { inScope: false, reason: reason(exclusions.intangible, exclusions.intangible.description) };
	}
	if (shipment.inBond && exclusions.inBond) {
		return { inScope: false, reason: reason(exclusions.inBond, exclusions.inBond.description) };
	}
	const from = areaOf(c, shipment.origin.country);
	const to = areaOf(c, shipment.destination.country);
	const guantanamo =
		(shipment.destination.guantanamoBay === true && NON_FOREIGN_SENDERS.has(from)) ||
		(shipment.origin.guantanamoBay === true && NON_FOREIGN_SENDERS.has(to));
	if (guantanamo && exclusions.guantanamo) {
		return { inScope: false, reason: reason(exclusions.guantanamo, exclusions.guantanamo.description) };
	}
	if (shipment.ultimateDestinationUS && exclusions.ultimateDestinationUS) {
		return { inScope: false, reason: reason(exclusions.ultimateDestinationUS, exclusions.ultimateDestinationUS.description) };
	}
	for (const row of c.ruleSet.scopeTable) {
		if (!row.from.includes(from)) continue;
		if (row.to.includes(to) || (from === to && row.to.includes('SAME'))) {
			const route = `${shipment.origin.country} to ${shipment.destination.country}`;
			return { inScope: row.inScope, reason: reason(row, `${row.description} (${route})`) };
		}
	}
	// No row matched: the table does not list the movement, so Part 30 does not reach it.
	return {
		inScope: false,
		reason: {
			code: 'OUT_OF_SCOPE_NOT_LISTED',
			citation: '15 CFR 30.2(a)(1)',
			message: `${shipment.origin.country} to ${shipment.destination.country} is not a movement listed in 30.2(a)(1)`,
			ruleId: 'scope.unlisted',
		},
	};
}

function resolveClaim(shipment: Shipment, c: CompiledRuleSet): ClaimableExemption | undefined {
	const claimed = shipment.exemption;
	if (claimed === undefined) return undefined;
	const refused = c.notClaimable.get(claimed);
	if (refused) throw new InputValidationError([{ path: 'exemption', message: refused }], 'Invalid shipment');
	const claim = c.claims.get(claimed);
	if (!claim) {
		throw new InputValidationError(
			[{ path: 'exemption', message: `${claimed} is not an exemption of rule set ${c.summary.id}` }],
			'Invalid shipment',
		);
	}
	return claim;
}

function claimApplies(claim: ClaimableExemption, dest: string, c: CompiledRuleSet): boolean {
	const required = claim.requiresDestinationGroups;
	if (required === undefined) return true;
	for (const name of required) if (c.groups.get(name)?.has(dest)) return true;
	return false;
}

interface Hit {
	rule: AlwaysFileRule;
	/** Item indexes; undefined for a shipment-level case (every line). */
	items?: number[];
}

function findAlwaysFileCases(shipment: Shipment, dest: string, c: CompiledRuleSet): Hit[] {
	const hits: Hit[] = [];
	for (const { rule, test } of c.shipmentRules) {
		if (test(shipment, dest)) hits.push({ rule });
	}
	const items = shipment.items;
	for (const { rule, test } of c.lineRules) {
		let matched: number[] | undefined;
		for (let i = 0; i < items.length; i++) {
			if (test(items[i], dest)) (matched ??= []).push(i);
		}
		if (matched) hits.push({ rule, items: matched });
	}
	return hits;
}

function needsAnyLicense(shipment: Shipment): boolean {
	for (const item of shipment.items) {
		if (item.licenseRequired || (item.otherAgencyLicense !== undefined && item.otherAgencyLicense !== false)) return true;
	}
	return false;
}

interface Group {
	commodityCode: string;
	originIndicator: 'D' | 'F';
	cents: number;
	items: number[];
	basis: string[];
	vehicle: boolean;
}

function groupLines(shipment: Shipment, c: CompiledRuleSet): Group[] {
	const rate = usdRate(shipment);
	const split = c.ruleSet.valueTest.splitByOrigin;
	const items = shipment.items;
	// A map only pays off with several lines; most shipments have one. One map per origin
	// indicator, keyed by the code itself: no key string is built per line.
	const many = items.length > 1;
	let domestic: Map<string, Group> | undefined;
	let foreign: Map<string, Group> | undefined;
	const groups: Group[] = [];
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		const originIndicator = c.domesticOrigins.has(item.originCountry) ? 'D' : 'F';
		const byCode = !many ? undefined : split && originIndicator === 'F' ? (foreign ??= new Map()) : (domestic ??= new Map());
		let group = byCode?.get(item.commodityCode);
		if (!group) {
			group = { commodityCode: item.commodityCode, originIndicator, cents: 0, items: [], basis: [], vehicle: false };
			byCode?.set(item.commodityCode, group);
			groups.push(group);
		}
		group.cents += lineValueCents(item, rate);
		group.items.push(i);
		for (const exclusion of c.valueExclusions) if (item[exclusion.flag] === true) group.vehicle = true;
	}
	return groups;
}

function groupLabel(g: Group): string {
	return `${g.commodityCode} (${g.originIndicator})`;
}

/** Applies 30.37(a) to the groups not already reportable; returns the reasons it gives. */
function applyValueTest(groups: Group[], c: CompiledRuleSet, reasons: EeiReason[]): void {
	const rule = c.ruleSet.valueTest;
	const threshold = usd(c.thresholdCents);
	let exemptItems: number[] | undefined;
	let exemptLabels: string[] | undefined;
	for (const g of groups) {
		if (g.basis.length > 0) continue;
		if (g.vehicle) {
			const exclusion = c.valueExclusions[0];
			g.basis.push(exclusion.code);
			reasons.push(
				reason(exclusion, `Commodity ${groupLabel(g)} contains a vehicle: ${exclusion.label}`, g.items, exclusion.code, exclusion.citation),
			);
		} else if (g.cents > c.thresholdCents) {
			g.basis.push('VALUE_OVER_THRESHOLD');
			reasons.push(
				reason(rule, `Commodity ${groupLabel(g)} totals ${usd(g.cents)}, over ${threshold}`, g.items, 'VALUE_OVER_THRESHOLD'),
			);
		} else {
			(exemptItems ??= []).push(...g.items);
			(exemptLabels ??= []).push(`${groupLabel(g)} ${usd(g.cents)}`);
		}
	}
	if (exemptItems !== undefined && exemptLabels !== undefined) {
		reasons.push(
			reason(
				rule,
				`Value exemption: ${exemptLabels.join(', ')} at or under ${threshold} per commodity code and origin`,
				exemptItems.sort((a, b) => a - b),
				'VALUE_AT_OR_UNDER_THRESHOLD',
			),
		);
	}
}

function toReportableLines(groups: Group[]): ReportableLine[] {
	const lines: ReportableLine[] = [];
	for (const g of groups) {
		if (g.basis.length === 0) continue;
		lines.push({
			commodityCode: g.commodityCode,
			originIndicator: g.originIndicator,
			value: centsToWholeDollars(g.cents),
			exactValue: g.cents / 100,
			items: g.items,
			basis: g.basis,
		});
	}
	return lines;
}

function deadlineFor(shipment: Shipment, c: CompiledRuleSet, reasons: EeiReason[]): FilingDeadline | null {
	const rules = c.ruleSet.deadlines;
	const mode = shipment.modeOfTransport ?? null;
	let itar = false;
	let usedVehicle = false;
	for (const item of shipment.items) {
		if (item.itar === true) itar = true;
		if (item.usedVehicle === true) usedVehicle = true;
	}
	let rule: DeadlineRule | undefined;
	if (itar) rule = rules.usml;
	else if (usedVehicle) rule = rules.usedVehicles;
	else {
		const from = areaOf(c, shipment.origin.country);
		const to = areaOf(c, shipment.destination.country);
		if ((from === 'US' && to === 'PR') || (from === 'PR' && to === 'US')) rule = rules.usPuertoRico;
		else if (mode !== null) rule = rules.byMode[mode];
	}
	if (!rule) {
		const other = rules.byMode.other;
		reasons.push({
			code: 'FILING_DEADLINE_UNKNOWN',
			citation: '15 CFR 30.4(b)(2)',
			message: 'No modeOfTransport given: the filing deadline depends on it (vessel 24 h, air 2 h, truck 1 h, rail 2 h, mail and other 2 h)',
			ruleId: other.id,
		});
		return null;
	}
	const deadline: FilingDeadline = { mode, hoursBefore: rule.hoursBefore, event: rule.event, citation: rule.citation };
	// fileBy only where departureTime is the deadline's event (not arrival at the port of unlading).
	if (shipment.departureTime !== undefined && rule.hoursBefore !== null && rule !== rules.usPuertoRico) {
		deadline.fileBy = new Date(Date.parse(shipment.departureTime) - rule.hoursBefore * 3_600_000).toISOString();
	}
	return deadline;
}

function notRequired(c: CompiledRuleSet, legend: string | null, reasons: EeiReason[]): EeiDetermination {
	return { required: false, legend, reasons, reportableLines: [], filingDeadline: null, ruleSet: c.summary };
}

function addMissingEccnAdvice(shipment: Shipment, dest: string, c: CompiledRuleSet, reasons: EeiReason[]): void {
	if (!c.missingEccnDestinations.has(dest)) return;
	let missing: number[] | undefined;
	for (let i = 0; i < shipment.items.length; i++) {
		if (shipment.items[i].eccn === undefined) (missing ??= []).push(i);
	}
	if (!missing) return;
	const advice = c.ruleSet.advisories.missingEccn;
	reasons.push(
		reason(
			advice,
			`No ECCN given for ${dest}: taken as EAR99; an item on the Commerce Control List would need EEI regardless of value`,
			missing,
		),
	);
}

/**
 * Whether EEI must be filed for a validated shipment, why (each reason cited), which lines are
 * reported, the exemption legend when not, and the filing deadline.
 */
export function determineEeiRequirement(shipment: Shipment, ruleSet: RuleSet = CURRENT_RULE_SET): EeiDetermination {
	const c = compileRuleSet(ruleSet);
	const reasons: EeiReason[] = [];

	const scope = decideScope(shipment, c);
	reasons.push(scope.reason);
	if (!scope.inScope) return notRequired(c, null, reasons);

	// The country of ultimate destination: the third country when moving through Canada.
	const dest = shipment.throughCanadaTo ?? shipment.destination.country;
	const claim = resolveClaim(shipment, c);
	const canada = c.ruleSet.canada;
	const towardsCanada =
		c.canadaOriginAreas.has(areaOf(c, shipment.origin.country)) && shipment.destination.country === canada.destinationCountry;
	addMissingEccnAdvice(shipment, dest, c, reasons);

	let hits = findAlwaysFileCases(shipment, dest, c);
	if (claim !== undefined && hits.length > 0 && claimApplies(claim, dest, c) && !needsAnyLicense(shipment)) {
		const lifted = hits.filter((h) => h.rule.liftedByClaims?.includes(claim.claim));
		if (lifted.length > 0) {
			hits = hits.filter((h) => !lifted.includes(h));
			for (const h of lifted) {
				reasons.push(
					reason(claim, `${h.rule.citation} (${h.rule.label}) is lifted by the exemption claimed`, undefined, 'ALWAYS_FILE_LIFTED_BY_CLAIM'),
				);
			}
		}
	}

	const groups = groupLines(shipment, c);

	if (hits.length > 0) {
		for (const h of hits) {
			reasons.push(reason(h.rule, `EEI required regardless of value: ${h.rule.label}`, h.items));
			for (const g of groups) {
				if (h.items === undefined || g.items.some((i) => (h.items as number[]).includes(i))) g.basis.push(h.rule.code);
			}
		}
		if (towardsCanada) {
			const seen = new Set<string>();
			for (const h of hits) {
				if (seen.has(h.rule.canadaException)) continue;
				seen.add(h.rule.canadaException);
				reasons.push(
					reason(h.rule, `The Canada exemption does not apply: ${h.rule.label}`, h.items, 'CANADA_EXCEPTION', h.rule.canadaException),
				);
			}
		}
		if (claim !== undefined) {
			reasons.push(
				reason(
					claim,
					`The exemption claimed (${claim.claim}, ${claim.label}) cannot apply: EEI is required regardless of exemptions`,
					undefined,
					'EXEMPTION_CLAIM_OVERRIDDEN',
					'15 CFR 30.2(a)(1)(iv)',
				),
			);
		}
		applyValueTest(groups, c, reasons);
		return {
			required: true,
			legend: null,
			reasons,
			reportableLines: toReportableLines(groups),
			filingDeadline: deadlineFor(shipment, c, reasons),
			ruleSet: c.summary,
		};
	}

	if (claim !== undefined) {
		if (claimApplies(claim, dest, c)) {
			reasons.push(reason(claim, `Exempt as claimed: ${claim.label}`));
			return notRequired(c, claim.legend, reasons);
		}
		reasons.push(
			reason(
				claim,
				`The exemption claimed (${claim.claim}) applies only to destinations in ${(claim.requiresDestinationGroups ?? []).join(', ')}; not to ${dest}`,
				undefined,
				'EXEMPTION_CLAIM_NOT_APPLICABLE',
			),
		);
	}

	if (towardsCanada) {
		if (shipment.canadaStorageForReexport) {
			const r = canada.storageException;
			reasons.push(reason(r, 'The Canada exemption does not apply: sent for storage in Canada, destined for third countries'));
		} else if (shipment.throughCanadaTo !== undefined) {
			const r = canada.throughCanadaException;
			reasons.push(reason(r, `The Canada exemption does not apply: moving through Canada to ${shipment.throughCanadaTo}`));
		} else {
			reasons.push(reason(canada, 'Shipment from the United States whose country of ultimate destination is Canada'));
			return notRequired(c, canada.legend, reasons);
		}
	}

	applyValueTest(groups, c, reasons);
	const reportableLines = toReportableLines(groups);
	if (reportableLines.length === 0) return notRequired(c, c.ruleSet.valueTest.legend, reasons);
	return {
		required: true,
		legend: null,
		reasons,
		reportableLines,
		filingDeadline: deadlineFor(shipment, c, reasons),
		ruleSet: c.summary,
	};
}

/** Validates unknown input (throws InputValidationError with field paths), then determines. */
export function determineEeiRequirementFromInput(input: unknown, ruleSet: RuleSet = CURRENT_RULE_SET): EeiDetermination {
	return determineEeiRequirement(parseShipment(input), ruleSet);
}
