import simpleFiling from '../../fixtures/easypost/simple-filing.json';
import { fileEei, voidEei } from '../../../src/easypost/aesClient';
import { InputValidationError, ProviderError } from '../../../src/errors';
import { FakeHttpPort, jsonResponse, textResponse, type ScriptedAnswer } from '../../support/fakeHttpPort';

const BASE = 'https://aes.easypostenterprise.services';
const URL = `${BASE}/api/AesItrItn`;
const ITN = 'X20261121123456';

function request(changes: Record<string, unknown> = {}): Record<string, unknown> {
	return { ...structuredClone(simpleFiling), TransactionType: 'add', Environment: 'test', ...changes };
}

async function file(script: ScriptedAnswer[], input: Record<string, unknown> = request()) {
	const port = new FakeHttpPort(script);
	const outcome = await fileEei(port, { aesBaseUrl: BASE, request: input }).then(
		(result) => ({ result, error: undefined }),
		(error: unknown) => ({ result: undefined, error }),
	);
	return { port, ...outcome };
}

async function providerError(script: ScriptedAnswer[]): Promise<{ error: ProviderError; port: FakeHttpPort }> {
	const { port, error } = await file(script);
	expect(error).toBeInstanceOf(ProviderError);
	return { error: error as ProviderError, port };
}

describe('fileEei: an accepted filing', () => {
	it('POSTs the validated request to {aesBaseUrl}/api/AesItrItn once', async () => {
		const { port } = await file([jsonResponse(200, { Itn: ITN })]);
		expect(port.requests).toEqual([
			expect.objectContaining({ method: 'POST', url: URL, headers: expect.objectContaining({ 'Content-Type': 'application/json' }) }),
		]);
	});

	it('sends the normalised Delivery (10-digit code, ExportInformationCode OS)', async () => {
		const { port } = await file([jsonResponse(200, { Itn: ITN })]);
		const sent = port.requests[0].body as { Delivery: { Items: Array<Record<string, unknown>> } };
		expect(sent.Delivery.Items[0]).toMatchObject({ HarmonizedCode: '6910100010', ExportInformationCode: 'OS' });
	});

	it('returns the ITN, the proof of filing citation and the transaction it belongs to', async () => {
		const { result } = await file([jsonResponse(200, { Itn: ITN, Messages: ['Accepted'] })]);
		expect(result).toEqual({
			status: 'accepted',
			itn: ITN,
			proofOfFilingCitation: `AES ${ITN}`,
			transactionNumber: 'GloballyUniqueNo1',
			transactionType: 'add',
			environment: 'test',
			messages: ['Accepted'],
			response: { Itn: ITN, Messages: ['Accepted'] },
			httpStatus: 200,
			codeWarnings: [],
		});
	});

	it('accepts an ITN given in a plain-text answer', async () => {
		const { result } = await file([textResponse(200, `OK ${ITN}`)]);
		expect(result?.itn).toBe(ITN);
	});

	it('returns status unknown with a next step when a 2xx carries no ITN and no verdict', async () => {
		const { result } = await file([jsonResponse(202, { Status: 'Queued' })]);
		expect(result).toMatchObject({ status: 'unknown', transactionNumber: 'GloballyUniqueNo1' });
		expect(result?.nextStep).toMatch(/no ITN for GloballyUniqueNo1.*never refile under a new number/);
	});

	it('sends nothing when the request is invalid', async () => {
		const input = request();
		(input.Delivery as { Items: Array<Record<string, unknown>> }).Items[0].HarmonizedCode = '123';
		const { port, error } = await file([], input);
		expect(error).toBeInstanceOf(InputValidationError);
		expect(port.requestCount).toBe(0);
	});

	it('refuses a plain-http base URL, which would carry the key in clear', async () => {
		const port = new FakeHttpPort([]);
		await expect(fileEei(port, { aesBaseUrl: 'http://aes.example.com', request: request() })).rejects.toThrow(/https/);
		expect(port.requestCount).toBe(0);
	});
});

