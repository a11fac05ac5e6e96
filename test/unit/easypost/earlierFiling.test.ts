/**
 * What keeps a duplicate answer, a replace or a void away from another shipment's filing
 * (issue 11: "a replace under N is accepted and overwrites the first shipment's filing with the
 * second's"). Seed 001: replace and void reuse the original EeiTransactionNumber.
 */
import simpleFiling from '../../fixtures/easypost/simple-filing.json';
import { fileEei } from '../../../src/easypost/aesClient';
import { aesFailureRecord, aesFailureStatus } from '../../../src/easypost/aesOutcome';
import {
	checkAmendmentTarget,
	checkNewFiling,
	provesSameShipment,
	readEarlierFiling,
	type EarlierFiling,
} from '../../../src/easypost/earlierFiling';
import { InputValidationError, ProviderError } from '../../../src/errors';
import { FakeHttpPort, jsonResponse } from '../../support/fakeHttpPort';

const ITN = 'X20261123000001';
const OTHER_ITN = 'X20261207000002';
const FINGERPRINT = 'a'.repeat(64);

function record(changes: Partial<EarlierFiling> = {}): EarlierFiling {
	return { transactionNumber: 'PO7781N', status: 'accepted', itn: ITN, shipmentFingerprint: FINGERPRINT, transactionType: 'add', ...changes };
}

describe('readEarlierFiling: File EEI\'s record on an item', () => {
	it('reads aes from an output item', () => {
		expect(readEarlierFiling({ aes: { transactionNumber: 'PO7781N', status: 'accepted', itn: ITN } })).toMatchObject({ transactionNumber: 'PO7781N', itn: ITN });
	});

	it('reads details.aes from an item of the error output', () => {
		expect(readEarlierFiling({ error: 'x', details: { aes: { transactionNumber: 'PO7781N', status: 'duplicate' } } })).toMatchObject({ status: 'duplicate' });
	});

	it('ignores an ITN that is not "X" and 14 digits, so a placeholder proves nothing', () => {
		expect(readEarlierFiling({ aes: { transactionNumber: 'PO7781N', itn: 'pending' } })?.itn).toBeUndefined();
	});

	it('finds nothing on an item without a transaction number', () => {
		expect(readEarlierFiling({ aes: { status: 'accepted' } })).toBeUndefined();
	});
});

describe('provesSameShipment: when a duplicate is this item\'s own shipment', () => {
	const question = { transactionNumber: 'PO7781N', shipmentFingerprint: FINGERPRINT };

	it('is proven by the record of this item\'s filing under the number, with its ITN', () => {
		expect(provesSameShipment(record({ shipmentFingerprint: undefined }), question)).toBe(true);
	});

	it('is proven by the fingerprint of the shipment filed, equal to this item\'s, when there is no ITN yet', () => {
		expect(provesSameShipment(record({ itn: undefined, status: 'unknown' }), question)).toBe(true);
	});

	it('is not proven without a record (issue 11: the standing order\'s second shipment)', () => {
		expect(provesSameShipment(undefined, question)).toBe(false);
	});

	it('is not proven by a record under another number', () => {
		expect(provesSameShipment(record({ transactionNumber: 'PO7781D' }), question)).toBe(false);
	});

	it('is not proven when the ITN AES names is not the one the item recorded', () => {
		expect(provesSameShipment(record(), { ...question, itnNamedByAes: OTHER_ITN })).toBe(false);
	});

	it('is not proven by a fingerprint of other goods', () => {
		expect(provesSameShipment(record({ itn: undefined }), { ...question, shipmentFingerprint: 'b'.repeat(64) })).toBe(false);
	});

	it('is not proven by the record of an earlier duplicate refusal that was itself unproven', () => {
		expect(provesSameShipment(record({ status: 'duplicate', itn: undefined, sameShipment: false }), question)).toBe(false);
	});

	it('is not proven by the record of an add that was not filed', () => {
		expect(provesSameShipment(record({ status: 'notFiled', itn: undefined }), question)).toBe(false);
	});
});

