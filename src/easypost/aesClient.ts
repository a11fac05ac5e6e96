/**
 * File and void EEI through EasyPost Enterprise AES: `POST {aesBaseUrl}/api/AesItrItn`
 * (seed 001). A filing is sent at most once: it is repeated only when it certainly never left
 * (connection refused, DNS) or when AES refused it with 429 + Retry-After; never after a
 * timeout or a reset, when it may already be filed. Authentication is the port's business.
 */
import { aesDeliveryCodeFields, checkCodes, codeRefusal, deliveryModeOptions, type CodeProblem } from '../codes';
import { InputValidationError, ProviderError } from '../errors';
import { normaliseBaseUrl } from '../http/baseUrl';
import { TransportError, type HttpPort, type HttpResponse } from '../http/port';
import { sendWithRetry } from '../http/retry';
import {
	parseAesRequest,
	TRANSACTION_NUMBER_PATTERN,
	type AesEnvironment,
	type AesRequest,
	type AesTransactionType,
	type AesModeOfTransport,
} from './aesRequest';
import { looksLikeHtml, parseAesResponse, proofOfFilingCitation, type AesResponseReading } from './aesResponse';
import { duplicateVerdict } from './aesOutcome';
import { duplicateHint, type EarlierFiling } from './earlierFiling';

export const AES_PROVIDER = 'EasyPost AES';
export const DEFAULT_AES_BASE_URL = 'https://aes.easypostenterprise.services';
export const AES_FILING_PATH = '/api/AesItrItn';

export interface FileEeiInput {
	/** e.g. https://aes.easypostenterprise.services (https only, loopback excepted). */
	aesBaseUrl: string;
	/** `{ Delivery, TransactionType, Environment }`; validated with parseAesRequest before sending. */
	request: unknown;
	/** Enables the mode-specific AES rules (vessel name, carrier code, mail port). */
	modeOfTransport?: AesModeOfTransport;
	/** Codes accepted on purpose though missing from their code table: reported in `codeWarnings`, not refused. */
	acceptUnlistedCodes?: readonly string[];
	timeoutMs?: number;
	/** The fingerprint of the shipment sent (filingNumber.ts), to judge a duplicate answer. */
	shipmentFingerprint?: string;
	/** The record of an earlier attempt the item carries (earlierFiling.ts), to judge a duplicate answer. */
	earlier?: EarlierFiling;
}

/** What the caller knows that proves (or not) which shipment a duplicate number belongs to. */
type DuplicateEvidence = Pick<FileEeiInput, 'shipmentFingerprint' | 'earlier'>;

export interface FileEeiResult {
	/** accepted: AES took it (an ITN for add/replace); unknown: a 2xx that says neither yes nor no. */
	status: 'accepted' | 'unknown';
	itn?: string;
	/** `AES X20261121123456`, for the carrier and the commercial documents. */
	proofOfFilingCitation?: string;
	transactionNumber: string;
	transactionType: AesTransactionType;
	environment: AesEnvironment;
	messages: string[];
	/** The provider's body as received (keep it: AES keeps no line-item history). */
	response: unknown;
	httpStatus: number;
	/** What to do next when the outcome is not a plain acceptance. */
	nextStep?: string;
	/** Codes that may be wrong but did not stop the filing (possibly incomplete table, or accepted on purpose). */
	codeWarnings: CodeProblem[];
}

function pendingHint(number: string, type: AesTransactionType): string {
	if (type === 'void') {
		return (
			`The void of transaction ${number} was not accepted, so the filing still stands: correct the request and ` +
			`send the void again with EeiTransactionNumber ${number}.`
		);
	}
	return (
		`Transaction ${number} errored out and must not be left pending (EasyPost AES notes): correct the data and send ` +
		`it again as TransactionType "replace" with the same EeiTransactionNumber ${number}; if it cannot be corrected, ` +
		`complete it with a simple generic filing under ${number} and then void it.`
	);
}

function checkBeforeRefilingHint(number: string): string {
	return (
		`The request may have reached AES. Do not file again blindly: look up transaction ${number} in ACE (or ask ` +
		`EasyPost) first. If it was filed, keep its ITN (or replace/void it under ${number}); if not, send it again with ` +
		`the same EeiTransactionNumber ${number}, never a new one.`
	);
}

const DUPLICATE_WORDS = /duplicate|already (been )?used|already exists|not unique/i;

function isMalformedJson(response: HttpResponse): boolean {
	const type = response.headers['content-type'] ?? '';
	return /json/i.test(type) && typeof response.body === 'string' && response.body.trim() !== '';
}

function summary(messages: string[]): string {
	return messages.length > 0 ? `: ${messages.slice(0, 5).join('; ')}` : '';
}

