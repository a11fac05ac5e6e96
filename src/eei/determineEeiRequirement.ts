/**
 * Decides whether Electronic Export Information must be filed for one shipment (15 CFR Part 30,
 * 15 CFR 758.1(b)). Pure: the same shipment, rule sets and date always give the same result.
 *
 * Order of decision:
 * 0. the rule set in force on the export date (default today), with a warning outside coverage;
 * 1. scope (30.2(a)(1), 30.2(d), 30.16(a)): out of scope -> not required, no legend;
 * 2. always-file cases (30.2(a)(1)(iv), 758.1(b)): required, no exemption can apply, unless a
 *    claim whose conditions all hold lifts every case found (30.37(y), GOV for 758.1(b)(10));
 * 3. an explicit exemption claim (30.37(b)-(y), 30.39, 30.40), honoured when its conditions hold;
 * 4. the Canada exemption (30.36), unless exception (b)(1)/(b)(2) applies or a vehicle is shipped;
 * 5. lines under a license exception with its own exemption (BAG, 30.37(x));
 * 6. the value test per 10-digit code and origin D/F (30.37(a)), vehicles never value-exempt.
 *
 * Which lines are reported when an always-file case applies: every line for a shipment-level
 * case (E:1/E:2 destination, Unverified List party: 758.1(b)(1), (b)(8) cover "all exports");
 * for a line-level case (license, ITAR, 600 series, ...), that line's code/origin group, while
 * the other groups keep the value exemption ("only those ... valued over $2,500 are required
 * to be reported", 15 CFR 30.37(a)).
 *
 * Every citation, code, rule id, hour and threshold comes from the rule set; this file holds
 * only the order of decision and the wording around the data.
 */
import { InputValidationError } from '../errors';
import { parseShipment, type Shipment, type ShipmentItem } from '../shipment/model';
import { centsToWholeDollars, lineValueCents, usdRate } from '../shipment/value';
import { compileRuleSet, type CompiledRuleSet } from './compile';
import type { ReasonCode } from './reasonCodes';
import { RULE_SETS, selectRuleSet } from './rules';
import type {
	AlwaysFileRule,
	Area,
	ClaimableExemption,
	DeadlineRule,
	LicenseExceptionExemption,
	ReasonRecord,
	RuleSet,
	ScopeRow,
	ValueTestExclusion,
} from './rules/types';
import type { EeiDetermination, EeiReason, FilingDeadline, ReportableLine } from './types';

/** How the rule set is chosen. */
export interface DetermineOptions {
	/** Apply exactly this rule set; the export date is still checked against its coverage. */
	ruleSet?: RuleSet;
	/** Choose, by export date, among these rule sets (default: every set the package ships). */
	ruleSets?: readonly RuleSet[];
	/** Today's date as `YYYY-MM-DD`: the export date when the shipment gives none (default: the UTC date now). */
	today?: () => string;
}

function utcToday(): string {
	return new Date().toISOString().slice(0, 10);
}

function make(ruleId: string, code: ReasonCode, citation: string, message: string, items?: number[], severity?: 'warning'): EeiReason {
	const r: EeiReason = { code, citation, message, ruleId };
	if (items !== undefined) r.items = items;
	if (severity !== undefined) r.severity = severity;
	return r;
}

/** A reason with the record's code, citation (unless given), id and severity. */
function reason(record: ReasonRecord, message: string, items?: number[], citation = record.citation): EeiReason {
	return make(record.id, record.code, citation, message, items, record.severity);
}

function usd(cents: number): string {
	return `$${(cents / 100).toFixed(2)}`;
}

function areaOf(c: CompiledRuleSet, country: string): Area {
	return c.areaByCountry.get(country) ?? 'FOREIGN';
}

interface Chosen {
	c: CompiledRuleSet;
	/** The warning when the export date lies outside the chosen set's coverage. */
	coverage?: EeiReason;
}

