/**
 * The EEI transaction number (AES shipment reference number, 15 CFR 30.6(a)(19)): the filer's
 * key for a filing, unique for ever, reused unchanged by `replace` and `void` (seed 001).
 *
 * When the caller has none, one is derived, not drawn at random:
 *   number = prefix + base36(SHA-256(seed + "\n" + canonical JSON of the Delivery)), 17 chars.
 * - Stable: the same seed and the same Delivery always give the same number, so a retried item
 *   (the node passes seed = executionId + ":" + itemIndex) re-sends the same number, and AES
 *   refuses a duplicate instead of accepting a second filing.
 * - Unique: a different seed or a different Delivery gives a different number; 36^17 values
 *   make an accidental collision negligible. Uniqueness across executions rests on the seed:
 *   a seed that is reused for a different shipment still differs by the Delivery's content.
 * - Trade-off: a corrected Delivery gets a NEW number. Correcting a rejected filing is a
 *   `replace` under the ORIGINAL number (returned in the rejection), never a fresh `add`, so a
 *   derived number is only ever made for `add`. A caller who wants the number to survive
 *   edits (e.g. one number per order) passes it explicitly.
 */
import { createHash } from 'crypto';
import { InputValidationError } from '../errors';
import { TRANSACTION_NUMBER_PATTERN, type AesTransactionType } from './aesRequest';

export const TRANSACTION_NUMBER_LENGTH = 17;
const PREFIX_PATTERN = /^[A-Za-z0-9]{0,8}$/;

export interface EnsureTransactionNumberOptions {
	/** Stable per item and attempt group, e.g. `${executionId}:${itemIndex}` or an order number. */
	seed?: string;
	/** Letters and digits (up to 8) that start every derived number, to recognise them in ACE. */
	prefix?: string;
	/** Only `add` may get a derived number: replace and void must reuse the original one. */
	transactionType?: AesTransactionType;
}

export interface TransactionNumberResult<D> {
	delivery: D;
	transactionNumber: string;
	/** True when the number was derived here rather than supplied. */
	generated: boolean;
}

type DeliveryLike = Record<string, unknown> & { International?: unknown };

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

function withoutNumber(delivery: DeliveryLike): DeliveryLike {
	const international = { ...((delivery.International as Record<string, unknown> | undefined) ?? {}) };
	delete international.EeiTransactionNumber;
	return { ...delivery, International: international };
}

/** The derived number for a seed and a Delivery (its own EeiTransactionNumber ignored). */
export function deriveTransactionNumber(seed: string, delivery: DeliveryLike, prefix = ''): string {
	const digest = createHash('sha256').update(`${seed}\n${canonicalJson(withoutNumber(delivery))}`).digest('hex');
	const body = BigInt(`0x${digest}`).toString(36).toUpperCase().padStart(TRANSACTION_NUMBER_LENGTH, '0');
	return `${prefix.toUpperCase()}${body.slice(0, TRANSACTION_NUMBER_LENGTH - prefix.length)}`;
}

/**
 * Returns the Delivery with `International.EeiTransactionNumber` set: the caller's number when
 * present (checked: 1-17 letters and digits), else one derived from `seed` (add only).
 * Never mutates the input.
 */
export function ensureTransactionNumber<D extends DeliveryLike>(
	delivery: D,
	options: EnsureTransactionNumberOptions = {},
): TransactionNumberResult<D> {
	const path = 'Delivery.International.EeiTransactionNumber';
	const international = (delivery.International as Record<string, unknown> | undefined) ?? {};
	const given = international.EeiTransactionNumber;
	if (typeof given === 'string' && given.trim() !== '') {
		const number = given.trim();
		if (!TRANSACTION_NUMBER_PATTERN.test(number)) {
			throw new InputValidationError([
				{ path, message: 'must be 1 to 17 letters and digits, no punctuation (AES shipment reference number)' },
			]);
		}
		return {
			delivery: { ...delivery, International: { ...international, EeiTransactionNumber: number } },
			transactionNumber: number,
			generated: false,
		};
	}
	const type = options.transactionType ?? 'add';
	if (type !== 'add') {
		throw new InputValidationError([
			{ path, message: `a ${type} must reuse the transaction number of the original filing (EasyPost AES documentation)` },
		]);
	}
	const prefix = options.prefix ?? '';
	if (!PREFIX_PATTERN.test(prefix)) {
		throw new InputValidationError([{ path: 'prefix', message: 'must be up to 8 letters and digits' }]);
	}
	if (options.seed === undefined || options.seed === '') {
		throw new InputValidationError([
			{ path, message: 'is missing and no seed was given to derive a stable one (e.g. executionId:itemIndex)' },
		]);
	}
	const number = deriveTransactionNumber(options.seed, delivery, prefix);
	return {
		delivery: { ...delivery, International: { ...international, EeiTransactionNumber: number } },
		transactionNumber: number,
		generated: true,
	};
}
