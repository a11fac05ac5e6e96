/**
 * Shipium label requests in which the CARRIER files the EEI (seed 003): the
 * `customsInfo.electronicExportInformation` block and, on every customs item,
 * `electronicExportCommodityInformation`. Both are checked completely before the label is
 * bought, with every problem named by its path. (When the EEI was filed elsewhere, the ITN goes
 * in `aesInternalTransactionNumber` instead: see itnHandOff.ts.)
 */
import { z } from 'zod';
import { InputValidationError, type FieldIssue } from '../errors';
import { zodFieldIssues } from '../fieldIssues';
import { normalizeEccn } from '../shipment/model';
import { isEccn } from '../shipment/normalize';

/** seed 003, ScheduleBInformation.scheduleBUnitOfMeasurement. */
export const SHIPIUM_SCHEDULE_B_UNITS = [
	'barrels',
	'carat',
	'content_kilogram',
	'square_centimeter',
	'content_ton',
	'curie',
	'clean_yield_kilogram',
	'dozen',
	'dozen_pieces',
	'dozen_pairs',
	'fiber_meter',
	'gross_container',
	'gram',
	'gross',
	'hundred',
	'kilogram',
	'cubic_kilometer',
	'kilogram_total_sugars',
	'liter',
	'meter',
	'square_meter',
	'cubic_meter',
	'millicurie',
	'number',
	'pieces',
	'proof_liter',
	'pack',
	'pairs',
	'running_bales',
	'square',
	'ton',
	'thousand',
	'no_quantity_required',
] as const;
export type ShipiumScheduleBUnit = (typeof SHIPIUM_SCHEDULE_B_UNITS)[number];

/** Two-letter postal codes of the states, DC, Puerto Rico and the U.S. Virgin Islands (15 CFR 30.6(a)(4)). */
export const US_STATE_CODES: ReadonlySet<string> = new Set(
	(
		'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR ' +
		'PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI'
	).split(' '),
);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO-8601 date or date-time whose calendar day exists. */
function isIsoDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = (field: string) =>
	z
		.string({ required_error: `${field} is required`, invalid_type_error: 'must be an ISO-8601 date as text' })
		.trim()
		.refine(isIsoDate, { message: 'must be an ISO-8601 date such as 2026-11-23 (or a date-time)' });

const requiredText = (field: string) =>
	z
		.string({ required_error: `${field} is required`, invalid_type_error: 'must be text' })
		.trim()
		.min(1, `${field} must not be empty`);

export const electronicExportInformationSchema = z
	.object(
		{
			exportDate: isoDate('exportDate'),
			pointOfOrigin: z
				.string({ required_error: 'pointOfOrigin is required', invalid_type_error: 'must be text' })
				.trim()
				.toUpperCase()
				.refine((state) => US_STATE_CODES.has(state), {
					message: 'must be the 2-letter US state the goods start from, e.g. "CO" (15 CFR 30.6(a)(4))',
				}),
		},
		{
			required_error: 'is required when the carrier files the EEI ({exportDate, pointOfOrigin})',
			invalid_type_error: 'must be an object',
		},
	)
	.passthrough();

const exportLicense = z
	.object({
		licenseNumber: requiredText('licenseNumber'),
		licenseLineValue: z
			.number({ required_error: 'licenseLineValue is required', invalid_type_error: 'must be a number' })
			.int('must be a whole number of dollars')
			.positive('must be greater than 0'),
		licenseExpiration: isoDate('licenseExpiration'),
	})
	.passthrough();

const exportLicenseInformation = z
	.object(
		{
			licenseType: z
				.string({ required_error: 'licenseType is required (e.g. "C33" for no license required)', invalid_type_error: 'must be text' })
				.trim()
				.toUpperCase()
				.refine((code) => /^[A-Z0-9]{3}$/.test(code), {
					message: 'must be a 3-character license code such as C33 (NLR) or C30 (BIS license)',
				}),
			licenseExemptionCode: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'must not be empty').optional(),
			exportLicense: exportLicense.optional(),
		},
		{ required_error: 'is required ({licenseType, licenseExemptionCode | exportLicense})' },
	)
	.passthrough()
	.superRefine((info, ctx) => {
		if (info.licenseExemptionCode === undefined && info.exportLicense === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['licenseExemptionCode'],
				message: 'give licenseExemptionCode (e.g. "NLR") or exportLicense {licenseNumber, licenseLineValue, licenseExpiration}',
			});
		}
	});

