/**
 * What a failed AES transaction means for the filing, as File EEI and Void EEI report it on an
 * error item (`aes.status`), so that a workflow can branch on it:
 * - rejected: AES refused the data; the transmission must be completed (seed 001: "DO NOT LEAVE
 *   ERRORED-OUT TRANSMISSIONS PENDING");
 * - duplicate: the number was used before; `sameShipment` says whether the item proved that the
 *   filing under it is this shipment (earlierFiling.ts), `firstFilingItn` names that filing's ITN;
 * - notFiled: certainly nothing filed (bad key, wrong URL, rate limited, unreachable);
 * - unknown: it may have been filed: check ACE before sending again.
 */
import { InputValidationError, ProviderError } from '../errors';
import type { AesEnvironment, AesTransactionType } from './aesRequest';
import { extractItn } from './aesResponse';
import { provesSameShipment, type EarlierFiling } from './earlierFiling';

export type AesFailureStatus = 'rejected' | 'duplicate' | 'notFiled' | 'unknown';

/** Error codes of answers that certainly filed nothing (aesClient.ts says why for each). */
const NOT_FILED_CODES = new Set(['AES_UNAUTHORIZED', 'AES_FORBIDDEN', 'AES_NOT_FOUND', 'AES_RATE_LIMITED', 'AES_UNREACHABLE']);

export function aesFailureStatus(error: ProviderError): AesFailureStatus {
	if (error.code === 'AES_REJECTED') return 'rejected';
	if (error.code === 'AES_DUPLICATE_TRANSACTION') return 'duplicate';
	if (error.code !== undefined && NOT_FILED_CODES.has(error.code)) return 'notFiled';
	return error.delivery === 'not-sent' ? 'notFiled' : 'unknown';
}

/** The transaction a request was about, known before it is sent. */
export interface AesTransaction {
	transactionNumber: string;
	transactionType: AesTransactionType;
	environment: AesEnvironment;
	/** The fingerprint of the shipment sent (File EEI), recorded so that a re-run can prove itself. */
	shipmentFingerprint?: string;
	/** The record of an earlier attempt that the item carried, if any. */
	earlier?: EarlierFiling;
}

/** Whether a duplicate answer's filing is proven to be this item's shipment, and the ITN AES named. */
export function duplicateVerdict(body: unknown, transaction: Pick<AesTransaction, 'transactionNumber' | 'shipmentFingerprint' | 'earlier'>): {
	sameShipment: boolean;
	itn?: string;
} {
	const named = extractItn(body);
	const sameShipment = provesSameShipment(transaction.earlier, {
		transactionNumber: transaction.transactionNumber,
		shipmentFingerprint: transaction.shipmentFingerprint,
		itnNamedByAes: named,
	});
	return { sameShipment, itn: named ?? (sameShipment ? transaction.earlier?.itn : undefined) };
}

/** The `aes` object of an error item, or undefined for an error that is not the provider's. */
export function aesFailureRecord(error: unknown, transaction: AesTransaction): Record<string, unknown> | undefined {
	if (error instanceof InputValidationError) return refusedBeforeSending(error, transaction);
	if (!(error instanceof ProviderError)) return undefined;
	const status = aesFailureStatus(error);
	const duplicate = status === 'duplicate' ? duplicateVerdict(error.body, transaction) : undefined;
	return {
		status,
		code: error.code ?? null,
		itn: null,
		transactionNumber: transaction.transactionNumber,
		transactionType: transaction.transactionType,
		environment: transaction.environment,
		...(transaction.shipmentFingerprint !== undefined ? { shipmentFingerprint: transaction.shipmentFingerprint } : {}),
		...(duplicate
			? {
					sameShipment: duplicate.sameShipment,
					// The filing that holds the number, as AES named it (or the item's proven record): the one to look up
					// after a lost run, e.g. a worker that died mid-batch. Not this transmission's ITN: `itn` stays null.
					firstFilingItn: duplicate.itn ?? null,
				}
			: {}),
		messages: error.providerMessages,
		response: error.body ?? null,
		httpStatus: error.status ?? null,
		nextStep: error.hint ?? null,
	};
}

/** A request refused by our own checks (fields, code tables): certainly nothing reached AES. */
function refusedBeforeSending(error: InputValidationError, transaction: AesTransaction): Record<string, unknown> {
	return {
		status: 'notFiled' satisfies AesFailureStatus,
		code: 'INVALID_REQUEST',
		itn: null,
		transactionNumber: transaction.transactionNumber,
		transactionType: transaction.transactionType,
		environment: transaction.environment,
		...(transaction.shipmentFingerprint !== undefined ? { shipmentFingerprint: transaction.shipmentFingerprint } : {}),
		messages: error.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)),
		response: null,
		httpStatus: null,
		nextStep:
			`Nothing was sent to AES. Correct the fields named in messages (a code you know is right can be listed under Accept Unlisted Codes), ` +
			`then run the item again: transaction ${transaction.transactionNumber} is still unused.`,
	};
}
