/** Every dated, cited record of a rule set, nested ones included: for checks and the coverage table. */
import type { RuleRecord, RuleSet } from './types';

export function ruleRecords(ruleSet: RuleSet): RuleRecord[] {
	const records: RuleRecord[] = [ruleSet.coverage, ruleSet.areas, ...ruleSet.scopeExclusions];
	for (const row of ruleSet.scopeTable) {
		records.push(row);
		if (row.unsettled) records.push(row.unsettled);
	}
	records.push(ruleSet.scopeUnlisted, ...ruleSet.countryGroups, ...ruleSet.alwaysFile);
	records.push(ruleSet.canada, ruleSet.canada.storageException, ruleSet.canada.throughCanadaException, ruleSet.origin, ruleSet.valueTest);
	for (const exclusion of ruleSet.valueTestExclusions) {
		records.push(exclusion);
		if (exclusion.againstCanada) records.push(exclusion.againstCanada);
	}
	records.push(...ruleSet.claimableExemptions, ...Object.values(ruleSet.claimOutcomes), ...ruleSet.licenseExceptionExemptions);
	records.push(...ruleSet.reservedExemptions, ...ruleSet.computedExemptions);
	const d = ruleSet.deadlines;
	records.push(...Object.values(d.byMode), d.usedVehicles, d.usPuertoRico, d.usml, d.unknownMode);
	records.push(ruleSet.advisories.missingEccn);
	return records;
}