export const electronicExportCommodityInformationSchema = z
	.object(
		{
			exportType: z.enum(['domestic', 'foreign'], {
				required_error: 'exportType is required',
				invalid_type_error: 'must be "domestic" or "foreign" (15 CFR 30.6(a)(11))',
			}),
			exportInformationCode: z
				.string({ required_error: 'exportInformationCode is required (usually "OS")', invalid_type_error: 'must be text' })
				.trim()
				.toUpperCase()
				.refine((code) => /^[A-Z0-9]{2}$/.test(code), { message: 'must be a 2-character export information code' }),
			scheduleBInformation: z
				.object(
					{
						scheduleBNumber: z
							.string({ required_error: 'scheduleBNumber is required', invalid_type_error: 'must be text (a number would lose leading zeros)' })
							.transform((code) => code.replace(/[\s.\-/]/g, ''))
							.refine((code) => /^\d{10}$/.test(code), { message: 'must be a 10-digit Schedule B number' }),
						scheduleBQuantity: z
							.number({ required_error: 'scheduleBQuantity is required', invalid_type_error: 'must be a number' })
							.int('must be a whole number (15 CFR 30.6(a)(15): round fractions)')
							.nonnegative('must not be negative'),
						scheduleBUnitOfMeasurement: z.enum(SHIPIUM_SCHEDULE_B_UNITS, {
							required_error: 'scheduleBUnitOfMeasurement is required',
							invalid_type_error: 'must be a Shipium Schedule B unit',
						}),
					},
					{ required_error: 'is required ({scheduleBNumber, scheduleBQuantity, scheduleBUnitOfMeasurement})' },
				)
				.passthrough()
				.superRefine((info, ctx) => {
					if (info.scheduleBQuantity === 0 && info.scheduleBUnitOfMeasurement !== 'no_quantity_required') {
						ctx.addIssue({
							code: z.ZodIssueCode.custom,
							path: ['scheduleBQuantity'],
							message: 'must be at least 1 (0 only with unit no_quantity_required)',
						});
					}
				}),
			eccnNumber: z
				.string({ required_error: 'eccnNumber is required ("EAR99" when not on the CCL)', invalid_type_error: 'must be text' })
				.transform(normalizeEccn)
				.refine((eccn) => isEccn(eccn), { message: 'must be an ECCN in the form #A### (e.g. 5A992.c) or EAR99' }),
			exportLicenseInformation,
		},
		{ required_error: 'is required when the carrier files the EEI', invalid_type_error: 'must be an object' },
	)
	.passthrough();

export type ElectronicExportInformation = z.output<typeof electronicExportInformationSchema>;
export type ElectronicExportCommodityInformation = z.output<typeof electronicExportCommodityInformationSchema>;

/** A Shipium label request (only the customs part is modelled; the rest is passed through). */
export type ShipiumLabelRequest = Record<string, unknown> & {
	shipmentParameters?: Record<string, unknown> & { customsInfo?: Record<string, unknown> };
};

export const CUSTOMS_INFO_PATH = 'shipmentParameters.customsInfo';

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The request's customsInfo and its customsItems, or the issues that prevent reaching them. */
export function locateCustoms(
	labelRequest: unknown,
	issues: FieldIssue[],
): { customsInfo: Record<string, unknown>; items: unknown[] } | undefined {
	const parameters = isRecord(labelRequest) ? labelRequest.shipmentParameters : undefined;
	const customsInfo = isRecord(parameters) ? parameters.customsInfo : undefined;
	if (!isRecord(customsInfo)) {
		issues.push({ path: CUSTOMS_INFO_PATH, message: 'is required: the label request has no customsInfo' });
		return undefined;
	}
	const items = customsInfo.customsItems;
	if (!Array.isArray(items) || items.length === 0) {
		issues.push({ path: `${CUSTOMS_INFO_PATH}.customsItems`, message: 'at least one customs item is required' });
		return undefined;
	}
	return { customsInfo, items };
}

/**
 * Checks a label request for carrier-filed EEI and returns a normalised copy (Schedule B
 * number as 10 digits, ECCN and codes in their canonical case). Throws InputValidationError
 * naming every path, e.g. `shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation.eccnNumber`.
 */
export function validateShipiumCarrierEei<T extends ShipiumLabelRequest>(labelRequest: T): T {
	const issues: FieldIssue[] = [];
	const located = locateCustoms(labelRequest, issues);
	if (!located) throw new InputValidationError(issues, 'Invalid Shipium carrier-filed EEI');
	const { customsInfo, items } = located;
	if (customsInfo.aesInternalTransactionNumber !== undefined && customsInfo.aesInternalTransactionNumber !== null) {
		issues.push({
			path: `${CUSTOMS_INFO_PATH}.aesInternalTransactionNumber`,
			message: 'an ITN means the EEI is already filed: the carrier must not file it again (remove the ITN or the EEI blocks)',
		});
	}
	const eei = electronicExportInformationSchema.safeParse(customsInfo.electronicExportInformation);
	if (!eei.success) issues.push(...zodFieldIssues(eei.error.issues, [...CUSTOMS_INFO_PATH.split('.'), 'electronicExportInformation']));
	const commodities = items.map((item, i) => {
		const path = [...CUSTOMS_INFO_PATH.split('.'), 'customsItems', i, 'electronicExportCommodityInformation'];
		if (!isRecord(item)) {
			issues.push({ path: `${CUSTOMS_INFO_PATH}.customsItems[${i}]`, message: 'must be an object' });
			return undefined;
		}
		const parsed = electronicExportCommodityInformationSchema.safeParse(item.electronicExportCommodityInformation);
		if (!parsed.success) {
			issues.push(...zodFieldIssues(parsed.error.issues, path));
			return undefined;
		}
		const expiration = parsed.data.exportLicenseInformation.exportLicense?.licenseExpiration;
		if (eei.success && expiration !== undefined && expiration.slice(0, 10) < eei.data.exportDate.slice(0, 10)) {
			issues.push({
				path: `${CUSTOMS_INFO_PATH}.customsItems[${i}].electronicExportCommodityInformation.exportLicenseInformation.exportLicense.licenseExpiration`,
				message: `the license expires (${expiration.slice(0, 10)}) before the export date (${eei.data.exportDate.slice(0, 10)})`,
			});
		}
		return { ...item, electronicExportCommodityInformation: parsed.data };
	});
	if (issues.length > 0) throw new InputValidationError(issues, 'Invalid Shipium carrier-filed EEI');
	const parameters = labelRequest.shipmentParameters as Record<string, unknown>;
	return {
		...labelRequest,
		shipmentParameters: {
			...parameters,
			customsInfo: { ...customsInfo, electronicExportInformation: eei.data, customsItems: commodities },
		},
	};
}
