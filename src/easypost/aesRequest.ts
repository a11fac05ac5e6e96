/**
 * The EasyPost Enterprise AES filing request (seed 001, "Transaction Field Notes" and the two
 * example transactions), checked field by field BEFORE anything is sent: a rejected
 * transmission must be completed or voided by hand, so catching mistakes here is cheaper
 * than any retry.
 *
 * Decisions where the provider's document is silent or inconsistent:
 * - Port of export: the field notes and the first example say `PortOfExportCode`, the second
 *   example says `PortOfExport`. Both spellings are accepted; the request sent always carries
 *   `PortOfExportCode` only (two of the three sources use it), so that the value cannot be
 *   read from one key and ignored in the other. Two different values is an error.
 * - Shipment gross weight: the notes require it to be at least the sum of the line weights but
 *   do not name the field; `Delivery.GrossWeight {Amount, Unit}` is checked when present.
 * - Vessel shipments need `ConveyanceName`, but the Delivery has no documented mode field:
 *   the caller passes `modeOfTransport` (the builder does) to have mode-specific rules applied.
 * - IATA airline designators may contain a digit (UPS Airlines `5X`), so "two or three letter"
 *   codes are read as two or three letters or digits, at least one a letter.
 * - A void is never blocked by the data it cancels: only the transaction number is required.
 * Unknown fields (the beta model has more than the notes describe) are passed through as sent.
 */
import { z } from 'zod';
import { InputValidationError } from '../errors';
import { isCountryCode } from '../shipment/countries';
import type { Shipment } from '../shipment/model';
import { zodFieldIssues } from '../fieldIssues';

export type AesTransactionType = 'add' | 'replace' | 'void';
export type AesEnvironment = 'test' | 'production';
/** The canonical shipment's modes (15 CFR 30.6(a)(6)). */
export type AesModeOfTransport = NonNullable<Shipment['modeOfTransport']>;

export interface AesRequestOptions {
	/** Mode of transport of the shipment; enables the vessel, mail and carrier-code rules. */
	modeOfTransport?: AesModeOfTransport;
}

/** The Shipment Reference Number limit in AES: up to 17 letters and digits (15 CFR 30.6(a)(19)). */
export const TRANSACTION_NUMBER_PATTERN = /^[A-Za-z0-9]{1,17}$/;

/** Exports leave from the United States, Puerto Rico or the U.S. Virgin Islands (15 CFR 30.2(a)(1)). */
const EXPORTING_COUNTRIES = new Set(['US', 'PR', 'VI']);

const KG_PER_UNIT: Record<string, number> = {
	KG: 1,
	KGS: 1,
	G: 0.001,
	LB: 0.45359237,
	LBS: 0.45359237,
	OZ: 0.028349523125,
};

/** A required, trimmed, non-empty text field of the AES request, with messages naming it. */
function requiredText(field: string) {
	return z
		.string({ required_error: `${field} is required`, invalid_type_error: `${field} must be text` })
		.trim()
		.min(1, `${field} must not be empty`);
}

const optionalText = z.string({ invalid_type_error: 'must be text' }).trim().optional();

const countryCode = z
	.string({ required_error: 'country is required', invalid_type_error: 'must be text' })
	.trim()
	.toUpperCase()
	.refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code such as "MC"' });

const positiveNumber = (field: string) =>
	z
		.number({ required_error: `${field} is required`, invalid_type_error: `${field} must be a number` })
		.finite()
		.positive(`${field} must be greater than 0`);

const wholeQuantity = (field: string) =>
	z
		.number({ required_error: `${field} is required`, invalid_type_error: `${field} must be a number` })
		.int(`${field} must be a whole number (15 CFR 30.6(a)(15): round fractions to whole units)`)
		.min(1, `${field} must be at least 1`);

const money = z
	.object(
		{
			Amount: positiveNumber('Amount'),
			Currency: z
				.string({ invalid_type_error: 'must be text' })
				.trim()
				.toUpperCase()
				.default('USD')
				.refine((c) => c === 'USD', {
					message: 'must be "USD": EEI values are reported in US dollars (15 CFR 30.6(a)(17))',
				}),
		},
		{ required_error: 'is required ({Amount, Currency})' },
	)
	.passthrough();