function chooseRuleSet(shipment: Shipment, options: DetermineOptions): Chosen {
	const today = options.today ?? utcToday;
	const exportDate = shipment.exportDate ?? today();
	const dateSource = shipment.exportDate === undefined ? 'today' : 'the export date';
	let ruleSet: RuleSet;
	let outside: 'before' | 'after' | undefined;
	if (options.ruleSet !== undefined) {
		ruleSet = options.ruleSet;
		if (exportDate < ruleSet.effectiveDate) outside = 'before';
		else if (exportDate > ruleSet.validThrough) outside = 'after';
	} else {
		({ ruleSet, outside } = selectRuleSet(exportDate, options.ruleSets ?? RULE_SETS));
	}
	const c = compileRuleSet(ruleSet);
	if (outside === undefined) return { c };
	const record = ruleSet.coverage;
	const message =
		outside === 'before'
			? `${exportDate} (${dateSource}) is before ${ruleSet.effectiveDate}, the start of rule set ${ruleSet.id}, the earliest available: the rules in force on that date are not modelled, and this determination applies ${ruleSet.id}`
			: `${exportDate} (${dateSource}) is after ${ruleSet.validThrough}, the last date rule set ${ruleSet.id} (reviewed ${ruleSet.reviewedOn}) is vouched for: amendments since then are not reflected, and this determination applies ${ruleSet.id}`;
	return { c, coverage: reason(record, message) };
}

