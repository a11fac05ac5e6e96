/**
 * The canonical shipment: what every adapter (EasyPost, Shipium, ...) produces and what the
 * EEI engine reads. One "shipment" in the sense of 15 CFR 30.1: one USPPI to one consignee on
 * one conveyance on one day. Field names are a public contract.
 */
import { z } from 'zod';
import { InputValidationError } from '../errors';
import { isCountryCode } from './countries';
import { isCurrencyCode } from './currencies';
import { fastParseShipment } from './fastParse';
import { zodFieldIssues } from '../fieldIssues';
import {
	COMMODITY_CODE_FORMAT,
	CURRENCY_FORMAT,
	DATE_FORMAT,
	DATETIME_FORMAT,
	exemptionClaimProblem,
	isEccn,
	LICENSE_EXCEPTION_FORMAT,
	LICENSING_AGENCIES,
	MODES_OF_TRANSPORT,
	normalizeCommodityCode,
	normalizeEccn,
	normalizeExemptionClaim,
	quoted,
	STATE_FORMAT,
} from './normalize';
import { lineValueLimitIssue, usdRate } from './value';

export {
	LICENSING_AGENCIES,
	MODES_OF_TRANSPORT,
	normalizeCommodityCode,
	normalizeEccn,
	normalizeExemptionClaim,
} from './normalize';

const countryCode = z.string().transform((raw, ctx) => {
	const code = raw.trim().toUpperCase();
	if (!isCountryCode(code)) {
		ctx.addIssue({ code: 'custom', message: `${quoted(raw)} is not an ISO 3166-1 alpha-2 country code` });
		return z.NEVER;
	}
	return code;
});

const money = z.number().finite().nonnegative();

/** The person in the US or abroad, passed through as given (name, ein, id, address, ...). */
const party = z
	.object({
		name: z.string().optional(),
		ein: z.string().optional(),
		id: z.string().optional(),
	})
	.passthrough();

export const shipmentItemSchema = z
	.object({
		/** Schedule B or HTS number, stored as exactly 10 digits. */
		commodityCode: z.string().transform((raw, ctx) => {
			const code = normalizeCommodityCode(raw);
			if (!COMMODITY_CODE_FORMAT.test(code)) {
				ctx.addIssue({ code: 'custom', message: `must be a 10-digit Schedule B or HTS number, got ${quoted(raw)}` });
				return z.NEVER;
			}
			return code;
		}),
		description: z.string().optional(),
		/** Line total in the shipment's currency. */
		value: money.optional(),
		/** Value of one unit; used as unitValue x quantity when `value` is absent. */
		unitValue: money.optional(),
		quantity: z.number().finite().positive().optional(),
		/** Country of origin (manufacture) of the goods; decides D/F (15 CFR 30.6(a)(11)). */
		originCountry: countryCode.default('US'),
		/** Export Control Classification Number (`#A###...` or `EAR99`), 15 CFR 758.1(g). */
		eccn: z
			.string()
			.transform((raw, ctx) => {
				const eccn = normalizeEccn(raw);
				if (!isEccn(eccn)) {
					ctx.addIssue({ code: 'custom', message: `must be an ECCN like 5A992.c or EAR99, got ${quoted(raw)}` });
					return z.NEVER;
				}
				return eccn;
			})
			.optional(),
		/** A license is required for this line (15 CFR 758.1(b)(2), 30.2(a)(1)(iv)(A)-(F)). */
		licenseRequired: z.boolean().optional(),
		/** Agency that issues the required license: BIS unless `itar` (then DDTC). */
		licenseType: z
			.string()
			.transform((s) => s.trim().toUpperCase())
			.pipe(z.enum(LICENSING_AGENCIES))
			.optional(),
		/** License exception or authorization symbol (STA, VEU, BAG, GFT, TMP, ...), 15 CFR 758.1(b)(4),(7),(9). */
		licenseException: z
			.string()
			.transform((s) => s.trim().toUpperCase())
			.pipe(z.string().regex(LICENSE_EXCEPTION_FORMAT, 'must be a 3-letter license exception symbol such as STA, VEU or BAG'))
			.optional(),
		/** Subject to the ITAR (USML article), licensed or license-exempt: 15 CFR 30.2(a)(1)(iv)(B)-(C). */
		itar: z.boolean().optional(),
		/**
		 * Needs an export license or permit from another agency: `DEA` (30.2(a)(1)(iv)(D)), `NRC`
		 * ((iv)(E)), any other agency name or `true` ((iv)(F)).
		 */
		otherAgencyLicense: z.union([z.boolean(), z.string().trim().min(1)]).optional(),
		/** A vehicle: never exempt by value (15 CFR 30.37(a), last sentences). */
		vehicle: z.boolean().optional(),
		/** A used self-propelled vehicle (19 CFR 192.1): 15 CFR 30.2(a)(1)(iv)(H), 30.4(b)(5). */
		usedVehicle: z.boolean().optional(),
		/** Mass-market software: never exempt under 15 CFR 30.37(f) ("However, EEI is required for mass-market software"). */
		massMarketSoftware: z.boolean().optional(),
	})
	.superRefine((item, ctx) => {
		if (item.value === undefined && (item.unitValue === undefined || item.quantity === undefined)) {
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				message: 'give the line total (value) or unitValue and quantity',
			});
		}
	});

const location = z.object({ country: countryCode });