function httpError(
	response: HttpResponse,
	reading: AesResponseReading,
	request: AesRequest,
	evidence: DuplicateEvidence = {},
): ProviderError {
	const number = request.Delivery.International.EeiTransactionNumber;
	const type = request.TransactionType;
	const what = `the ${type} of EEI transaction ${number}`;
	const base = { provider: AES_PROVIDER, status: response.status, providerMessages: reading.messages, body: response.body };
	const status = response.status;
	if (reading.status === 'rejected' && type === 'add' && reading.messages.some((m) => DUPLICATE_WORDS.test(m))) {
		// The first filing may be this shipment re-run, or another shipment that got the same number:
		// replace is suggested only when the item proves which (earlierFiling.ts).
		const verdict = duplicateVerdict(response.body, { transactionNumber: number, ...evidence });
		return new ProviderError({
			...base,
			code: 'AES_DUPLICATE_TRANSACTION',
			message: `AES refused ${what} as a duplicate${summary(reading.messages)}`,
			delivery: 'sent',
			hint: duplicateHint(number, verdict.sameShipment, verdict.itn, evidence.earlier?.status),
		});
	}
	if (reading.status === 'rejected') {
		return new ProviderError({
			...base,
			code: 'AES_REJECTED',
			message: `AES rejected ${what}${summary(reading.messages)}`,
			delivery: 'sent',
			hint: pendingHint(number, type),
		});
	}
	if (status === 401) {
		return new ProviderError({
			...base,
			code: 'AES_UNAUTHORIZED',
			message: `AES refused the API key (HTTP 401) for ${what}; nothing was filed`,
			delivery: 'sent',
			hint: 'EasyPost AES accepts only a production API key, test filings included (they use Environment "test"): check the key in the credential.',
		});
	}
	if (status === 403) {
		return new ProviderError({
			...base,
			code: 'AES_FORBIDDEN',
			message: `AES denied access (HTTP 403) for ${what}; nothing was filed`,
			delivery: 'sent',
			hint:
				'AES filing needs a production API key (test filings too) that is on the invite-only beta list, which is kept ' +
				'per API key: use the production key, and ask your EasyPost account manager to add it (child keys need adding too).',
		});
	}
	if (status === 404) {
		return new ProviderError({
			...base,
			code: 'AES_NOT_FOUND',
			message: `AES endpoint not found (HTTP 404) for ${what}; nothing was filed`,
			delivery: 'sent',
			hint: `Check the AES base URL (normally ${DEFAULT_AES_BASE_URL}; the endpoint is POST ${AES_FILING_PATH}).`,
		});
	}
	if (status === 429) {
		return new ProviderError({
			...base,
			code: 'AES_RATE_LIMITED',
			message: `AES is rate limiting requests (HTTP 429); ${what} was refused, nothing was filed`,
			delivery: 'sent',
			hint: `Send it again later with the same EeiTransactionNumber ${number}.`,
		});
	}
	const page = looksLikeHtml(response.body) ? ' (an HTML page, not the API)' : '';
	if (status >= 500) {
		return new ProviderError({
			...base,
			code: 'AES_SERVER_ERROR',
			message: `AES failed with HTTP ${status}${page} on ${what}${summary(reading.messages)}`,
			delivery: 'sent',
			hint: checkBeforeRefilingHint(number),
		});
	}
	if (status >= 200 && status <= 299) {
		return new ProviderError({
			...base,
			code: isMalformedJson(response) ? 'AES_MALFORMED_RESPONSE' : 'AES_UNEXPECTED_RESPONSE',
			message: `AES answered ${what} with ${isMalformedJson(response) ? 'malformed JSON' : `an unreadable body${page}`} and no ITN`,
			delivery: 'sent',
			hint: checkBeforeRefilingHint(number),
		});
	}
	return new ProviderError({
		...base,
		code: 'AES_HTTP_ERROR',
		message: `AES answered HTTP ${status}${page} on ${what}${summary(reading.messages)}`,
		delivery: 'sent',
		hint: checkBeforeRefilingHint(number),
	});
}

function transportError(error: TransportError, request: AesRequest): ProviderError {
	const number = request.Delivery.International.EeiTransactionNumber;
	if (error.certainlyNotSent) {
		return new ProviderError({
			provider: AES_PROVIDER,
			code: 'AES_UNREACHABLE',
			message: `Could not reach AES (${error.kind}); EEI transaction ${number} was not sent`,
			delivery: 'not-sent',
			hint: `Nothing was filed: send it again, with the same EeiTransactionNumber ${number}, once AES is reachable.`,
		});
	}
	return new ProviderError({
		provider: AES_PROVIDER,
		code: 'AES_NO_RESPONSE',
		message: `No answer from AES (${error.kind}) for EEI transaction ${number}; it may or may not have been filed`,
		delivery: 'unknown',
		hint: checkBeforeRefilingHint(number),
	});
}

