/**
 * The code tables, each with its source, date and authority (README "Code tables"). Lookups
 * are Set or Map reads; the tables are built once when the module loads and never change.
 */
import { COUNTRY_CODES } from '../shipment/countries';
import { EXPORT_INFORMATION_CODES, EXPORT_INFORMATION_CODES_AS_OF } from './data/exportInformationCodes';
import { HS_AS_OF, HS_SUBHEADINGS_BY_CHAPTER } from './data/hsSubheadings';
import { LICENSE_CODE_FORM, LICENSE_CODES, LICENSE_CODES_AS_OF, LICENSE_EXEMPTION_CODES, WITHDRAWN_LICENSE_CODES } from './data/licenseCodes';
import { PORT_ROWS, PORTS_AS_OF } from './data/ports';
import { UNITS_AS_OF, UNITS_OF_MEASURE } from './data/units';
import type { CodeTable, CodeTableId, PortKind } from './types';

const PORTS = new Map(PORT_ROWS.map(([code, name, kind]) => [code, { name, kind }]));

const HS_SUBHEADINGS: ReadonlySet<string> = new Set(
	HS_SUBHEADINGS_BY_CHAPTER.flatMap((line) => {
		const [chapter, rest] = line.split(':');
		return rest.split(' ').map((tail) => chapter + tail);
	}),
);

/** Units are compared in upper case without dots and spaces: "doz." is DOZ. */
export function normaliseUnit(unit: string): string {
	return unit.replace(/[\s.]/g, '').toUpperCase();
}

/**
 * Why a license code surely does not exist, though the table of license codes may be incomplete:
 * it is not of Appendix F's form, or AES has withdrawn it. Undefined when it may exist.
 */
export function impossibleLicenseCode(code: string): string | undefined {
	if (!LICENSE_CODE_FORM.test(code)) return 'is not a license code: AESTIR Appendix F codes are an agency letter and two digits (e.g. C33)';
	if (Object.hasOwn(WITHDRAWN_LICENSE_CODES, code)) return `is withdrawn from AES: ${WITHDRAWN_LICENSE_CODES[code]}`;
	return undefined;
}

function fromRecord(record: Readonly<Record<string, string>>) {
	return { has: (code: string) => Object.hasOwn(record, code), nameOf: (code: string) => (Object.hasOwn(record, code) ? record[code] : undefined) };
}

export const CODE_TABLES: Readonly<Record<CodeTableId, CodeTable>> = {
	portsOfExport: {
		id: 'portsOfExport',
		title: 'Schedule D ports of export (ACE AESTIR Appendix D)',
		source: 'usa-port-codes.php of HarshilKhimasia/Interport-Global-Logistics-Website (a copy of Schedule D)',
		asOf: PORTS_AS_OF,
		authoritative: true,
		has: (code) => PORTS.has(code),
		nameOf: (code) => PORTS.get(code)?.name,
	},
	exportInformationCodes: {
		id: 'exportInformationCodes',
		title: 'export information codes (ACE AESTIR Appendix E)',
		source: 'UPS shipping integration and mimirb2b.com copies of the AES code list',
		asOf: EXPORT_INFORMATION_CODES_AS_OF,
		authoritative: true,
		...fromRecord(EXPORT_INFORMATION_CODES),
	},
	licenseCodes: {
		id: 'licenseCodes',
		title: 'license codes (ACE AESTIR Appendix F)',
		source: 'codes named by 15 CFR 758.1(g), AESTIR summaries of changes and Census bulletins',
		asOf: LICENSE_CODES_AS_OF,
		authoritative: false,
		...fromRecord(LICENSE_CODES),
	},
	licenseExemptionCodes: {
		id: 'licenseExemptionCodes',
		title: 'license exemption codes (NLR and the EAR license exception symbols, 15 CFR part 740)',
		source: '15 CFR 758.1(g) and the section headings of 15 CFR part 740',
		asOf: LICENSE_CODES_AS_OF,
		authoritative: false,
		...fromRecord(LICENSE_EXEMPTION_CODES),
	},
	countries: {
		id: 'countries',
		title: 'AES country codes (ISO 3166-1 alpha-2)',
		source: 'ISO 3166 Maintenance Agency list (src/shipment/countries.ts)',
		asOf: '2024-01-01',
		authoritative: true,
		has: (code) => COUNTRY_CODES.has(code),
	},
	unitsOfMeasure: {
		id: 'unitsOfMeasure',
		title: 'Schedule B units of measure',
		source: 'Shipium scheduleBUnitOfMeasurement (seed 003) as Census abbreviations, and the EasyPost examples (seed 001)',
		asOf: UNITS_AS_OF,
		authoritative: false,
		...fromRecord(UNITS_OF_MEASURE),
	},
	hsSubheadings: {
		id: 'hsSubheadings',
		title: '6-digit HS 2022 subheadings',
		source: 'app/data/product_list.py of cheetah1197/finance (the 6-digit codes of the US HTS)',
		asOf: HS_AS_OF,
		authoritative: true,
		has: (code) => HS_SUBHEADINGS.has(code),
	},
};

/** The kind of a port of export where its Schedule D name tells it. */
export function portKind(code: string): PortKind | undefined {
	return PORTS.get(code)?.kind;
}
