/**
 * What makes a shipment itself, read from an AES Delivery, and the transaction number derived
 * from it (recipe 2, File EEI version 2).
 *
 * 15 CFR 30.1 defines a shipment as all goods sent from one USPPI to one consignee on the same
 * day; the filer's reference and the goods tell apart the orders of one day. So the identity is
 *   { usppi, consignee, exportDate, reference, lines }
 * normalised so that a reformatted re-run reads the same (text: accents removed, upper case,
 * letters and digits only; numbers as numbers, `850` = `"850.00"`; lines in any order), and
 *   number = prefix + base36(SHA-256("eei-transaction-number/2\n" + canonical JSON of the identity)),
 *   17 characters.
 * Left out on purpose, because a re-run may correct them and must then still be refused as a
 * duplicate rather than filed twice: port, carrier, weights, units, descriptions, export
 * information codes, addresses, contacts and phones. Two shipments that differ only there share a number:
 * AES refuses the second as a duplicate, which is safe (see earlierFiling.ts), never a second
 * filing onto the first.
 */
import { createHash } from 'crypto';
import { isRecord } from '../adapters/sourceReader';
import { InputValidationError } from '../errors';
import { canonicalJson, TRANSACTION_NUMBER_LENGTH } from './transactionNumber';

export const TRANSACTION_NUMBER_RECIPE = 'eei-transaction-number/2';

export interface ShipmentIdentityLine {
	/** Schedule B / HTS number, digits only. */
	code: string;
	/** Country of origin, upper case. */
	origin: string;
	quantity: number | string;
	/** UnitValue x PackQuantity in whole cents. */
	valueCents: number | string;
}

export interface ShipmentIdentity {
	/** The USPPI's EIN, digits only (15 CFR 30.6(a)(1)(iii)); its name when no EIN is given. */
	usppi: string;
	/** The ultimate consignee (SoldTo, else ShipTo, 15 CFR 30.6(a)(3)): name and country; a corrected address keeps the number. */
	consignee: { name: string; country: string };
	/** YYYY-MM-DD (15 CFR 30.6(a)(2)); '' when unknown (File EEI version 1 fingerprints only). */
	exportDate: string;
	/** The filer's reference (order or shipment number), letters and digits; '' when none. */
	reference: string;
	/** The goods, sorted, so that line order does not matter. */
	lines: ShipmentIdentityLine[];
}

type Loose = Record<string, unknown>;

/** Letters and digits only, upper case, accents removed: "Technik GmbH." reads as "TECHNIKGMBH". */
export function normaliseCode(value: unknown): string {
	if (typeof value !== 'string' && typeof value !== 'number') return '';
	return String(value)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(/[^A-Z0-9]/g, '');
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A number, or decimal text such as "850.00"; anything else is kept as normalised text. */
export function normaliseNumber(value: unknown): number | string {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
	return normaliseCode(value);
}

function amount(value: unknown): unknown {
	return isRecord(value) ? value.Amount : value;
}

function line(item: unknown): ShipmentIdentityLine {
	const record = isRecord(item) ? item : {};
	const quantity = normaliseNumber(record.PackQuantity);
	const unitValue = normaliseNumber(amount(record.UnitValue));
	const valueCents =
		typeof quantity === 'number' && typeof unitValue === 'number' ? Math.round(unitValue * quantity * 100) : `${unitValue}x${quantity}`;
	return {
		code: normaliseCode(record.HarmonizedCode),
		origin: normaliseCode(isRecord(record.Producer) ? record.Producer.Country : undefined),
		quantity,
		valueCents,
	};
}

function usppiOf(shipper: Loose): string {
	const payor = isRecord(shipper.Payor) ? shipper.Payor : {};
	const ids = Array.isArray(payor.TaxIds) ? payor.TaxIds.filter(isRecord) : [];
	const ein = ids.find((id) => id.TaxIdType === undefined || normaliseCode(id.TaxIdType) === 'E') ?? ids[0];
	const number = normaliseCode(ein?.Number);
	return number !== '' ? number : `NAME${normaliseCode(shipper.Company ?? shipper.Contact)}`;
}

/** YYYY-MM-DD, also from an ISO date-time ("2026-11-23T18:00:00Z" is 23 Nov); throws on anything else. */
export function exportDay(value: string, path = 'exportDate'): string {
	const day = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
	const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : undefined;
	if (!day || !date || date.getUTCMonth() !== Number(day[2]) - 1 || date.getUTCDate() !== Number(day[3])) {
		throw new InputValidationError([{ path, message: `must be the date of export as YYYY-MM-DD, got "${value}"` }], 'Invalid AES request');
	}
	return `${day[1]}-${day[2]}-${day[3]}`;
}

/**
 * The identity of the shipment a Delivery describes. `reference` (e.g. the node's Transaction
 * Number Seed) wins over the Delivery's own Reference.
 */
export function shipmentIdentity(delivery: Loose, facts: { exportDate?: string; reference?: string }): ShipmentIdentity {
	const shipper = isRecord(delivery.Shipper) ? delivery.Shipper : {};
	const consignee = isRecord(delivery.SoldTo) ? delivery.SoldTo : isRecord(delivery.ShipTo) ? delivery.ShipTo : {};
	const lines = (Array.isArray(delivery.Items) ? delivery.Items : []).map(line);
	lines.sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
	return {
		usppi: usppiOf(shipper),
		consignee: {
			name: normaliseCode(consignee.Company ?? consignee.Contact),
			country: normaliseCode(consignee.Country),
		},
		exportDate: facts.exportDate === undefined ? '' : exportDay(facts.exportDate),
		reference: normaliseCode(facts.reference ?? delivery.Reference),
		lines,
	};
}

/** SHA-256 (hex) of the identity: the fingerprint File EEI records with each filing (`aes.shipmentFingerprint`). */
export function shipmentFingerprint(identity: ShipmentIdentity): string {
	return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}

/** The recipe-2 transaction number of a shipment: the same identity always gives the same number. */
export function deriveShipmentTransactionNumber(identity: ShipmentIdentity, prefix = ''): string {
	if (!/^[A-Za-z0-9]{0,8}$/.test(prefix)) {
		throw new InputValidationError([{ path: 'prefix', message: 'must be up to 8 letters and digits' }], 'Invalid AES request');
	}
	const digest = createHash('sha256').update(`${TRANSACTION_NUMBER_RECIPE}\n${canonicalJson(identity)}`).digest('hex');
	const body = BigInt(`0x${digest}`).toString(36).toUpperCase().padStart(TRANSACTION_NUMBER_LENGTH, '0');
	return `${prefix.toUpperCase()}${body.slice(0, TRANSACTION_NUMBER_LENGTH - prefix.length)}`;
}