describe('fileEei: a rejected filing is never left pending (seed 001)', () => {
	it('turns a 400 with messages into a ProviderError carrying those messages', async () => {
		const { error } = await providerError([
			jsonResponse(400, { Errors: [{ Field: 'PortOfExportCode', Message: 'Port not valid for air' }] }),
		]);
		expect(error).toMatchObject({
			status: 400,
			code: 'AES_REJECTED',
			delivery: 'sent',
			providerMessages: ['PortOfExportCode: Port not valid for air'],
		});
	});

	it('says how to complete the errored transaction: replace under the same number, or generic filing and void', async () => {
		const { error } = await providerError([jsonResponse(400, { Messages: ['Bad'] })]);
		expect(error.hint).toMatch(/GloballyUniqueNo1 errored out and must not be left pending/);
		expect(error.hint).toMatch(/"replace" with the same EeiTransactionNumber GloballyUniqueNo1/);
		expect(error.hint).toMatch(/generic filing under GloballyUniqueNo1 and then void it/);
	});

	it('treats a 422 as a rejection', async () => {
		const { error } = await providerError([jsonResponse(422, { message: 'Unprocessable' })]);
		expect(error).toMatchObject({ status: 422, code: 'AES_REJECTED', providerMessages: ['Unprocessable'] });
	});

	it('treats a 200 whose status says rejected as a rejection', async () => {
		const { error } = await providerError([jsonResponse(200, { Status: 'Rejected', Messages: ['Port 2095 not valid for truck'] })]);
		expect(error).toMatchObject({ status: 200, code: 'AES_REJECTED', providerMessages: ['Port 2095 not valid for truck'] });
	});

	it('recognises a duplicate transaction number: the first filing may be another shipment, so it says to look it up, not to replace it', async () => {
		const { error } = await providerError([
			jsonResponse(400, { Messages: [{ Field: 'EeiTransactionNumber', Message: 'GloballyUniqueNo1 was already used' }] }),
		]);
		expect(error).toMatchObject({ code: 'AES_DUPLICATE_TRANSACTION', delivery: 'sent' });
		expect(error.hint).toMatch(/already exists.*may be another shipment's filing.*look it up in ACE.*Do not replace it blindly/);
	});

	it('keeps the provider body on the error', async () => {
		const body = { Messages: ['Bad'] };
		const { error } = await providerError([jsonResponse(400, body)]);
		expect(error.body).toEqual(body);
	});
});

describe('fileEei: provider errors', () => {
	it('explains a 401: a production key is needed, test filings included', async () => {
		const { error } = await providerError([jsonResponse(401, { message: 'Unauthorized' })]);
		expect(error).toMatchObject({ status: 401, code: 'AES_UNAUTHORIZED', delivery: 'sent' });
		expect(error.hint).toMatch(/production API key/);
	});

	it('explains a 403: beta access is granted per API key', async () => {
		const { error } = await providerError([jsonResponse(403, { message: 'Forbidden' })]);
		expect(error).toMatchObject({ status: 403, code: 'AES_FORBIDDEN' });
		expect(error.hint).toMatch(/per API key/);
	});

	it('explains a 404: the base URL or endpoint is wrong', async () => {
		const { error } = await providerError([textResponse(404, 'Not Found')]);
		expect(error).toMatchObject({ status: 404, code: 'AES_NOT_FOUND' });
		expect(error.hint).toMatch(/\/api\/AesItrItn/);
	});

	it('gives up on a 429 without Retry-After after one request, saying nothing was filed', async () => {
		const { error, port } = await providerError([jsonResponse(429, { message: 'Too many' })]);
		expect(error).toMatchObject({ status: 429, code: 'AES_RATE_LIMITED' });
		expect(error.message).toMatch(/nothing was filed/);
		expect(port.requestCount).toBe(1);
	});

	it.each([500, 503])('reports HTTP %i as a server error that may have filed, to check before refiling', async (status) => {
		const { error, port } = await providerError([jsonResponse(status, { message: 'boom' })]);
		expect(error).toMatchObject({ status, code: 'AES_SERVER_ERROR', delivery: 'sent' });
		expect(error.hint).toMatch(/look up transaction GloballyUniqueNo1 in ACE/);
		expect(port.requestCount).toBe(1);
	});

	it('reports malformed JSON in a 200 as such, with the check-before-refiling hint', async () => {
		const { error } = await providerError([
			{ status: 200, headers: { 'content-type': 'application/json' }, body: '{"Itn": "X2026' },
		]);
		expect(error).toMatchObject({ code: 'AES_MALFORMED_RESPONSE', delivery: 'sent' });
		expect(error.hint).toMatch(/Do not file again blindly/);
	});

	it('reports an HTML error page by its title', async () => {
		const { error } = await providerError([
			textResponse(502, '<html><head><title>502 Bad Gateway</title></head><body></body></html>', 'text/html'),
		]);
		expect(error).toMatchObject({ status: 502, providerMessages: ['502 Bad Gateway'] });
		expect(error.message).toMatch(/HTML page/);
	});

	it('reports a 200 HTML page without ITN (a proxy or login page) as unexpected', async () => {
		const { error } = await providerError([textResponse(200, '<html><title>Sign in</title></html>', 'text/html')]);
		expect(error).toMatchObject({ code: 'AES_UNEXPECTED_RESPONSE', providerMessages: ['Sign in'] });
	});
});

describe('fileEei: the filing is never sent twice (never-twice policy)', () => {
	it('does not POST again after a timeout, and says the outcome is unknown', async () => {
		const { error, port } = await providerError([{ transportError: 'timeout' }, jsonResponse(200, { Itn: ITN })]);
		expect(port.requestCount).toBe(1);
		expect(error).toMatchObject({ code: 'AES_NO_RESPONSE', delivery: 'unknown' });
		expect(error.hint).toMatch(/Do not file again blindly: look up transaction GloballyUniqueNo1/);
	});

	it('does not POST again after a connection reset', async () => {
		const { error, port } = await providerError([{ transportError: 'reset' }, jsonResponse(200, { Itn: ITN })]);
		expect(port.requestCount).toBe(1);
		expect(error.delivery).toBe('unknown');
	});

	it('retries once after a refused connection, which certainly sent nothing', async () => {
		const { result, port } = await file([{ transportError: 'refused' }, jsonResponse(200, { Itn: ITN })]);
		expect(port.requestCount).toBe(2);
		expect(result?.itn).toBe(ITN);
	});

	it('retries a 429 that says when to come back, after waiting that long', async () => {
		const { result, port } = await file([
			jsonResponse(429, { message: 'slow down' }, { 'retry-after': '3' }),
			jsonResponse(200, { Itn: ITN }),
		]);
		expect(port.requestCount).toBe(2);
		expect(port.sleeps).toEqual([3000]);
		expect(result?.status).toBe('accepted');
	});

	it('reports a DNS failure that persists as not sent, safe to send again', async () => {
		const { error, port } = await providerError([
			{ transportError: 'dns' },
			{ transportError: 'dns' },
			{ transportError: 'dns' },
			{ transportError: 'dns' },
		]);
		expect(port.requestCount).toBe(4);
		expect(error).toMatchObject({ code: 'AES_UNREACHABLE', delivery: 'not-sent' });
	});

	it('does not POST again after a 503, even with Retry-After', async () => {
		const { port } = await providerError([
			jsonResponse(503, { message: 'busy' }, { 'retry-after': '1' }),
			jsonResponse(200, { Itn: ITN }),
		]);
		expect(port.requestCount).toBe(1);
	});
});

describe('voidEei', () => {
	it('sends a minimal void under the transaction number when only the number is known', async () => {
		const port = new FakeHttpPort([jsonResponse(200, { Status: 'Success' })]);
		const result = await voidEei(port, { aesBaseUrl: BASE, transactionNumber: 'GloballyUniqueNo1' });
		expect(port.requests[0].body).toEqual({
			Delivery: { International: { EeiTransactionNumber: 'GloballyUniqueNo1' } },
			TransactionType: 'void',
			Environment: 'test',
		});
		expect(result).toMatchObject({ status: 'accepted', transactionType: 'void', transactionNumber: 'GloballyUniqueNo1' });
	});

	it('sends the filed Delivery whole when it is given', async () => {
		const port = new FakeHttpPort([jsonResponse(200, { Status: 'Voided', Itn: ITN })]);
		const result = await voidEei(port, { aesBaseUrl: BASE, delivery: structuredClone(simpleFiling.Delivery), environment: 'production' });
		expect(port.requests[0].body).toMatchObject({ TransactionType: 'void', Environment: 'production', Delivery: { Reference: 'ABC123' } });
		expect(result.proofOfFilingCitation).toBeUndefined();
	});

	it('refuses a transaction number that differs from the Delivery it voids', async () => {
		const port = new FakeHttpPort([]);
		await expect(
			voidEei(port, { aesBaseUrl: BASE, delivery: structuredClone(simpleFiling.Delivery), transactionNumber: 'Other1' }),
		).rejects.toThrow(/differs/);
		expect(port.requestCount).toBe(0);
	});

	it('refuses a void without a transaction number', async () => {
		await expect(voidEei(new FakeHttpPort([]), { aesBaseUrl: BASE })).rejects.toBeInstanceOf(InputValidationError);
	});

	it('says a rejected void leaves the filing standing', async () => {
		const port = new FakeHttpPort([jsonResponse(400, { Messages: ['Unknown SRN'] })]);
		const error = await voidEei(port, { aesBaseUrl: BASE, transactionNumber: 'GloballyUniqueNo1' }).catch((e: unknown) => e);
		expect(error).toMatchObject({ code: 'AES_REJECTED' });
		expect((error as ProviderError).hint).toMatch(/the filing still stands/);
	});
});

describe('fileEei: codes are checked against the AES code tables before anything is sent', () => {
	function withItem(change: (delivery: Record<string, any>) => void): Record<string, unknown> { // eslint-disable-line @typescript-eslint/no-explicit-any
		const input = request();
		change((input as { Delivery: Record<string, any> }).Delivery); // eslint-disable-line @typescript-eslint/no-explicit-any
		return input;
	}

	async function refused(input: Record<string, unknown>) {
		const port = new FakeHttpPort([jsonResponse(200, { Itn: ITN })]);
		const error = await fileEei(port, { aesBaseUrl: BASE, request: input }).catch((e: unknown) => e);
		return { error: error as InputValidationError, sent: port.requests.length };
	}

	it('refuses an unknown port of export and sends nothing', async () => {
		const { error, sent } = await refused(withItem((d) => (d.International.PortOfExportCode = '9999')));
		expect(sent).toBe(0);
		expect(error).toBeInstanceOf(InputValidationError);
		expect(error.issues).toEqual([{ path: 'Delivery.International.PortOfExportCode', message: expect.stringMatching(/"9999" is not in the Schedule D ports of export/) }]);
		expect(error.message).toMatch(/nothing was sent/);
	});

	it('refuses an unknown export information code and sends nothing', async () => {
		const { error, sent } = await refused(withItem((d) => (d.Items[0].ExportInformationCode = 'ZZ')));
		expect(sent).toBe(0);
		expect(error.issues).toEqual([{ path: 'Delivery.Items[0].ExportInformationCode', message: expect.stringMatching(/"ZZ" is not in the export information codes \(ACE AESTIR Appendix E\)/) }]);
	});

	it('refuses a Schedule B / HTS number whose HS subheading does not exist and sends nothing', async () => {
		const { error, sent } = await refused(withItem((d) => (d.Items[0].HarmonizedCode = '6910.99.0010')));
		expect(sent).toBe(0);
		expect(error.issues).toEqual([{ path: 'Delivery.Items[0].HarmonizedCode', message: expect.stringMatching(/6910\.99 is not a subheading of HS 2022/) }]);
	});

	it('refuses a license code AES has withdrawn (C32, NLR, withdrawn by BIS in 2016) and sends nothing', async () => {
		const { error, sent } = await refused(withItem((d) => (d.Items[0].LicenseCode = 'C32')));
		expect(sent).toBe(0);
		expect(error.issues).toEqual([{ path: 'Delivery.Items[0].LicenseCode', message: expect.stringMatching(/"C32" is withdrawn from AES/) }]);
	});

	it('refuses a license code that is not of the Appendix F form (agency letter and two digits) and sends nothing', async () => {
		const { error, sent } = await refused(withItem((d) => (d.Items[0].LicenseCode = 'NLR')));
		expect(sent).toBe(0);
		expect(error.issues).toEqual([{ path: 'Delivery.Items[0].LicenseCode', message: expect.stringMatching(/"NLR" is not a license code: AESTIR Appendix F codes are an agency letter and two digits/) }]);
	});

	it('refuses an express courier facility for a vessel shipment and sends nothing', async () => {
		const port = new FakeHttpPort([jsonResponse(200, { Itn: ITN })]);
		const input = withItem((d) => (d.ShippingOptions = { ConveyanceCode: 'MAEU', ConveyanceName: 'Maersk Kentucky' }));
		const error = await fileEei(port, { aesBaseUrl: BASE, request: input, modeOfTransport: 'vessel' }).catch((e: unknown) => e);
		expect(port.requests).toHaveLength(0);
		expect((error as InputValidationError).issues[0].message).toMatch(/2095 \(FEDERAL EXPRESS\) is an express courier facility: it fits air shipments, not vessel/);
	});

	it('files a code accepted on purpose and reports it in codeWarnings', async () => {
		const port = new FakeHttpPort([jsonResponse(200, { Itn: ITN })]);
		const input = withItem((d) => (d.International.PortOfExportCode = '9999'));
		const result = await fileEei(port, { aesBaseUrl: BASE, request: input, acceptUnlistedCodes: ['9999'] });
		expect(port.requests).toHaveLength(1);
		expect(result.codeWarnings).toEqual([expect.objectContaining({ field: 'Delivery.International.PortOfExportCode', value: '9999', table: 'portsOfExport' })]);
	});

	it('files a unit missing from the possibly incomplete units table with a warning, not a refusal', async () => {
		const port = new FakeHttpPort([jsonResponse(200, { Itn: ITN })]);
		const result = await fileEei(port, { aesBaseUrl: BASE, request: withItem((d) => (d.Items[0].QuantityUnitOfMeasure = 'BOX')) });
		expect(port.requests).toHaveLength(1);
		expect(result.codeWarnings.map((w) => [w.field, w.table])).toEqual([['Delivery.Items[0].QuantityUnitOfMeasure', 'unitsOfMeasure']]);
	});

	it('never blocks a void with the codes of the filing it cancels', async () => {
		const port = new FakeHttpPort([jsonResponse(200, { Status: 'Voided' })]);
		const filed = withItem((d) => (d.International.PortOfExportCode = '9999')) as { Delivery: Record<string, unknown> };
		await voidEei(port, { aesBaseUrl: BASE, delivery: filed.Delivery });
		expect(port.requests).toHaveLength(1);
	});
});