describe('checkAmendmentTarget: a replace or void stays on this item\'s own filing', () => {
	it('lets a replace or void through under the number the item filed under', () => {
		for (const type of ['replace', 'void'] as const) {
			expect(() => checkAmendmentTarget(type, 'PO7781N', record())).not.toThrow();
		}
	});

	it('refuses a replace under another shipment\'s number, naming the item\'s own', () => {
		expect(() => checkAmendmentTarget('replace', 'PO7781D', record())).toThrow(/filing is transaction PO7781N.*would overwrite another filing/);
	});

	it('refuses a void under another shipment\'s number', () => {
		expect(() => checkAmendmentTarget('void', 'PO7781D', record())).toThrow(/would cancel another filing/);
	});

	it('refuses a replace of a number AES refused as a duplicate when nothing proved it is this shipment (issue 11)', () => {
		expect(() => checkAmendmentTarget('replace', 'PO7781N', record({ status: 'duplicate', itn: undefined, sameShipment: false }))).toThrow(
			/refused this item's add under PO7781N as a duplicate.*overwrite another shipment's filing/,
		);
	});

	it('refuses a void of such a duplicate number too', () => {
		expect(() => checkAmendmentTarget('void', 'PO7781N', record({ status: 'duplicate', itn: undefined }))).toThrow(InputValidationError);
	});

	it('lets a replace through after a duplicate proven to be this shipment', () => {
		expect(() => checkAmendmentTarget('replace', 'PO7781N', record({ status: 'duplicate', itn: undefined, sameShipment: true }))).not.toThrow();
	});

	it('lets a replace through after a rejection: completing the errored transmission is required (seed 001)', () => {
		expect(() => checkAmendmentTarget('replace', 'PO7781N', record({ status: 'rejected', itn: undefined }))).not.toThrow();
	});

	it('refuses to replace or void an add that was never filed', () => {
		expect(() => checkAmendmentTarget('void', 'PO7781N', record({ status: 'notFiled', itn: undefined }))).toThrow(/was not filed/);
	});

	it('sends a number given on an item without a record as the user\'s explicit choice', () => {
		expect(() => checkAmendmentTarget('void', 'PO7781N', undefined)).not.toThrow();
	});
});