interface ScopeDecision {
	inScope: boolean;
	reason: EeiReason;
	row?: ScopeRow;
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
		(shipment.destination.guantanamoBay === true && c.guantanamoAreas.has(from)) ||
		(shipment.origin.guantanamoBay === true && c.guantanamoAreas.has(to));
	if (guantanamo && exclusions.guantanamo) {
		return { inScope: false, reason: reason(exclusions.guantanamo, exclusions.guantanamo.description) };
	}
	if (shipment.ultimateDestinationUS && exclusions.ultimateDestinationUS) {
		return { inScope: false, reason: reason(exclusions.ultimateDestinationUS, exclusions.ultimateDestinationUS.description) };
	}
	const route = `${shipment.origin.country} to ${shipment.destination.country}`;
	for (const row of c.ruleSet.scopeTable) {
		if (!row.from.includes(from)) continue;
		if (row.to.includes(to) || (from === to && row.to.includes('SAME'))) {
			return { inScope: row.inScope, reason: reason(row, `${row.description} (${route})`), row };
		}
	}
	// No row matched: the table does not list the movement, so Part 30 does not reach it.
	const unlisted = c.ruleSet.scopeUnlisted;
	return { inScope: false, reason: reason(unlisted, `${route} is not a movement listed in ${unlisted.citation}`) };
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

interface ClaimCheck {
	/** The destination condition fails (e.g. a 30.37(y) claim outside E:1/E:2). */
	wrongDestination?: string;
	/** Conditions the data contradicts, each with what contradicts it. */
	failed: string[];
	/** Conditions the data cannot show. */
	unverified: string[];
}

function checkClaim(claim: ClaimableExemption, shipment: Shipment, dest: string, c: CompiledRuleSet): ClaimCheck {
	const check: ClaimCheck = { failed: [], unverified: [...claim.unverifiable] };
	const items = shipment.items;
	for (const condition of claim.conditions) {
		switch (condition.kind) {
			case 'destinationGroup': {
				if (!condition.groups.some((name) => c.groups.get(name)?.has(dest))) {
					check.wrongDestination = `${condition.text} (${condition.groups.join(', ')}); not ${dest}`;
				}
				break;
			}
			case 'valuePerCodeAtMost': {
				const rate = usdRate(shipment);
				const byCode = new Map<string, number>();
				for (const item of items) byCode.set(item.commodityCode, (byCode.get(item.commodityCode) ?? 0) + lineValueCents(item, rate));
				const limit = Math.round(condition.usd * 100);
				for (const [code, cents] of byCode) {
					if (cents > limit) check.failed.push(`${condition.text}: ${code} totals ${usd(cents)}`);
				}
				break;
			}
			case 'licenseExceptions': {
				const other: number[] = [];
				const none: number[] = [];
				items.forEach((item, i) => {
					if (item.licenseException === undefined) none.push(i);
					else if (!condition.codes.includes(item.licenseException)) other.push(i);
				});
				if (other.length > 0) check.failed.push(`${condition.text}: items ${other.join(', ')} are under another license exception`);
				else if (none.length > 0) check.unverified.push(`${condition.text} (items ${none.join(', ')} name no license exception)`);
				break;
			}
			case 'noLineFlagged': {
				const flagged: number[] = [];
				const unknown: number[] = [];
				items.forEach((item, i) => {
					const value = lineFlag(item, condition.flag);
					if (value === true) flagged.push(i);
					else if (value === undefined && condition.unverifiedWhenAbsent) unknown.push(i);
				});
				if (flagged.length > 0) check.failed.push(`${condition.text}: items ${flagged.join(', ')} are ${condition.flag}`);
				else if (unknown.length > 0) check.unverified.push(`${condition.text} (items ${unknown.join(', ')} do not state ${condition.flag})`);
				break;
			}
		}
	}
	return check;
}

function lineFlag(item: ShipmentItem, flag: 'massMarketSoftware' | 'licenseRequired' | 'itar'): boolean | undefined {
	return item[flag];
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

interface Group {
	commodityCode: string;
	originIndicator: 'D' | 'F';
	cents: number;
	items: number[];
	basis: ReasonCode[];
	/** The value-test exclusion (vehicles) a line of the group falls under, if any. */
	exclusion?: ValueTestExclusion;
}

/** Groups by code and origin D/F, leaving out the lines in `skip` (exempt by their license exception). */
function groupLines(shipment: Shipment, c: CompiledRuleSet, skip: ReadonlySet<number>): Group[] {
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
		if (skip.size > 0 && skip.has(i)) continue;
		const item = items[i];
		const originIndicator = c.domesticOrigins.has(item.originCountry) ? 'D' : 'F';
		const byCode = !many ? undefined : split && originIndicator === 'F' ? (foreign ??= new Map()) : (domestic ??= new Map());
		let group = byCode?.get(item.commodityCode);
		if (!group) {
			group = { commodityCode: item.commodityCode, originIndicator, cents: 0, items: [], basis: [] };
			byCode?.set(item.commodityCode, group);
			groups.push(group);
		}
		group.cents += lineValueCents(item, rate);
		group.items.push(i);
		if (group.exclusion === undefined) {
			for (const exclusion of c.valueExclusions) {
				if (item[exclusion.flag] === true) {
					group.exclusion = exclusion;
					break;
				}
			}
		}
	}
	return groups;
}

function groupLabel(g: Group): string {
	return `${g.commodityCode} (${g.originIndicator})`;
}

/** Applies 30.37(a) to the groups not already reportable, adding its reasons. */
function applyValueTest(groups: Group[], c: CompiledRuleSet, reasons: EeiReason[]): void {
	const rule = c.ruleSet.valueTest;
	const threshold = usd(c.thresholdCents);
	let exemptItems: number[] | undefined;
	let exemptLabels: string[] | undefined;
	for (const g of groups) {
		if (g.basis.length > 0) continue;
		if (g.exclusion !== undefined) {
			g.basis.push(g.exclusion.code);
			reasons.push(reason(g.exclusion, `Commodity ${groupLabel(g)} contains a vehicle: ${g.exclusion.label}`, g.items));
		} else if (g.cents > c.thresholdCents) {
			g.basis.push(rule.overCode);
			reasons.push(make(rule.id, rule.overCode, rule.citation, `Commodity ${groupLabel(g)} totals ${usd(g.cents)}, over ${threshold}`, g.items));
		} else {
			(exemptItems ??= []).push(...g.items);
			(exemptLabels ??= []).push(`${groupLabel(g)} ${usd(g.cents)}`);
		}
	}
	if (exemptItems !== undefined && exemptLabels !== undefined) {
		reasons.push(
			make(
				rule.id,
				rule.atOrUnderCode,
				rule.citation,
				`Value exemption: ${exemptLabels.join(', ')} at or under ${threshold} per commodity code and origin`,
				exemptItems.sort((a, b) => a - b),
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
		if (rules.usPuertoRico.between.some(([f, t]) => f === from && t === to)) rule = rules.usPuertoRico;
		else if (mode !== null) rule = rules.byMode[mode];
	}
	if (!rule) {
		const byMode = Object.entries(rules.byMode)
			.map(([m, r]) => `${m} ${r.hoursBefore === null ? 'see ' + r.citation : `${r.hoursBefore} h`} before ${r.event}`)
			.join('; ');
		reasons.push(reason(rules.unknownMode, `No modeOfTransport given: the filing deadline depends on it (${byMode})`));
		return null;
	}
	const deadline: FilingDeadline = { mode, hoursBefore: rule.hoursBefore, event: rule.event, citation: rule.citation, ruleId: rule.id };
	if (shipment.departureTime !== undefined && rule.hoursBefore !== null && rule.eventIsDepartureTime) {
		deadline.fileBy = new Date(Date.parse(shipment.departureTime) - rule.hoursBefore * 3_600_000).toISOString();
	}
	return deadline;
}

function addMissingEccnAdvice(shipment: Shipment, dest: string, c: CompiledRuleSet, reasons: EeiReason[]): void {
	if (!c.missingEccnDestinations.has(dest)) return;
	let missing: number[] | undefined;
	for (let i = 0; i < shipment.items.length; i++) {
		if (shipment.items[i].eccn === undefined) (missing ??= []).push(i);
	}
	if (!missing) return;
	reasons.push(
		reason(
			c.ruleSet.advisories.missingEccn,
			`No ECCN given for ${dest}: taken as EAR99; an item on the Commerce Control List would need EEI regardless of value`,
			missing,
		),
	);
}

/** Lines exempt by their license exception (30.37(x) for BAG), leaving out lines of an always-file case. */
function licenseExceptionExempt(
	shipment: Shipment,
	c: CompiledRuleSet,
	hits: readonly Hit[],
	reasons: EeiReason[],
): { skip: Set<number>; exemption?: LicenseExceptionExemption } {
	const skip = new Set<number>();
	if (c.exemptionByLicenseException.size === 0 || hits.some((h) => h.items === undefined)) return { skip };
	const hitItems = new Set<number>();
	for (const h of hits) for (const i of h.items ?? []) hitItems.add(i);
	const byExemption = new Map<LicenseExceptionExemption, number[]>();
	shipment.items.forEach((item, i) => {
		const exemption = item.licenseException === undefined ? undefined : c.exemptionByLicenseException.get(item.licenseException);
		if (exemption === undefined || hitItems.has(i)) return;
		skip.add(i);
		const list = byExemption.get(exemption) ?? [];
		list.push(i);
		byExemption.set(exemption, list);
	});
	let first: LicenseExceptionExemption | undefined;
	for (const [exemption, items] of byExemption) {
		first ??= exemption;
		reasons.push(reason(exemption, `Exempt without a claim: ${exemption.label}`, items));
	}
	return { skip, exemption: first };
}

function notRequired(c: CompiledRuleSet, legend: string | null, reasons: EeiReason[]): EeiDetermination {
	return { required: false, legend, reasons, reportableLines: [], filingDeadline: null, ruleSet: c.summary };
}

function withCoverage(result: EeiDetermination, coverage: EeiReason | undefined): EeiDetermination {
	if (coverage !== undefined) result.reasons.push(coverage);
	return result;
}

function isRuleSet(value: RuleSet | DetermineOptions): value is RuleSet {
	return 'alwaysFile' in value;
}

/**
 * Whether EEI must be filed for a validated shipment, why (each reason cited), which lines are
 * reported, the exemption legend when not, and the filing deadline, under the rule set in force
 * on the shipment's export date (today when it gives none). A rule set given directly is applied
 * as is (its coverage still checked).
 */
export function determineEeiRequirement(shipment: Shipment, options: RuleSet | DetermineOptions = {}): EeiDetermination {
	const { c, coverage } = chooseRuleSet(shipment, isRuleSet(options) ? { ruleSet: options } : options);
	return withCoverage(decide(shipment, c), coverage);
}

function decide(shipment: Shipment, c: CompiledRuleSet): EeiDetermination {
	const reasons: EeiReason[] = [];

	const scope = decideScope(shipment, c);
	reasons.push(scope.reason);
	if (!scope.inScope) return notRequired(c, null, reasons);
	const unsettled = scope.row?.unsettled;
	if (unsettled !== undefined) reasons.push(reason(unsettled, unsettled.description));

	// The country of ultimate destination: the third country when moving through Canada.
	const dest = shipment.throughCanadaTo ?? shipment.destination.country;
	const claim = resolveClaim(shipment, c);
	const check = claim === undefined ? undefined : checkClaim(claim, shipment, dest, c);
	const claimHolds = check !== undefined && check.wrongDestination === undefined && check.failed.length === 0;
	const canada = c.ruleSet.canada;
	const outcomes = c.ruleSet.claimOutcomes;
	const towardsCanada =
		c.canadaOriginAreas.has(areaOf(c, shipment.origin.country)) && shipment.destination.country === canada.destinationCountry;
	addMissingEccnAdvice(shipment, dest, c, reasons);

	let hits = findAlwaysFileCases(shipment, dest, c);
	// A claim lifts the always-file cases only when it lifts every one of them (30.16(d): "and
	// does not require a license"; any license is itself an always-file case).
	if (claim !== undefined && claimHolds && hits.length > 0 && hits.every((h) => h.rule.liftedByClaims?.includes(claim.claim))) {
		for (const h of hits) {
			reasons.push(reason(outcomes.lifted, `${h.rule.citation} (${h.rule.label}) is lifted by the exemption claimed`, h.items, claim.citation));
		}
		hits = [];
	}

	if (hits.length > 0) {
		const { skip } = licenseExceptionExempt(shipment, c, hits, reasons);
		const groups = groupLines(shipment, c, skip);
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
					make(h.rule.id, canada.exceptionCode, h.rule.canadaException, `The Canada exemption does not apply: ${h.rule.label}`, h.items),
				);
			}
		}
		if (claim !== undefined) {
			reasons.push(
				reason(
					outcomes.overridden,
					`The exemption claimed (${claim.claim}, ${claim.label}) cannot apply: EEI is required regardless of exemptions`,
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

	if (claim !== undefined && check !== undefined) {
		if (check.wrongDestination !== undefined) {
			reasons.push(
				reason(outcomes.notApplicable, `The exemption claimed (${claim.claim}) applies only when ${check.wrongDestination}`, undefined, claim.citation),
			);
		} else if (check.failed.length > 0) {
			reasons.push(
				reason(
					outcomes.conditionNotMet,
					`The exemption claimed (${claim.claim}, ${claim.label}) does not apply: ${check.failed.join('; ')}`,
					undefined,
					claim.citation,
				),
			);
		} else {
			reasons.push(reason(claim, `Exempt as claimed: ${claim.label}`));
			if (check.unverified.length > 0) {
				reasons.push(
					reason(
						outcomes.unverified,
						`Honoured as claimed, but the data cannot show these conditions of ${claim.citation}: ${check.unverified.join('; ')}`,
						undefined,
						claim.citation,
					),
				);
			}
			return notRequired(c, claim.legend, reasons);
		}
	}

	if (towardsCanada) {
		if (shipment.canadaStorageForReexport) {
			const r = canada.storageException;
			reasons.push(reason(r, 'The Canada exemption does not apply: sent for storage in Canada, destined for third countries'));
		} else if (shipment.throughCanadaTo !== undefined) {
			const r = canada.throughCanadaException;
			reasons.push(reason(r, `The Canada exemption does not apply: moving through Canada to ${shipment.throughCanadaTo}`));
		} else if (!vehiclesAgainstCanada(shipment, c, reasons)) {
			reasons.push(reason(canada, 'Shipment from the United States whose country of ultimate destination is Canada'));
			return notRequired(c, canada.legend, reasons);
		}
	}

	const { skip, exemption } = licenseExceptionExempt(shipment, c, hits, reasons);
	const groups = groupLines(shipment, c, skip);
	applyValueTest(groups, c, reasons);
	const reportableLines = toReportableLines(groups);
	if (reportableLines.length === 0) {
		return notRequired(c, groups.length === 0 && exemption !== undefined ? exemption.legend : c.ruleSet.valueTest.legend, reasons);
	}
	return {
		required: true,
		legend: null,
		reasons,
		reportableLines,
		filingDeadline: deadlineFor(shipment, c, reasons),
		ruleSet: c.summary,
	};
}

/**
 * Vehicles to Canada: 30.37(a) files them "regardless of value or country of destination"
 * while 30.36(b)(7) excepts only used vehicles; the data says which reading is taken.
 */
function vehiclesAgainstCanada(shipment: Shipment, c: CompiledRuleSet, reasons: EeiReason[]): boolean {
	let found = false;
	for (const exclusion of c.valueExclusions) {
		const against = exclusion.againstCanada;
		if (against === undefined) continue;
		const items: number[] = [];
		shipment.items.forEach((item, i) => {
			if (item[exclusion.flag] === true) items.push(i);
		});
		if (items.length === 0) continue;
		found = true;
		reasons.push(reason(against, `The Canada exemption is not taken: ${against.label}`, items));
	}
	return found;
}

/** Validates unknown input (throws InputValidationError with field paths), then determines. */
export function determineEeiRequirementFromInput(input: unknown, options: RuleSet | DetermineOptions = {}): EeiDetermination {
	return determineEeiRequirement(parseShipment(input), options);
}
