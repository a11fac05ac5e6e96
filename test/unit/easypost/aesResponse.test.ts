import {
	collectProviderMessages,
	extractItn,
	parseAesResponse,
	proofOfFilingCitation,
} from '../../../src/easypost/aesResponse';

const ITN = 'X20261121123456';

describe('extractItn: the response shape is unpublished (providers.md), so the ITN is found anywhere', () => {
	it.each([
		['Itn', { Itn: ITN }],
		['ITN', { ITN: ITN }],
		['itn', { itn: ITN }],
		['InternalTransactionNumber', { InternalTransactionNumber: ITN }],
		['aes_internal_transaction_number', { aes_internal_transaction_number: ITN }],
	])('reads the field %s', (_name, body) => {
		expect(extractItn(body)).toBe(ITN);
	});

	it('reads an ITN nested in a result object', () => {
		expect(extractItn({ Result: { Filing: { Itn: ITN } } })).toBe(ITN);
	});

	it('reads an ITN inside a list', () => {
		expect(extractItn({ Filings: [{ Status: 'Accepted', InternalTransactionNumber: ITN }] })).toBe(ITN);
	});

	it('prefers the ITN under a known name over one quoted in a message', () => {
		expect(extractItn({ Message: 'replaces X20260101000001', Nested: { Itn: ITN } })).toBe(ITN);
	});

	it('finds an ITN under an unknown field name', () => {
		expect(extractItn({ Data: { CbpReference: ITN } })).toBe(ITN);
	});

	it('finds an ITN in a plain-text body', () => {
		expect(extractItn(`Filing accepted. ITN: ${ITN}.`)).toBe(ITN);
	});

	it('finds an ITN in an HTML body', () => {
		expect(extractItn(`<html><body><p>Your ITN is <b>${ITN}</b></p></body></html>`)).toBe(ITN);
	});

	it('ignores "X" followed by 13 digits', () => {
		expect(extractItn({ Itn: 'X2026112112345' })).toBeUndefined();
	});

	it('ignores "X" followed by 15 digits', () => {
		expect(extractItn('ref X202611211234567')).toBeUndefined();
	});

	it('ignores an X+14 digits that is part of a longer word', () => {
		expect(extractItn('ABCX20261121123456')).toBeUndefined();
	});

	it('finds nothing in an empty body', () => {
		expect(extractItn('')).toBeUndefined();
	});
});

describe('proofOfFilingCitation (15 CFR 30 Appendix B)', () => {
	it('prefixes the ITN with "AES "', () => {
		expect(proofOfFilingCitation(ITN)).toBe('AES X20261121123456');
	});

	it('refuses something that is not an ITN', () => {
		expect(() => proofOfFilingCitation('20261121123456')).toThrow(/not an ITN/);
	});
});

describe('collectProviderMessages', () => {
	it('reads a list of strings', () => {
		expect(collectProviderMessages({ Messages: ['Port of export invalid', 'Value missing'] })).toEqual([
			'Port of export invalid',
			'Value missing',
		]);
	});

	it('reads error objects with field and code', () => {
		expect(
			collectProviderMessages({ Errors: [{ Field: 'Items[0].HarmonizedCode', Message: 'Unknown code', Code: 'E123' }] }),
		).toEqual(['Items[0].HarmonizedCode: Unknown code (E123)']);
	});

	it('reads the EasyPost core error format', () => {
		expect(
			collectProviderMessages({
				error: { code: 'PARAMETER.INVALID', message: 'Wrong parameter', errors: [{ field: 'Reference', message: 'too long' }] },
			}),
		).toEqual(['Wrong parameter (PARAMETER.INVALID)', 'Reference: too long']);
	});

	it('reads ASP.NET validation problem details', () => {
		expect(
			collectProviderMessages({
				title: 'One or more validation errors occurred.',
				status: 400,
				errors: { 'Delivery.Items[0].PackQuantity': ['must be positive'] },
			}),
		).toEqual(['One or more validation errors occurred.', 'Delivery.Items[0].PackQuantity: must be positive']);
	});

	it('reads the title of an HTML error page', () => {
		expect(collectProviderMessages('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>')).toEqual([
			'502 Bad Gateway',
		]);
	});

	it('returns no messages for a body without any', () => {
		expect(collectProviderMessages({ Itn: ITN })).toEqual([]);
	});
});

describe('parseAesResponse: classifying the outcome', () => {
	it('accepts a 200 with an ITN', () => {
		expect(parseAesResponse(200, { Itn: ITN })).toEqual({ status: 'accepted', itn: ITN, messages: [], raw: { Itn: ITN } });
	});

	it('accepts a 200 text body that carries an ITN', () => {
		expect(parseAesResponse(200, `ITN ${ITN}`)).toMatchObject({ status: 'accepted', itn: ITN });
	});

	it('keeps warnings of an accepted filing', () => {
		expect(parseAesResponse(200, { Itn: ITN, Warnings: ['Value over 2500 USD'] }).messages).toEqual([
			'Value over 2500 USD',
		]);
	});

	it('rejects a 200 whose status says rejected, even with an ITN in it', () => {
		expect(parseAesResponse(200, { Status: 'Rejected', Itn: ITN })).toMatchObject({ status: 'rejected' });
	});

	it('rejects a 200 with Success false', () => {
		expect(parseAesResponse(200, { Success: false, Messages: ['Bad port'] })).toMatchObject({
			status: 'rejected',
			messages: ['Bad port'],
		});
	});

	it('rejects a 200 with an error list and no ITN', () => {
		expect(parseAesResponse(200, { Errors: [{ Message: 'Bad port' }] }).status).toBe('rejected');
	});

	it('leaves a 200 without ITN and without a verdict as unknown', () => {
		expect(parseAesResponse(200, { Status: 'Pending' }).status).toBe('unknown');
	});

	it('does not accept an add that says success but carries no ITN', () => {
		expect(parseAesResponse(200, { Status: 'Success' }).status).toBe('unknown');
	});

	it('accepts a void that says success without an ITN', () => {
		expect(parseAesResponse(200, { Status: 'Success' }, { transactionType: 'void' }).status).toBe('accepted');
	});

	it('accepts a void answered with an empty body', () => {
		expect(parseAesResponse(200, '', { transactionType: 'void' }).status).toBe('accepted');
	});

	it.each([400, 409, 422])('reads HTTP %i as rejected', (status) => {
		expect(parseAesResponse(status, { Messages: ['x'] }).status).toBe('rejected');
	});

	it.each([401, 404, 429, 500, 503])('reads HTTP %i as unknown', (status) => {
		expect(parseAesResponse(status, 'oops').status).toBe('unknown');
	});

	it('leaves a 200 HTML page without an ITN as unknown', () => {
		expect(parseAesResponse(200, '<html><title>Sign in</title></html>').status).toBe('unknown');
	});

	it('keeps the raw body', () => {
		const body = { Status: 'Pending', Extra: [1, 2] };
		expect(parseAesResponse(202, body).raw).toBe(body);
	});
});
