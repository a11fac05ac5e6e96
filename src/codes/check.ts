/**
 * Checks the codes of a filing against the dated code tables (tables.ts), for File EEI (both
 * filing methods) and Check EEI Requirement alike: one function decides, the callers only
 * choose which problems stop a filing. A code missing from an authoritative table is an error
 * (nothing is sent); from a possibly incomplete table, a warning; a code the user accepts on
 * purpose ("Accept Unlisted Codes") is always a warning, so that no miss passes silently.
 */
import { detectShipmentFormat } from '../adapters/detectFormat';
import { modeFromConveyanceCode } from '../adapters/easypostDelivery';
import { InputValidationError } from '../errors';
import type { Shipment } from '../shipment/model';
import { CODE_TABLES, impossibleLicenseCode, normaliseUnit, portKind } from './tables';
import type { CodeCheckResult, CodeProblem, CodeTableId } from './types';

export type CodeCheckMode = NonNullable<Shipment['modeOfTransport']>;

/** A code to check and where it was found. */
export interface CodeField {
	field: string;
	value: string;
	table: CodeTableId;
}

export interface CodeCheckOptions {
	/** The shipment's mode of transport: enables the port-of-export kind check. */
	modeOfTransport?: CodeCheckMode;
	/** Where the mode was read when it was not given, e.g. `ShippingOptions.ConveyanceCode "FX"`. */
	modeOfTransportSource?: string;
	/** Codes accepted on purpose though not in their table (or not fitting the mode): warnings, never errors. */
	acceptUnlisted?: readonly string[];
	/** Report every problem as a warning (Check EEI Requirement: nothing is sent there). */
	warnOnly?: boolean;
}

/** National provisions of the US tariff (chapters 98, 99) are not HS subheadings. */
const NATIONAL_CHAPTERS = new Set(['98', '99']);

const KIND_NAMES = { airport: 'an airport', courier: 'an express courier facility', mail: 'the mail port' } as const;

function normalised(table: CodeTableId, value: string): string {
	if (table === 'unitsOfMeasure') return normaliseUnit(value);
	if (table === 'hsSubheadings') return value.replace(/\D/g, '').slice(0, 6);
	return value.trim().toUpperCase();
}

function tableLabel(table: CodeTableId): string {
	const { title, asOf } = CODE_TABLES[table];
	return `${title}, table of ${asOf}`;
}

function hsLabel(head: string): string {
	return `${head.slice(0, 4)}.${head.slice(4)}`;
}

/** Why a code is not in its table, or undefined when it is. */
function missReason(table: CodeTableId, code: string, value: string): { message: string; nationalProvision?: boolean; certain?: boolean } | undefined {
	const info = CODE_TABLES[table];
	if (table === 'licenseCodes') {
		const impossible = impossibleLicenseCode(code);
		if (impossible) return { message: `"${value}" ${impossible}`, certain: true };
	}
	if (table === 'hsSubheadings') {
		if (code.length < 6) return undefined; // the 10-digit shape is checked with the request
		if (NATIONAL_CHAPTERS.has(code.slice(0, 2))) {
			return {
				message: `"${value}" is in chapter ${code.slice(0, 2)}, a US national provision outside the HS: its subheading is not checked`,
				nationalProvision: true,
			};
		}
		if (info.has(code)) return undefined;
		return { message: `"${value}": ${hsLabel(code)} is not a subheading of HS 2022 (${tableLabel(table)}); check the number for a typo` };
	}
	if (info.has(code)) return undefined;
	return { message: `"${value}" is not in the ${tableLabel(table)}` };
}

/** A port whose kind (from its Schedule D name) does not fit the mode of transport. */
function modeMismatch(code: string, mode: CodeCheckMode | undefined, source: string | undefined): string | undefined {
	const kind = portKind(code);
	if (kind === undefined || mode === undefined || mode === 'other') return undefined;
	const name = CODE_TABLES.portsOfExport.nameOf?.(code);
	const port = `port ${code}${name ? ` (${name})` : ''} is ${KIND_NAMES[kind]}`;
	const read = source ? ` (mode read from ${source})` : '';
	if (kind === 'mail' && mode !== 'mail') return `${port}: it is for mail exports, but the mode of transport is ${mode}${read}`;
	if (kind !== 'mail' && mode !== 'air') {
		return `${port}: it fits air shipments, not ${mode}${read} (seed 001: the port must fit the mode of transport)`;
	}
	return undefined;
}

/**
 * The mode of transport a Delivery implies when none is given (seed 001: a 2-3 character
 * ConveyanceCode is an IATA airline, air; 4 letters a SCAC, read as truck), with where it was read.
 */
