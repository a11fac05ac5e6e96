/**
 * Turns a RuleSet (plain data) into lookup sets, compiled patterns and predicates, once per
 * rule set: the engine allocates no rule tables per determination.
 */
import type { Shipment, ShipmentItem } from '../shipment/model';
import type {
	AlwaysFileRule,
	Area,
	ClaimableExemption,
	LicenseExceptionExemption,
	LicensingAgency,
	RuleSet,
	ScopeExclusion,
	ValueTestExclusion,
} from './rules/types';
import type { RuleSetSummary } from './types';

export type LinePredicate = (item: ShipmentItem, ultimateDestination: string) => boolean;

export interface CompiledLineRule {
	rule: AlwaysFileRule;
	test: LinePredicate;
}

export interface CompiledShipmentRule {
	rule: AlwaysFileRule;
	test: (shipment: Shipment, ultimateDestination: string) => boolean;
}

export interface CompiledRuleSet {
	ruleSet: RuleSet;
	summary: RuleSetSummary;
	areaByCountry: ReadonlyMap<string, Area>;
	exclusions: Readonly<Record<ScopeExclusion['kind'], ScopeExclusion>>;
	groups: ReadonlyMap<string, ReadonlySet<string>>;
	lineRules: readonly CompiledLineRule[];
	shipmentRules: readonly CompiledShipmentRule[];
	domesticOrigins: ReadonlySet<string>;
	thresholdCents: number;
	valueExclusions: readonly ValueTestExclusion[];
	claims: ReadonlyMap<string, ClaimableExemption>;
	notClaimable: ReadonlyMap<string, string>;
	canadaOriginAreas: ReadonlySet<Area>;
	missingEccnDestinations: ReadonlySet<string>;
	/** Areas the Guantanamo Bay exclusion reaches (30.2(d)(4)). */
	guantanamoAreas: ReadonlySet<Area>;
	/** License exception symbol -> the exemption applied from it (30.37(x) for BAG). */
	exemptionByLicenseException: ReadonlyMap<string, LicenseExceptionExemption>;
}

const cache = new WeakMap<RuleSet, CompiledRuleSet>();

/** The agency whose license a line needs, if any: `licenseType`, else DDTC for ITAR lines, else BIS. */
export function licenseAgency(item: ShipmentItem): LicensingAgency | undefined {
	if (!item.licenseRequired) return undefined;
	return item.licenseType ?? (item.itar ? 'DDTC' : 'BIS');
}

function otherAgency(item: ShipmentItem): LicensingAgency | undefined {
	const other = item.otherAgencyLicense;
	if (other === undefined || other === false) return undefined;
	if (other === true) return 'OTHER';
	const upper = other.toUpperCase();
	return upper === 'DEA' || upper === 'NRC' ? upper : 'OTHER';
}

function matchesAny(patterns: readonly RegExp[], text: string): boolean {
	for (const pattern of patterns) if (pattern.test(text)) return true;
	return false;
}

function groupSet(groups: ReadonlyMap<string, ReadonlySet<string>>, names: readonly string[], ruleId: string): ReadonlySet<string> {
	const out = new Set<string>();
	for (const name of names) {
		const members = groups.get(name);
		if (!members) throw new Error(`Rule ${ruleId} names unknown country group ${name}`);
		for (const c of members) out.add(c);
	}
	return out;
}

function compileLinePredicate(rule: AlwaysFileRule, groups: ReadonlyMap<string, ReadonlySet<string>>): LinePredicate | undefined {
	const c = rule.condition;
	switch (c.kind) {
		case 'license': {
			const agencies = new Set<LicensingAgency>(c.agencies);
			return (item) => {
				const licensed = licenseAgency(item);
				if (licensed !== undefined && agencies.has(licensed)) return true;
				const other = otherAgency(item);
				return other !== undefined && agencies.has(other);
			};
		}
		case 'itar':
			return c.licensed
				? (item) => licenseAgency(item) === 'DDTC'
				: (item) => item.itar === true && licenseAgency(item) !== 'DDTC';
		case 'eccn': {
			const patterns = c.patterns.map((p) => new RegExp(p));
			const except = new Set(c.exceptLicenseExceptions ?? []);
			return (item) =>
				item.eccn !== undefined &&
				!(item.licenseException !== undefined && except.has(item.licenseException)) &&
				matchesAny(patterns, item.eccn);
		}
		case 'eccnToGroup': {
			const patterns = c.patterns.map((p) => new RegExp(p));
			const members = groupSet(groups, c.groups, rule.id);
			return (item, dest) => item.eccn !== undefined && members.has(dest) && matchesAny(patterns, item.eccn);
		}
		case 'cclToGroup': {
			const members = groupSet(groups, c.groups, rule.id);
			return (item, dest) => item.eccn !== undefined && item.eccn !== 'EAR99' && members.has(dest);
		}
		case 'licenseException': {
			const codes = new Set(c.codes);
			return (item) => item.licenseException !== undefined && codes.has(item.licenseException);
		}
		case 'commodityPrefix': {
			const prefixes = c.prefixes;
			return (item) => {
				for (const prefix of prefixes) if (item.commodityCode.startsWith(prefix)) return true;
				return false;
			};
		}
		case 'itemFlag': {
			const flag = c.flag;
			return (item) => item[flag] === true;
		}
		default:
			return undefined;
	}
}