export const shipmentSchema = z
	.object({
		origin: location.extend({
			/** US state (postal code) the goods start from. */
			state: z
				.string()
				.transform((s) => s.trim().toUpperCase())
				.pipe(z.string().regex(STATE_FORMAT, 'must be a 2-letter state code'))
				.optional(),
			/** The goods leave from Guantanamo Bay Naval Base (country CU): 15 CFR 30.2(d)(4). */
			guantanamoBay: z.boolean().optional(),
		}),
		destination: location.extend({
			/** The goods go to Guantanamo Bay Naval Base (country CU): 15 CFR 30.2(d)(4). */
			guantanamoBay: z.boolean().optional(),
		}),
		/** Planned date of export, `YYYY-MM-DD`. */
		exportDate: z.string().regex(DATE_FORMAT, 'must be a date YYYY-MM-DD').optional(),
		/**
		 * Time of the deadline's event for the mode (departure for air, loading for vessel,
		 * arrival at the border for truck/rail, export otherwise); ISO 8601 with offset.
		 */
		departureTime: z
			.string()
			.regex(DATETIME_FORMAT, 'must be an ISO 8601 date-time with Z or an offset, e.g. 2026-11-21T18:00:00-05:00')
			.optional(),
		modeOfTransport: z.enum(MODES_OF_TRANSPORT).optional(),
		/** Sent for storage in Canada but destined for third countries: 15 CFR 30.36(b)(1). */
		canadaStorageForReexport: z.boolean().optional(),
		/** Moves through Canada to this third country (the ultimate destination): 15 CFR 30.36(b)(2), 758.1(b)(6). */
		throughCanadaTo: countryCode.optional(),
		/** An explicit exemption claim such as `30.37(h)`, `30.39`, `30.40(a)`, `30.37(y)(4)`. */
		exemption: z
			.string()
			.transform((raw, ctx) => {
				const claim = normalizeExemptionClaim(raw);
				const problem = exemptionClaimProblem(claim, raw);
				if (problem !== undefined) {
					ctx.addIssue({ code: 'custom', message: problem });
					return z.NEVER;
				}
				return claim;
			})
			.optional(),
		/** ISO 4217 code of the values; USD when absent. */
		currency: z
			.string()
			.transform((s) => s.trim().toUpperCase())
			.pipe(
				z
					.string()
					.regex(CURRENCY_FORMAT, 'must be a 3-letter ISO 4217 currency code')
					.refine(isCurrencyCode, (code) => ({ message: `"${code}" is not an ISO 4217 currency code in current use (e.g. CNY, not RMB)` })),
			)
			.optional(),
		/** US dollars per one unit of `currency` (e.g. 1.08 for EUR). Required unless USD; never assumed. */
		exchangeRate: z.number().finite().positive().optional(),
		/** A party to the transaction is on the Unverified List (Supp. 6 to 15 CFR part 744): 758.1(b)(8). */
		unverifiedListParty: z.boolean().optional(),
		/** Foreign-to-foreign movement under CBP bond through the US, PR or VI: 15 CFR 30.2(d)(1). */
		inBond: z.boolean().optional(),
		/** Electronic transmission or intangible transfer: 15 CFR 30.2(d)(3). */
		intangible: z.boolean().optional(),
		/**
		 * Goods licensed by a US federal agency whose country of ultimate destination is the US (or
		 * international waters, under the control of a US person): 15 CFR 30.2(d)(5).
		 */
		ultimateDestinationUS: z.boolean().optional(),
		usppi: party.optional(),
		consignee: party.optional(),
		items: z.array(shipmentItemSchema).min(1, 'a shipment needs at least one item'),
	})
	.superRefine((shipment, ctx) => {
		const currency = shipment.currency ?? 'USD';
		if (currency !== 'USD' && shipment.exchangeRate === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['exchangeRate'],
				message: `values are in ${currency}: give exchangeRate (US dollars per one ${currency}); no rate is assumed`,
			});
		}
		if (currency === 'USD' && shipment.exchangeRate !== undefined && shipment.exchangeRate !== 1) {
			ctx.addIssue({ code: 'custom', path: ['exchangeRate'], message: 'values are in USD: exchangeRate must be 1 or absent' });
		}
		// Values too large to hold in cents would come out as Infinity (or lose cents) and decide nothing.
		const rate = usdRate(shipment);
		shipment.items.forEach((item, index) => {
			const issue = lineValueLimitIssue(item, rate);
			if (issue) ctx.addIssue({ code: 'custom', path: ['items', index, issue.field], message: issue.message });
		});
		if (shipment.throughCanadaTo !== undefined && shipment.destination.country !== 'CA') {
			ctx.addIssue({ code: 'custom', path: ['throughCanadaTo'], message: 'give it only with destination.country CA' });
		}
		if (shipment.throughCanadaTo === 'CA') {
			ctx.addIssue({ code: 'custom', path: ['throughCanadaTo'], message: 'must be a third country, not Canada' });
		}
		if (shipment.origin.guantanamoBay && shipment.origin.country !== 'CU') {
			ctx.addIssue({ code: 'custom', path: ['origin', 'country'], message: 'Guantanamo Bay Naval Base is in CU' });
		}
		if (shipment.destination.guantanamoBay && shipment.destination.country !== 'CU') {
			ctx.addIssue({ code: 'custom', path: ['destination', 'country'], message: 'Guantanamo Bay Naval Base is in CU' });
		}
	});

export type Shipment = z.output<typeof shipmentSchema>;
export type ShipmentInput = z.input<typeof shipmentSchema>;
export type ShipmentItem = z.output<typeof shipmentItemSchema>;

/** Validate and normalise; throws InputValidationError naming every bad field path. */
export function parseShipment(input: unknown): Shipment {
	// Most inputs are plain and valid: the fast path gives the same result as the schema in a
	// fraction of the time; anything it does not vouch for goes through the schema.
	const fast = fastParseShipment(input);
	if (fast !== undefined) return fast;
	const result = shipmentSchema.safeParse(input);
	if (!result.success) {
		throw new InputValidationError(zodFieldIssues(result.error.issues), 'Invalid shipment');
	}
	return result.data;
}
