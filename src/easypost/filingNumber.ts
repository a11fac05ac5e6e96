/**
 * The transaction number a filing goes out under: the one given, else the Delivery's own, else
 * (add only) one derived by the recipe of the File EEI node version:
 * - recipe 1 (version 1, kept unchanged so that a shipment filed under it and re-run keeps its
 *   number): seed + the Delivery's content as written (transactionNumber.ts);
 * - recipe 2 (version 2): the shipment's identity, export date included (shipmentIdentity.ts),
 *   so that a standing order shipped on two days never shares a number and a reformatted
 *   re-run keeps it.
 */
import { isRecord } from '../adapters/sourceReader';
import { InputValidationError } from '../errors';
import type { AesTransactionType } from './aesRequest';
import { deriveShipmentTransactionNumber, shipmentFingerprint, shipmentIdentity } from './shipmentIdentity';
import { ensureTransactionNumber } from './transactionNumber';

export type TransactionNumberRecipe = 1 | 2;

export interface FilingNumberInput {
	recipe: TransactionNumberRecipe;
	transactionType: AesTransactionType;
	/** The number the user gave (parameter); must agree with the Delivery's own. */
	given?: string;
	/** Identifies the shipment (e.g. the order number); default: the Delivery's Reference. */
	seed?: string;
	prefix?: string;
	/** Date of export, YYYY-MM-DD; recipe 2 needs it to derive a number. */
	exportDate?: string;
}

export interface NumberedFiling<D> {
	delivery: D;
	transactionNumber: string;
	generated: boolean;
	/** SHA-256 of the shipment's identity (export date '' when unknown): File EEI's `aes.shipmentFingerprint`. */
	shipmentFingerprint: string;
}

type Loose = Record<string, unknown>;
const PATH = 'Delivery.International.EeiTransactionNumber';

function text(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function refuse(path: string, message: string): never {
	throw new InputValidationError([{ path, message }], 'Invalid AES request');
}

/** Numbers a Delivery for a filing (see the file comment). Never mutates the input. */
export function numberFiling<D extends Loose>(delivery: D, input: FilingNumberInput): NumberedFiling<D> {
	const international = isRecord(delivery.International) ? delivery.International : {};
	const own = text(international.EeiTransactionNumber);
	const given = text(input.given);
	if (given !== undefined && own !== undefined && given !== own) {
		refuse('transactionNumber', `"${given}" differs from the Delivery's EeiTransactionNumber "${own}": give the number once`);
	}
	const seed = text(input.seed) ?? text(delivery.Reference);
	const exportDate = text(input.exportDate);
	const fingerprint = shipmentFingerprint(shipmentIdentity(delivery, { exportDate, reference: seed }));
	const number = given ?? own;
	if (number !== undefined) {
		const numbered = ensureTransactionNumber({ ...delivery, International: { ...international, EeiTransactionNumber: number } });
		return { ...numbered, shipmentFingerprint: fingerprint };
	}
	if (input.transactionType !== 'add') {
		refuse(PATH, `is required: a ${input.transactionType} reuses the transaction number of the original filing (seed 001)`);
	}
	if (input.recipe === 1) {
		if (seed === undefined) {
			refuse(PATH, 'is missing: give the Transaction Number, or a Reference or Transaction Number Seed (e.g. the order number) from which a stable one is derived');
		}
		const numbered = ensureTransactionNumber(delivery, { seed, prefix: input.prefix, transactionType: 'add' });
		return { ...numbered, shipmentFingerprint: fingerprint };
	}
	if (exportDate === undefined) {
		refuse(
			'exportDate',
			'is required to derive a transaction number: the date of export tells apart the shipments of a standing order (15 CFR 30.1 "shipment"); give the Export Date, or a Transaction Number',
		);
	}
	const derived = deriveShipmentTransactionNumber(shipmentIdentity(delivery, { exportDate, reference: seed }), input.prefix ?? '');
	return {
		delivery: { ...delivery, International: { ...international, EeiTransactionNumber: derived } },
		transactionNumber: derived,
		generated: true,
		shipmentFingerprint: fingerprint,
	};
}