export function aesDeliveryMode(delivery: Loose): { mode?: CodeCheckMode; source?: string } {
	const options = isRecord(delivery.ShippingOptions) ? delivery.ShippingOptions : {};
	const code = typeof options.ConveyanceCode === 'string' ? options.ConveyanceCode.trim() : undefined;
	const mode = modeFromConveyanceCode(code);
	return mode === undefined ? {} : { mode, source: `ShippingOptions.ConveyanceCode "${code}"` };
}

/** Checks each field against its table; see the file comment for what is an error. */
export function checkCodes(fields: readonly CodeField[], options: CodeCheckOptions = {}): CodeCheckResult {
	const accepted = new Set((options.acceptUnlisted ?? []).map((code) => code.trim().toUpperCase()).filter(Boolean));
	const isAccepted = (table: CodeTableId, value: string, code: string) =>
		accepted.has(value.trim().toUpperCase()) || accepted.has(code) || (table === 'unitsOfMeasure' && accepted.has(normaliseUnit(value)));
	const result: CodeCheckResult = { errors: [], warnings: [] };
	const report = (field: CodeField, message: string, stops: boolean) => {
		const problem: CodeProblem = { field: field.field, value: field.value, table: field.table, message };
		(stops ? result.errors : result.warnings).push(problem);
	};
	for (const field of fields) {
		if (field.value.trim() === '') continue;
		const code = normalised(field.table, field.value);
		const acceptedOnPurpose = isAccepted(field.table, field.value, code);
		const miss = missReason(field.table, code, field.value);
		if (miss) {
			const stops = (CODE_TABLES[field.table].authoritative || miss.certain === true) && !miss.nationalProvision && !acceptedOnPurpose && !options.warnOnly;
			const why = acceptedOnPurpose
				? '; accepted on purpose (Accept Unlisted Codes)'
				: miss.nationalProvision
					? ''
					: CODE_TABLES[field.table].authoritative || miss.certain
						? '; if the code is right and newer than the table, list it under Accept Unlisted Codes'
						: '; the table may be incomplete: check the code';
			report(field, `${miss.message}${why}`, stops);
			continue;
		}
		if (field.table === 'portsOfExport') {
			const mismatch = modeMismatch(code, options.modeOfTransport, options.modeOfTransportSource);
			if (mismatch) {
				const why = acceptedOnPurpose ? '; accepted on purpose (Accept Unlisted Codes)' : '';
				report(field, `${mismatch}${why}`, !acceptedOnPurpose && !options.warnOnly);
			}
		}
	}
	return result;
}

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function push(fields: CodeField[], field: string, value: unknown, table: CodeTableId): void {
	const text = textOf(value);
	if (text !== undefined) fields.push({ field, value: text, table });
}

/** License fields some Delivery items carry though seed 001 does not define them ("Licensed Shipment: todo"). */
const AES_LICENSE_FIELDS: ReadonlyArray<[string, CodeTableId]> = [
	['LicenseCode', 'licenseCodes'],
	['LicenseType', 'licenseCodes'],
	['LicenseExemptionCode', 'licenseExemptionCodes'],
	['LicenseException', 'licenseExemptionCodes'],
];

/** The coded fields of an EasyPost AES Delivery (seed 001), with their Delivery paths. */
export function aesDeliveryCodeFields(delivery: Loose): CodeField[] {
	const fields: CodeField[] = [];
	const international = isRecord(delivery.International) ? delivery.International : {};
	if (international.PortOfExportCode !== undefined) push(fields, 'Delivery.International.PortOfExportCode', international.PortOfExportCode, 'portsOfExport');
	else push(fields, 'Delivery.International.PortOfExport', international.PortOfExport, 'portsOfExport');
	for (const role of ['Shipper', 'ShipTo', 'SoldTo']) {
		const party = delivery[role];
		if (isRecord(party)) push(fields, `Delivery.${role}.Country`, party.Country, 'countries');
	}
	const items = Array.isArray(delivery.Items) ? delivery.Items : [];
	items.forEach((item, i) => {
		if (!isRecord(item)) return;
		const at = `Delivery.Items[${i}]`;
		push(fields, `${at}.HarmonizedCode`, item.HarmonizedCode, 'hsSubheadings');
		push(fields, `${at}.ExportInformationCode`, item.ExportInformationCode, 'exportInformationCodes');
		push(fields, `${at}.QuantityUnitOfMeasure`, item.QuantityUnitOfMeasure, 'unitsOfMeasure');
		for (const quantity of ['ReportingQuantity', 'SecondReportingQuantity']) {
			const given = item[quantity];
			if (isRecord(given)) push(fields, `${at}.${quantity}.Unit`, given.Unit, 'unitsOfMeasure');
		}
		if (isRecord(item.Producer)) push(fields, `${at}.Producer.Country`, item.Producer.Country, 'countries');
		for (const [name, table] of AES_LICENSE_FIELDS) push(fields, `${at}.${name}`, item[name], table);
	});
	return fields;
}