function compileShipmentPredicate(
	rule: AlwaysFileRule,
	groups: ReadonlyMap<string, ReadonlySet<string>>,
): CompiledShipmentRule['test'] | undefined {
	const c = rule.condition;
	if (c.kind === 'destinationGroup') {
		const members = groupSet(groups, c.groups, rule.id);
		return (_shipment, dest) => members.has(dest);
	}
	if (c.kind === 'shipmentFlag') {
		const flag = c.flag;
		return (shipment) => shipment[flag] === true;
	}
	return undefined;
}

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
	const cached = cache.get(ruleSet);
	if (cached) return cached;

	const areaByCountry = new Map<string, Area>();
	for (const [area, countries] of Object.entries(ruleSet.areas.countries) as Array<[Area, readonly string[]]>) {
		for (const country of countries) areaByCountry.set(country, area);
	}

	const groups = new Map<string, ReadonlySet<string>>();
	for (const g of ruleSet.countryGroups) groups.set(g.name, new Set(g.countries));

	const lineRules: CompiledLineRule[] = [];
	const shipmentRules: CompiledShipmentRule[] = [];
	for (const rule of ruleSet.alwaysFile) {
		const shipmentTest = compileShipmentPredicate(rule, groups);
		if (shipmentTest) {
			shipmentRules.push({ rule, test: shipmentTest });
			continue;
		}
		const lineTest = compileLinePredicate(rule, groups);
		if (!lineTest) throw new Error(`Rule ${rule.id} has an unknown condition`);
		lineRules.push({ rule, test: lineTest });
	}

	const exclusions = {} as Record<ScopeExclusion['kind'], ScopeExclusion>;
	for (const e of ruleSet.scopeExclusions) exclusions[e.kind] = e;

	const notClaimable = new Map<string, string>();
	for (const r of ruleSet.reservedExemptions) notClaimable.set(r.claim, `${r.citation} is reserved: there is no such exemption`);
	for (const r of ruleSet.computedExemptions) {
		notClaimable.set(r.claim, `${r.citation} is decided from the shipment data, not claimed: leave exemption empty`);
	}

	const compiled: CompiledRuleSet = {
		ruleSet,
		summary: Object.freeze({ id: ruleSet.id, effectiveDate: ruleSet.effectiveDate }),
		areaByCountry,
		exclusions,
		groups,
		lineRules,
		shipmentRules,
		domesticOrigins: new Set(ruleSet.origin.domesticOriginCountries),
		thresholdCents: Math.round(ruleSet.valueTest.thresholdUsd * 100),
		valueExclusions: ruleSet.valueTestExclusions,
		claims: new Map(ruleSet.claimableExemptions.map((c) => [c.claim, c])),
		notClaimable,
		canadaOriginAreas: new Set(ruleSet.canada.originAreas),
		missingEccnDestinations: groupSet(groups, ruleSet.advisories.missingEccn.groups, ruleSet.advisories.missingEccn.id),
		guantanamoAreas: new Set(exclusions.guantanamo?.areas ?? []),
		exemptionByLicenseException: new Map(
			ruleSet.licenseExceptionExemptions.flatMap((e) => e.licenseExceptions.map((code) => [code, e] as const)),
		),
	};
	for (const claim of ruleSet.claimableExemptions) {
		for (const condition of claim.conditions) {
			if (condition.kind === 'destinationGroup') groupSet(groups, condition.groups, claim.id);
		}
	}
	cache.set(ruleSet, compiled);
	return compiled;
}
