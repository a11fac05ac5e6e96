/**
 * What an item proves about the filing under a transaction number, so that a duplicate answer
 * never talks a user into replacing, and Replace or Void never lands on, another shipment's
 * filing (issue 11: a standing order's second shipment, refused as a duplicate, was "replaced"
 * onto the first shipment's filing).
 *
 * The proof is the record File EEI left on the item (`aes`, on its output or error item):
 * - it names the same transaction number, and
 * - it is the record of a filing this item made (accepted, unknown or rejected; not a
 *   duplicate refusal unless that one was proven, not "notFiled"), and
 * - it carries that filing's ITN (equal to the ITN AES names, when it names one) or the
 *   fingerprint of the shipment filed (`aes.shipmentFingerprint`) equal to this item's.
 * Anything less is no proof: the number may be another shipment's.
 */
import { isRecord } from '../adapters/sourceReader';
import { InputValidationError } from '../errors';
import { ITN_PATTERN } from './aesResponse';

/** File EEI's record of an earlier attempt, as found on an item (`aes` or `details.aes`). */
export interface EarlierFiling {
	transactionNumber: string;
	/** accepted | unknown | rejected | duplicate | notFiled (File EEI's `aes.status`). */
	status?: string;
	itn?: string;
	shipmentFingerprint?: string;
	/** On a duplicate record: whether that item was proven to be the shipment filed. */
	sameShipment?: boolean;
	transactionType?: string;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The earlier filing recorded on an item's JSON (`aes`, or `details.aes` on an error-output item). */
export function readEarlierFiling(json: unknown): EarlierFiling | undefined {
	if (!isRecord(json)) return undefined;
	const aes = isRecord(json.aes) ? json.aes : isRecord(json.details) && isRecord(json.details.aes) ? json.details.aes : undefined;
	const transactionNumber = text(aes?.transactionNumber);
	if (!aes || transactionNumber === undefined) return undefined;
	const itn = text(aes.itn);
	return {
		transactionNumber,
		status: text(aes.status),
		itn: itn !== undefined && ITN_PATTERN.test(itn) ? itn : undefined,
		shipmentFingerprint: text(aes.shipmentFingerprint),
		sameShipment: aes.sameShipment === true,
		transactionType: text(aes.transactionType),
	};
}

/** Statuses of a record that is NOT a filing this item made under its number. */
const NOT_OWN_FILING = new Set(['duplicate', 'notFiled']);

export interface SameShipmentQuestion {
	/** The transaction number AES refused as a duplicate (or the one to replace or void). */
	transactionNumber: string;
	/** The fingerprint of the shipment this item would file now. */
	shipmentFingerprint?: string;
	/** The ITN of the existing filing, when AES's answer names it. */
	itnNamedByAes?: string;
}

/** Whether the item's record proves that the filing under the number is this same shipment. */
export function provesSameShipment(earlier: EarlierFiling | undefined, question: SameShipmentQuestion): boolean {
	if (!earlier || earlier.transactionNumber.toUpperCase() !== question.transactionNumber.toUpperCase()) return false;
	if (earlier.status === 'duplicate') return earlier.sameShipment === true;
	if (earlier.status !== undefined && NOT_OWN_FILING.has(earlier.status)) return false;
	if (earlier.itn !== undefined && question.itnNamedByAes !== undefined && earlier.itn !== question.itnNamedByAes) return false;
	if (earlier.itn !== undefined) return true;
	return earlier.shipmentFingerprint !== undefined && earlier.shipmentFingerprint === question.shipmentFingerprint;
}

/** What to do after AES refused an add as a duplicate, depending on whether the item proved it is the same shipment. */
export function duplicateHint(number: string, sameShipment: boolean, itn?: string, earlierStatus?: string): string {
	if (sameShipment && earlierStatus === 'rejected') {
		return (
			`A transmission under ${number} already exists and this item carries its record: it is this shipment's own, ` +
			`rejected earlier. Do not leave it pending (seed 001): correct the data and send a replace under ${number}.`
		);
	}
	if (sameShipment) {
		return (
			`A filing under ${number} already exists and this item carries its record${itn ? ` (ITN ${itn})` : ''}: it is this ` +
			`shipment, already filed. Use its ITN and do not file it again. If its data must change, send a replace under ${number}.`
		);
	}
	return (
		`A filing under ${number} already exists, and nothing on this item proves it is this shipment: it may be another ` +
		`shipment's filing, so look it up in ACE and compare it with this item first. Do not replace it blindly: a replace ` +
		`would overwrite that filing with this item's data. If it is this shipment, use its ITN. If it is another ` +
		`shipment, file this one under its own transaction number (a Reference or Transaction Number that tells the two apart).`
	);
}

/**
 * Refuses a replace or void that the item's own record shows to be aimed at a filing that is
 * not this item's: another number than the one it filed under, a number AES refused as a
 * duplicate without proof, or an add that was never filed. Without a record the number given
 * is the user's explicit choice and is sent as given.
 */
export function checkAmendmentTarget(type: 'replace' | 'void', number: string, earlier: EarlierFiling | undefined): void {
	if (!earlier) return;
	const path = 'transactionNumber';
	const subject = type === 'void' ? 'Invalid AES void' : 'Invalid AES request';
	const harm = type === 'void' ? 'cancel' : 'overwrite';
	if (earlier.transactionNumber.toUpperCase() !== number.toUpperCase()) {
		throw new InputValidationError(
			[
				{
					path,
					message:
						`this item's filing is transaction ${earlier.transactionNumber} (its aes.transactionNumber), not ${number}: ` +
						`a ${type} under ${number} would ${harm} another filing. Use ${earlier.transactionNumber}, or remove aes from the item if ${number} is truly this shipment's`,
				},
			],
			subject,
		);
	}
	if (earlier.status === 'duplicate' && earlier.sameShipment !== true) {
		throw new InputValidationError(
			[
				{
					path,
					message:
						`AES refused this item's add under ${number} as a duplicate, and nothing proved that the filing under ${number} ` +
						`is this shipment: a ${type} could ${harm} another shipment's filing. Look ${number} up in ACE first`,
				},
			],
			subject,
		);
	}
	if (earlier.status === 'notFiled') {
		throw new InputValidationError(
			[{ path, message: `this item's ${earlier.transactionType ?? 'filing'} under ${number} was not filed (aes.status "notFiled"): there is no filing of this item's to ${type}` }],
			subject,
		);
	}
}

/**
 * Refuses a new add under a number other than the one the item's record shows it was already
 * filed (or transmitted) under: that would file the shipment twice, e.g. a shipment filed by
 * File EEI version 1 and re-run through version 2, whose recipe derives another number.
 */
export function checkNewFiling(number: string, earlier: EarlierFiling | undefined): void {
	if (!earlier || earlier.transactionNumber.toUpperCase() === number.toUpperCase()) return;
	if (earlier.transactionType === 'void' || earlier.status === undefined || NOT_OWN_FILING.has(earlier.status)) return;
	const what =
		earlier.status === 'rejected'
			? `its transmission under ${earlier.transactionNumber} was rejected and must be completed under that number (seed 001: do not leave errored transmissions pending)`
			: `it was already ${earlier.status === 'accepted' ? 'filed' : 'sent, maybe filed,'} under ${earlier.transactionNumber}${earlier.itn ? ` (ITN ${earlier.itn})` : ''}`;
	throw new InputValidationError(
		[
			{
				path: 'transactionNumber',
				message:
					`an add under ${number} would file this item's shipment twice: ${what} (its aes record). ` +
					`Send a replace under ${earlier.transactionNumber}, or remove aes from the item if this is truly another shipment`,
			},
		],
		'Invalid AES request',
	);
}