/** Sends a validated request once (by the never-twice policy) and reads the answer. */
async function transmit(
	port: HttpPort,
	baseUrl: string,
	request: AesRequest,
	timeoutMs?: number,
	evidence: DuplicateEvidence = {},
): Promise<FileEeiResult> {
	let response: HttpResponse;
	try {
		response = await sendWithRetry(
			port,
			{
				method: 'POST',
				url: `${baseUrl}${AES_FILING_PATH}`,
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: request,
				...(timeoutMs !== undefined ? { timeoutMs } : {}),
			},
			{ policy: 'never-twice' },
		);
	} catch (error) {
		if (error instanceof TransportError) throw transportError(error, request);
		throw error;
	}
	const reading = parseAesResponse(response.status, response.body, { transactionType: request.TransactionType });
	const ok = response.status >= 200 && response.status <= 299;
	const garbled = looksLikeHtml(response.body) || isMalformedJson(response);
	if (!ok || reading.status === 'rejected' || (reading.status === 'unknown' && garbled)) {
		throw httpError(response, reading, request, evidence);
	}
	const number = request.Delivery.International.EeiTransactionNumber;
	const result: FileEeiResult = {
		status: reading.status,
		transactionNumber: number,
		transactionType: request.TransactionType,
		environment: request.Environment,
		messages: reading.messages,
		response: response.body,
		httpStatus: response.status,
		codeWarnings: [],
	};
	if (reading.itn !== undefined) {
		result.itn = reading.itn;
		if (request.TransactionType !== 'void') result.proofOfFilingCitation = proofOfFilingCitation(reading.itn);
	}
	if (reading.status === 'unknown') {
		result.nextStep =
			request.TransactionType === 'void'
				? `AES did not confirm the void of ${number}: check it in ACE before shipping or voiding again.`
				: `AES returned no ITN for ${number}: do not ship on this filing until its ITN is confirmed in ACE; ` +
					`never refile under a new number.`;
	}
	return result;
}

/**
 * Files (add / replace) EEI. Validates the request first (InputValidationError, nothing sent),
 * then POSTs it. Resolves with the ITN and proof of filing citation when accepted, or with
 * status "unknown" and `nextStep`; throws ProviderError on rejection (with what to do so the
 * transmission is not left pending), HTTP errors and transport failures.
 */
export async function fileEei(port: HttpPort, input: FileEeiInput): Promise<FileEeiResult> {
	const baseUrl = normaliseBaseUrl(input.aesBaseUrl, 'aesBaseUrl');
	const request = parseAesRequest(input.request, { modeOfTransport: input.modeOfTransport });
	const codes = checkCodes(aesDeliveryCodeFields(request.Delivery), {
		...deliveryModeOptions(request.Delivery, input.modeOfTransport),
		acceptUnlisted: input.acceptUnlistedCodes,
	});
	if (codes.errors.length > 0) throw codeRefusal(codes.errors);
	const result = await transmit(port, baseUrl, request, input.timeoutMs, { shipmentFingerprint: input.shipmentFingerprint, earlier: input.earlier });
	return { ...result, codeWarnings: codes.warnings };
}

export interface VoidEeiInput {
	aesBaseUrl: string;
	/** The Delivery as filed (sent whole, so that nothing the void may need is missing)... */
	delivery?: Record<string, unknown>;
	/** ...or only its EeiTransactionNumber, sent as `{ International: { EeiTransactionNumber } }`. */
	transactionNumber?: string;
	environment?: AesEnvironment;
	timeoutMs?: number;
}

/**
 * Voids a filing: TransactionType "void" under the original EeiTransactionNumber (seed 001:
 * it "must remain static"). Whether AES needs the whole Delivery for a void is not documented:
 * with `delivery` the filed Delivery is sent as it was; with only `transactionNumber` a minimal
 * Delivery carrying just the number is sent. When both are given they must agree.
 */
export async function voidEei(port: HttpPort, input: VoidEeiInput): Promise<FileEeiResult> {
	const baseUrl = normaliseBaseUrl(input.aesBaseUrl, 'aesBaseUrl');
	const given = input.transactionNumber?.trim();
	const international = (input.delivery?.International ?? {}) as Record<string, unknown>;
	const filed = typeof international.EeiTransactionNumber === 'string' ? international.EeiTransactionNumber.trim() : undefined;
	if (given === undefined && filed === undefined) {
		throw new InputValidationError(
			[{ path: 'transactionNumber', message: 'give the EeiTransactionNumber of the filing to void, or its Delivery' }],
			'Invalid AES void',
		);
	}
	if (given !== undefined && filed !== undefined && given !== filed) {
		throw new InputValidationError(
			[{ path: 'transactionNumber', message: `"${given}" differs from the Delivery's EeiTransactionNumber "${filed}"` }],
			'Invalid AES void',
		);
	}
	if (given !== undefined && !TRANSACTION_NUMBER_PATTERN.test(given)) {
		throw new InputValidationError(
			[{ path: 'transactionNumber', message: 'must be 1 to 17 letters and digits, no punctuation' }],
			'Invalid AES void',
		);
	}
	const delivery = input.delivery ?? { International: { EeiTransactionNumber: given } };
	const request = parseAesRequest({ Delivery: delivery, TransactionType: 'void', Environment: input.environment ?? 'test' });
	return transmit(port, baseUrl, request, input.timeoutMs);
}
