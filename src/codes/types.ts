/** The code tables an EEI filing is checked against before it is sent (README "Code tables"). */
export type CodeTableId =
	| 'portsOfExport'
	| 'exportInformationCodes'
	| 'licenseCodes'
	| 'licenseExemptionCodes'
	| 'countries'
	| 'unitsOfMeasure'
	| 'hsSubheadings';

/** What the name of a port in Schedule D says it is; no kind means not known. */
export type PortKind = 'airport' | 'courier' | 'mail';

export type PortRow = readonly [code: string, name: string, kind?: PortKind];

export interface CodeTable {
	id: CodeTableId;
	/** What a specialist calls it, e.g. "Schedule D ports of export (AESTIR Appendix D)". */
	title: string;
	/** Where the codes come from, findable in the README. */
	source: string;
	/** The day the table was read from its source (YYYY-MM-DD). */
	asOf: string;
	/**
	 * Authoritative: a code missing from it does not exist, so a filing carrying it is refused
	 * before sending. Otherwise the table may be incomplete and a miss is only a warning.
	 */
	authoritative: boolean;
	has(code: string): boolean;
	/** The name or meaning of a code, where the table gives one. */
	nameOf?(code: string): string | undefined;
}

/** One code that is not in its table (or does not fit the shipment), as the outputs show it. */
export interface CodeProblem {
	/** The field path, e.g. `Delivery.International.PortOfExportCode`. */
	field: string;
	value: string;
	table: CodeTableId;
	message: string;
}

export interface CodeCheckResult {
	/** Problems that stop a filing: nothing is sent while there is one. */
	errors: CodeProblem[];
	/** Problems that may be right (possibly incomplete table, or a code accepted on purpose). */
	warnings: CodeProblem[];
}