const weight = z
	.object(
		{
			Amount: positiveNumber('Amount'),
			Unit: z
				.string({ required_error: 'Unit is required', invalid_type_error: 'must be text' })
				.trim()
				.refine((u) => u.toUpperCase() in KG_PER_UNIT, {
					message: `must be one of ${Object.keys(KG_PER_UNIT).join(', ')}`,
				}),
		},
		{ required_error: 'is required ({Amount, Unit})' },
	)
	.passthrough();

const reportingQuantity = z
	.object({
		Amount: wholeQuantity('Amount'),
		Unit: requiredText('Unit'),
	})
	.passthrough();

/** Ten digits once dots, dashes and spaces are removed (seed 001: "punctuation is ignored"). */
const harmonizedCode = z
	.string({
		required_error: 'HarmonizedCode is required',
		invalid_type_error: 'must be text (a number would lose leading zeros)',
	})
	.transform((code) => code.replace(/[\s.\-/]/g, ''))
	.refine((code) => /^\d{10}$/.test(code), {
		message: 'must be a 10-digit Schedule B or HTS number (punctuation is ignored), e.g. "6910.10.0010"',
	});

/** "UsScheduleB" selects Schedule B; anything else silently means HTS, so only the two names are accepted. */
const harmonizedCodeSource = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.optional()
	.transform((source, ctx) => {
		if (source === undefined || source === '') return undefined;
		const lower = source.toLowerCase();
		if (lower === 'usscheduleb') return 'UsScheduleB' as const;
		if (lower === 'ushts') return 'UsHts' as const;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `"${source}" would silently be read as HTS: use "UsScheduleB", "UsHts" or leave it empty`,
		});
		return z.NEVER;
	});

const item = z
	.object({
		HarmonizedCode: harmonizedCode,
		ExportHarmonizedCodeSource: harmonizedCodeSource,
		ExportInformationCode: z
			.string({ invalid_type_error: 'must be text' })
			.trim()
			.toUpperCase()
			.default('OS')
			.refine((code) => /^[A-Z0-9]{2}$/.test(code), {
				message: 'must be a 2-character code from AESTIR Appendix E (default "OS")',
			}),
		Description: requiredText('Description'),
		UnitValue: money,
		UnitWeight: weight,
		Producer: z
			.object({ Country: countryCode }, { required_error: 'is required ({Country}: country of origin)' })
			.passthrough(),
		PackQuantity: wholeQuantity('PackQuantity'),
		QuantityUnitOfMeasure: requiredText('QuantityUnitOfMeasure'),
		ReportingQuantity: reportingQuantity.optional(),
		SecondReportingQuantity: reportingQuantity.optional(),
	})
	.passthrough()
	.superRefine((line, ctx) => {
		if (line.SecondReportingQuantity && !line.ReportingQuantity) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['SecondReportingQuantity'],
				message: 'needs ReportingQuantity as well (the second unit of measure follows the first)',
			});
		}
	});

function party(role: 'Shipper' | 'ShipTo' | 'SoldTo') {
	return z
		.object(
			{
				Company: optionalText,
				Contact: optionalText,
				StreetAddress: requiredText('StreetAddress'),
				City: requiredText('City'),
				Subdivision: optionalText,
				PostalCode: optionalText,
				Country: countryCode,
				Phone: optionalText,
			},
			{ required_error: `${role} is required`, invalid_type_error: `${role} must be an object` },
		)
		.passthrough()
		.superRefine((p, ctx) => {
			if (!p.Company && !p.Contact) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['Company'],
					message: 'a name is required: Company or Contact (15 CFR 30.6(a)(1), (a)(3))',
				});
			}
		});
}

const taxId = z
	.object({
		Number: requiredText('Number'),
		TaxIdType: z.string({ invalid_type_error: 'must be text' }).trim().toUpperCase().default('E'),
	})
	.passthrough()
	.superRefine((id, ctx) => {
		if (id.TaxIdType === 'E' && !/^(\d{2}-\d{7}|\d{9})$/.test(id.Number)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['Number'],
				message: 'must be an EIN: "NN-NNNNNNN" or 9 digits (15 CFR 30.6(a)(1)(iii))',
			});
		}
	});