/** The coded fields of a Shipium label request's customs part (seed 003). */
export function shipiumCodeFields(labelRequest: unknown): CodeField[] {
	const fields: CodeField[] = [];
	const parameters = isRecord(labelRequest) ? labelRequest.shipmentParameters : undefined;
	const customs = isRecord(parameters) ? parameters.customsInfo : isRecord(labelRequest) && Array.isArray(labelRequest.customsItems) ? labelRequest : undefined;
	if (!isRecord(customs)) return fields;
	const base = isRecord(parameters) ? 'shipmentParameters.customsInfo' : 'customsInfo';
	const items = Array.isArray(customs.customsItems) ? customs.customsItems : [];
	items.forEach((item, i) => {
		if (!isRecord(item)) return;
		const at = `${base}.customsItems[${i}]`;
		push(fields, `${at}.harmonizedTariffNumber`, item.harmonizedTariffNumber, 'hsSubheadings');
		push(fields, `${at}.countryOfManufacture`, item.countryOfManufacture, 'countries');
		const eei = item.electronicExportCommodityInformation;
		if (!isRecord(eei)) return;
		const eeiAt = `${at}.electronicExportCommodityInformation`;
		push(fields, `${eeiAt}.exportInformationCode`, eei.exportInformationCode, 'exportInformationCodes');
		if (isRecord(eei.scheduleBInformation)) {
			push(fields, `${eeiAt}.scheduleBInformation.scheduleBNumber`, eei.scheduleBInformation.scheduleBNumber, 'hsSubheadings');
		}
		if (isRecord(eei.exportLicenseInformation)) {
			const license = eei.exportLicenseInformation;
			push(fields, `${eeiAt}.exportLicenseInformation.licenseType`, license.licenseType, 'licenseCodes');
			push(fields, `${eeiAt}.exportLicenseInformation.licenseExemptionCode`, license.licenseExemptionCode, 'licenseExemptionCodes');
		}
	});
	return fields;
}

/** The coded fields of a canonical shipment. */
export function shipmentCodeFields(shipment: Shipment): CodeField[] {
	const fields: CodeField[] = [];
	shipment.items.forEach((item, i) => {
		push(fields, `items[${i}].commodityCode`, item.commodityCode, 'hsSubheadings');
		push(fields, `items[${i}].licenseException`, item.licenseException, 'licenseExemptionCodes');
	});
	return fields;
}

/** A filing refused for its codes before anything was sent: each issue names the field, the value and the table. */
export function codeRefusal(problems: readonly CodeProblem[]): InputValidationError {
	return new InputValidationError(
		problems.map((problem) => ({ path: problem.field, message: problem.message })),
		'Refused before sending, codes not in the AES code tables (nothing was sent)',
	);
}

/**
 * The code problems of one Check EEI Requirement input, all as warnings: the input's own fields
 * when it is an EasyPost Delivery or a Shipium request or customsInfo (so paths point at the
 * user's document), else the canonical shipment's.
 */
export function codeWarningsForInput(input: unknown, shipment: Shipment, acceptUnlisted?: readonly string[]): CodeProblem[] {
	const format = detectShipmentFormat(input);
	const record = input as Loose;
	if (format === 'easypostDelivery') {
		const delivery = isRecord(record.Delivery) ? record.Delivery : record;
		return checkCodes(aesDeliveryCodeFields(delivery), { ...deliveryModeOptions(delivery, shipment.modeOfTransport), acceptUnlisted, warnOnly: true })
			.warnings;
	}
	const fields = format === 'shipiumLabelRequest' || format === 'shipiumCustomsInfo' ? shipiumCodeFields(input) : shipmentCodeFields(shipment);
	return checkCodes(fields, { modeOfTransport: shipment.modeOfTransport, acceptUnlisted, warnOnly: true }).warnings;
}

/** The mode for a Delivery's port check: the one given, else the one its ConveyanceCode implies. */
export function deliveryModeOptions(delivery: Loose, given: CodeCheckMode | undefined): Pick<CodeCheckOptions, 'modeOfTransport' | 'modeOfTransportSource'> {
	if (given !== undefined) return { modeOfTransport: given };
	const { mode, source } = aesDeliveryMode(delivery);
	return { modeOfTransport: mode, modeOfTransportSource: source };
}