describe('checkNewFiling: an add never files an already filed item a second time', () => {
	it('refuses an add under a new number from an item filed under another (e.g. filed by version 1, re-run through version 2)', () => {
		expect(() => checkNewFiling('PO7781NEW', record())).toThrow(/would file this item's shipment twice: it was already filed under PO7781N \(ITN X20261123000001\)/);
	});

	it('refuses a new add after a rejection, which must be completed under its own number (seed 001)', () => {
		expect(() => checkNewFiling('PO7781NEW', record({ status: 'rejected', itn: undefined }))).toThrow(/must be completed under that number/);
	});

	it('lets the same number through: AES then answers duplicate, proven by the record', () => {
		expect(() => checkNewFiling('PO7781N', record())).not.toThrow();
	});

	it('lets an add through after a duplicate refusal or an add that was not filed', () => {
		for (const status of ['duplicate', 'notFiled']) expect(() => checkNewFiling('PO7781NEW', record({ status }))).not.toThrow();
	});
});

describe('aesFailureStatus: what a failure means for the filing (moved from the node, issue 13)', () => {
	const error = (code: string | undefined, delivery: 'sent' | 'not-sent' | 'unknown' = 'sent') =>
		new ProviderError({ provider: 'EasyPost AES', message: 'm', code, delivery });

	it('reads a rejection as rejected: the transmission must be completed (seed 001)', () => {
		expect(aesFailureStatus(error('AES_REJECTED'))).toBe('rejected');
	});

	it('reads a duplicate transaction number as duplicate', () => {
		expect(aesFailureStatus(error('AES_DUPLICATE_TRANSACTION'))).toBe('duplicate');
	});

	it('reads a bad key, a wrong URL, a rate limit and an unreachable AES as notFiled', () => {
		for (const code of ['AES_UNAUTHORIZED', 'AES_FORBIDDEN', 'AES_NOT_FOUND', 'AES_RATE_LIMITED', 'AES_UNREACHABLE']) {
			expect({ code, status: aesFailureStatus(error(code)) }).toEqual({ code, status: 'notFiled' });
		}
	});

	it('reads a timeout, a 5xx or an unreadable answer as unknown: it may have been filed', () => {
		for (const code of ['AES_NO_RESPONSE', 'AES_SERVER_ERROR', 'AES_MALFORMED_RESPONSE']) {
			expect({ code, status: aesFailureStatus(error(code, 'unknown')) }).toEqual({ code, status: 'unknown' });
		}
	});

	it('reads any other error that certainly never left as notFiled', () => {
		expect(aesFailureStatus(error(undefined, 'not-sent'))).toBe('notFiled');
	});

	it('reads a request refused by the code tables before sending as notFiled, naming the field and keeping the number unused', () => {
		const refused = new InputValidationError([{ path: 'Delivery.International.PortOfExportCode', message: '"9999" is not in the Schedule D ports of export' }], 'Invalid AES request');
		const transaction = { transactionNumber: 'PO7781N', transactionType: 'add' as const, environment: 'test' as const };
		expect(aesFailureRecord(refused, transaction)).toMatchObject({
			status: 'notFiled',
			code: 'INVALID_REQUEST',
			itn: null,
			transactionNumber: 'PO7781N',
			messages: ['Delivery.International.PortOfExportCode: "9999" is not in the Schedule D ports of export'],
			nextStep: expect.stringMatching(/^Nothing was sent to AES\..*PO7781N is still unused/),
		});
	});

	it('records on a duplicate error item whether the item proved it is the same shipment', () => {
		const duplicate = new ProviderError({ provider: 'EasyPost AES', message: 'm', code: 'AES_DUPLICATE_TRANSACTION', delivery: 'sent', body: { Messages: [`already used (ITN ${ITN})`] } });
		const transaction = { transactionNumber: 'PO7781N', transactionType: 'add' as const, environment: 'test' as const, shipmentFingerprint: FINGERPRINT };
		expect(aesFailureRecord(duplicate, transaction)).toMatchObject({ status: 'duplicate', sameShipment: false, shipmentFingerprint: FINGERPRINT });
		expect(aesFailureRecord(duplicate, { ...transaction, earlier: record() })).toMatchObject({ sameShipment: true });
	});

	it('names on a duplicate error item the ITN of the filing that holds the number, when AES names it, without making it this item\'s ITN', () => {
		const duplicate = new ProviderError({ provider: 'EasyPost AES', message: 'm', code: 'AES_DUPLICATE_TRANSACTION', delivery: 'sent', body: { Messages: [`"PO7781N" was already used (ITN ${ITN})`] } });
		const transaction = { transactionNumber: 'PO7781N', transactionType: 'add' as const, environment: 'test' as const };
		expect(aesFailureRecord(duplicate, transaction)).toMatchObject({ status: 'duplicate', sameShipment: false, firstFilingItn: ITN, itn: null });
	});

	it('leaves firstFilingItn null on a duplicate whose refusal names no ITN and that the item does not prove', () => {
		const duplicate = new ProviderError({ provider: 'EasyPost AES', message: 'm', code: 'AES_DUPLICATE_TRANSACTION', delivery: 'sent', body: { errors: ['EeiTransactionNumber has already been used'] } });
		const transaction = { transactionNumber: 'PO7781N', transactionType: 'add' as const, environment: 'test' as const };
		expect(aesFailureRecord(duplicate, transaction)).toMatchObject({ status: 'duplicate', firstFilingItn: null });
	});
});

describe('fileEei: the duplicate answer (seed 001: the number is "a key value ... for updates or voids")', () => {
	const request = () => {
		const copy = structuredClone(simpleFiling) as { Delivery: { International: Record<string, unknown> } };
		copy.Delivery.International.EeiTransactionNumber = 'PO7781N';
		return { ...copy, TransactionType: 'add', Environment: 'test' };
	};
	const duplicateAnswer = jsonResponse(400, { Status: 'Rejected', Messages: [{ Field: 'EeiTransactionNumber', Message: `"PO7781N" was already used (ITN ${ITN})` }] });

	async function duplicateHint(input: Record<string, unknown>): Promise<string> {
		const error = await fileEei(new FakeHttpPort([duplicateAnswer]), { aesBaseUrl: 'https://aes.test', request: request(), ...input }).catch((e: unknown) => e);
		expect(error).toMatchObject({ code: 'AES_DUPLICATE_TRANSACTION' });
		return (error as ProviderError).hint ?? '';
	}

	it('suggests replace only when the item carries the earlier filing\'s ITN', async () => {
		expect(await duplicateHint({ earlier: record() })).toMatch(/it is this shipment, already filed.*send a replace under PO7781N/);
	});

	it('says to look the filing up in ACE and not to replace blindly when nothing proves it is this shipment (issue 11)', async () => {
		const hint = await duplicateHint({ shipmentFingerprint: FINGERPRINT });
		expect(hint).toMatch(/may be another shipment's filing.*look it up in ACE.*Do not replace it blindly/);
		expect(hint).not.toMatch(/send a replace/);
	});

	it('tells the item whose own earlier transmission was rejected to complete it with a replace (seed 001)', async () => {
		expect(await duplicateHint({ shipmentFingerprint: FINGERPRINT, earlier: record({ status: 'rejected', itn: undefined }) })).toMatch(
			/this shipment's own, rejected earlier.*send a replace under PO7781N/,
		);
	});

	it('does not suggest replace when the item\'s ITN is not the one AES names', async () => {
		expect(await duplicateHint({ earlier: record({ itn: OTHER_ITN }) })).toMatch(/Do not replace it blindly/);
	});
});