const shipper = party('Shipper').superRefine((p, ctx) => {
	if (!EXPORTING_COUNTRIES.has(p.Country)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['Country'],
			message: 'the USPPI ships from the US, PR or VI (15 CFR 30.2(a)(1))',
		});
	}
	if (!p.Subdivision || !/^[A-Za-z]{2}$/.test(p.Subdivision)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['Subdivision'],
			message: 'the 2-letter state of origin is required (15 CFR 30.6(a)(4))',
		});
	}
	const payor = (p as Record<string, unknown>).Payor as { TaxIds?: unknown } | undefined;
	const parsed = z
		.array(taxId, { required_error: 'is required', invalid_type_error: 'must be a list' })
		.min(1, 'at least one tax id is required')
		.safeParse(payor?.TaxIds);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['Payor', 'TaxIds', ...issue.path] });
		return;
	}
	if (!parsed.data.some((id) => id.TaxIdType === 'E')) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['Payor', 'TaxIds'],
			message: 'the USPPI EIN (TaxIdType "E") is required (15 CFR 30.6(a)(1)(iii))',
		});
	}
	(p as Record<string, unknown>).Payor = { ...(payor as object), TaxIds: parsed.data };
});

const transactionNumber = z
	.string({
		required_error: 'EeiTransactionNumber is required (see ensureTransactionNumber)',
		invalid_type_error: 'must be text',
	})
	.trim()
	.refine((n) => TRANSACTION_NUMBER_PATTERN.test(n), {
		message: 'must be 1 to 17 letters and digits, no punctuation (AES shipment reference number)',
	});

const portCode = (digits: number) =>
	z
		.string({ invalid_type_error: 'must be text (a number would lose leading zeros)' })
		.trim()
		.refine((p) => new RegExp(`^\\d{${digits}}$`).test(p), { message: `must be ${digits} digits` });

const international = z
	.object(
		{
			EeiTransactionNumber: transactionNumber,
			PortOfExportCode: portCode(4).optional(),
			PortOfExport: portCode(4).optional(),
			PortOfUnloading: portCode(5).optional(),
		},
		{ required_error: 'International is required ({PortOfExportCode, EeiTransactionNumber})' },
	)
	.passthrough()
	.transform((intl, ctx) => {
		const { PortOfExport, PortOfExportCode, ...rest } = intl;
		if (PortOfExport !== undefined && PortOfExportCode !== undefined && PortOfExport !== PortOfExportCode) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['PortOfExport'],
				message: `differs from PortOfExportCode "${PortOfExportCode}": give the port of export once`,
			});
			return z.NEVER;
		}
		const port = PortOfExportCode ?? PortOfExport;
		if (port === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['PortOfExportCode'],
				message: 'the 4-digit Schedule D port of export is required (PortOfExportCode or PortOfExport)',
			});
			return z.NEVER;
		}
		return { ...rest, PortOfExportCode: port };
	});

const shippingOptions = z
	.object({ ConveyanceCode: optionalText, ConveyanceName: optionalText })
	.passthrough();

const deliveryShape = z
	.object(
		{
			Reference: optionalText,
			Shipper: shipper,
			ShipTo: party('ShipTo').optional(),
			SoldTo: party('SoldTo').optional(),
			International: international,
			ShippingOptions: shippingOptions.optional(),
			Items: z
				.array(item, { required_error: 'Items is required', invalid_type_error: 'Items must be a list' })
				.min(1, 'at least one item is required'),
			GrossWeight: weight.optional(),
		},
		{ required_error: 'Delivery is required', invalid_type_error: 'Delivery must be an object' },
	)
	.passthrough();

type ParsedDelivery = z.infer<typeof deliveryShape>;

function toKg(w: { Amount: number; Unit: string }): number {
	return w.Amount * KG_PER_UNIT[w.Unit.toUpperCase()];
}

function checkDelivery(d: ParsedDelivery, options: AesRequestOptions, ctx: z.RefinementCtx): void {
	const mode = options.modeOfTransport;
	if (!d.ShipTo) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['ShipTo'],
			message: d.SoldTo
				? 'is required when SoldTo is given (ShipTo is then the intermediate consignee)'
				: 'the consignee (physical destination) is required (15 CFR 30.6(a)(3))',
		});
	}
	const destination = (d.SoldTo ?? d.ShipTo)?.Country;
	if (d.Shipper.Country === 'US' && destination === 'PR' && !d.International.PortOfUnloading) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['International', 'PortOfUnloading'],
			message: 'the 5-digit port of unloading is required for US to Puerto Rico shipments',
		});
	}
	if (mode === 'mail' && d.International.PortOfExportCode !== '8000') {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['International', 'PortOfExportCode'],
			message: 'mail exports use port of export "8000"',
		});
	}
	checkConveyance(d.ShippingOptions ?? {}, mode, ctx);
	if (d.GrossWeight) {
		const lines = d.Items.reduce((sum, line) => sum + toKg(line.UnitWeight) * line.PackQuantity, 0);
		const gross = toKg(d.GrossWeight);
		// A small tolerance: unit conversions must not turn equal weights into an error.
		if (gross + 1e-6 < lines) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['GrossWeight'],
				message: `${round3(gross)} kg is below the ${round3(lines)} kg of the items (UnitWeight x PackQuantity)`,
			});
		}
	}
}

function round3(n: number): number {
	return Math.round(n * 1000) / 1000;
}

const IATA = /^(?=.*[A-Z])[A-Z0-9]{2,3}$/;
const SCAC = /^[A-Z]{4}$/;

function checkConveyance(
	options: { ConveyanceCode?: string; ConveyanceName?: string },
	mode: AesModeOfTransport | undefined,
	ctx: z.RefinementCtx,
): void {
	const path = ['ShippingOptions', 'ConveyanceCode'];
	const code = options.ConveyanceCode?.toUpperCase();
	if (mode === 'vessel' && !options.ConveyanceName) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['ShippingOptions', 'ConveyanceName'],
			message: 'the vessel name is required for vessel shipments (15 CFR 30.6(a)(7))',
		});
	}
	if (!code) {
		if (mode !== 'mail' && mode !== 'other') {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path,
				message: 'the carrier code is required: IATA (2-3 characters) for air, SCAC (4 letters) for truck',
			});
		}
		return;
	}
	const wanted =
		mode === 'air'
			? { ok: IATA.test(code), what: 'an IATA airline code (2-3 characters) for air' }
			: mode === 'truck' || mode === 'rail' || mode === 'vessel'
				? { ok: SCAC.test(code), what: `a SCAC (4 letters) for ${mode}` }
				: {
						ok: IATA.test(code) || SCAC.test(code),
						what: 'an IATA code (2-3 characters, air) or a SCAC (4 letters, truck)',
					};
	if (!wanted.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `must be ${wanted.what}` });
}

const transactionType = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.toLowerCase()
	.default('add')
	.refine((t): t is AesTransactionType => ['add', 'replace', 'void'].includes(t), {
		message: 'must be "add", "replace" or "void"',
	});

const environment = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.toLowerCase()
	.default('test')
	.refine((e): e is AesEnvironment => e === 'test' || e === 'production', {
		message: 'must be "test" or "production"',
	});

/** What the AES endpoint receives: a full Delivery for add/replace, at least the number for void. */
export interface AesRequest {
	Delivery: AesDelivery;
	TransactionType: AesTransactionType;
	Environment: AesEnvironment;
}

export type AesDelivery = Record<string, unknown> & {
	International: Record<string, unknown> & { EeiTransactionNumber: string };
};

const envelope = z
	.object(
		{ Delivery: z.unknown(), TransactionType: transactionType, Environment: environment },
		{ invalid_type_error: 'the request must be an object {Delivery, TransactionType, Environment}' },
	)
	.passthrough();

const voidDelivery = z
	.object(
		{
			International: z
				.object({ EeiTransactionNumber: transactionNumber }, { required_error: 'International is required' })
				.passthrough(),
		},
		{ required_error: 'Delivery is required', invalid_type_error: 'Delivery must be an object' },
	)
	.passthrough();

/**
 * Validates and normalises an AES request. Throws InputValidationError naming every field path
 * (`Delivery.Items[0].HarmonizedCode`). Normalises: HarmonizedCode to 10 digits, port of export
 * to `PortOfExportCode`, ExportInformationCode default "OS", currency default "USD",
 * TransactionType default "add", Environment default "test" (lower case).
 */
export function parseAesRequest(input: unknown, options: AesRequestOptions = {}): AesRequest {
	const head = envelope.safeParse(input);
	if (!head.success) throw new InputValidationError(zodFieldIssues(head.error.issues), 'Invalid AES request');
	const type = head.data.TransactionType as AesTransactionType;
	const schema =
		type === 'void' ? voidDelivery : deliveryShape.superRefine((d, ctx) => checkDelivery(d, options, ctx));
	const delivery = schema.safeParse(head.data.Delivery);
	if (!delivery.success) {
		throw new InputValidationError(zodFieldIssues(delivery.error.issues, ['Delivery']), 'Invalid AES request');
	}
	return {
		...(head.data as object),
		Delivery: delivery.data as AesDelivery,
		TransactionType: type,
		Environment: head.data.Environment as AesEnvironment,
	};
}
