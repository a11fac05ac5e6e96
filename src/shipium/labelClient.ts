/**
 * Buy a Shipium label with carrier selection: `POST {baseUrl}/api/v1/shipment/carrierselection/label`
 * (providers.md, seed 003), with the carrier filing the EEI or with the ITN of an EEI filed
 * elsewhere. A label purchase is sent at most once, like a filing: repeated only when it
 * certainly never left, or on 429 + Retry-After. `testMode: "true"` (void labels) is the
 * default; with `testMode: false` the field is left out (its "false" spelling is undocumented).
 */
import { checkCodes, codeRefusal, shipiumCodeFields, type CodeProblem } from '../codes';
import { InputValidationError, ProviderError } from '../errors';
import { collectProviderMessages, ITN_PATTERN, looksLikeHtml } from '../easypost/aesResponse';
import { normaliseBaseUrl } from '../http/baseUrl';
import { TransportError, type HttpPort, type HttpResponse } from '../http/port';
import { sendWithRetry } from '../http/retry';
import { CUSTOMS_INFO_PATH, validateShipiumCarrierEei, type ShipiumLabelRequest } from './carrierEei';

export const SHIPIUM_PROVIDER = 'Shipium';
export const SHIPIUM_LABEL_PATH = '/api/v1/shipment/carrierselection/label';
export const EEI_DOCUMENT_TYPE = 'electronic_export_information';

export interface CreateShipiumLabelInput {
	/** e.g. https://api.shipium.com (https only, loopback excepted). */
	baseUrl: string;
	request: ShipiumLabelRequest;
	/** Void test labels; true unless set to false explicitly. */
	testMode?: boolean;
	/** Codes accepted on purpose though missing from their code table: reported in `codeWarnings`, not refused. */
	acceptUnlistedCodes?: readonly string[];
	timeoutMs?: number;
}

/** Who files the EEI for this label, as the request says. */
export type ShipiumEeiFiling = 'carrier' | 'itn' | 'none';

export interface ShipiumEeiDocument {
	documentType: string;
	electronicallySubmitted?: boolean;
	documentFormat?: string;
	documentExpiration?: string;
	[field: string]: unknown;
}

export interface ShipiumLabelResult {
	/** Shipium's label response as received. */
	response: Record<string, unknown>;
	eeiFiling: ShipiumEeiFiling;
	/** The ITN handed to Shipium, when the EEI was filed elsewhere. */
	itn?: string;
	/** `carrierLabel.internationalDocuments` of type electronic_export_information. */
	eeiDocuments: ShipiumEeiDocument[];
	/** True when every EEI document says it was electronically submitted (false when there is none). */
	eeiElectronicallySubmitted: boolean;
	testMode: boolean;
	httpStatus: number;
	/** Codes of a carrier-filed EEI that may be wrong but did not stop the label (possibly incomplete table, or accepted on purpose). */
	codeWarnings: CodeProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function eeiFilingOf(request: ShipiumLabelRequest): { filing: ShipiumEeiFiling; itn?: string } {
	const customs = request.shipmentParameters?.customsInfo;
	if (!isRecord(customs)) return { filing: 'none' };
	const itn = customs.aesInternalTransactionNumber;
	if (itn !== undefined && itn !== null) return { filing: 'itn', itn: String(itn).trim() };
	const items = Array.isArray(customs.customsItems) ? customs.customsItems : [];
	const carrierBlocks =
		customs.electronicExportInformation !== undefined ||
		items.some((item) => isRecord(item) && item.electronicExportCommodityInformation !== undefined);
	return { filing: carrierBlocks ? 'carrier' : 'none' };
}

/** Checks the EEI part of the request as far as it goes: a carrier filing completely, an ITN by its format. */
function checkedRequest(request: ShipiumLabelRequest): { request: ShipiumLabelRequest; filing: ShipiumEeiFiling; itn?: string } {
	if (!isRecord(request)) {
		throw new InputValidationError([{ path: '', message: 'the label request must be an object' }], 'Invalid Shipium label request');
	}
	const { filing, itn } = eeiFilingOf(request);
	if (filing === 'carrier') return { request: validateShipiumCarrierEei(request), filing };
	if (filing === 'itn' && !ITN_PATTERN.test(itn ?? '')) {
		throw new InputValidationError(
			[{ path: `${CUSTOMS_INFO_PATH}.aesInternalTransactionNumber`, message: 'must be an ITN: "X" followed by 14 digits' }],
			'Invalid Shipium label request',
		);
	}
	return { request, filing, itn };
}

function eeiDocuments(body: Record<string, unknown>): ShipiumEeiDocument[] {
	const label = isRecord(body.carrierLabel) ? body.carrierLabel : {};
	const documents = Array.isArray(label.internationalDocuments) ? label.internationalDocuments : [];
	return documents.filter(
		(doc): doc is ShipiumEeiDocument => isRecord(doc) && String(doc.documentType).toLowerCase() === EEI_DOCUMENT_TYPE,
	);
}

const LABEL_MAY_EXIST =
	'A label may have been created (and charged). Look the shipment up in Shipium before sending the request again.';

function httpError(response: HttpResponse): ProviderError {
	const status = response.status;
	const body = response.body;
	// Shipium's own format: `error` is the HTTP reason (kept as the code), `message` says what is wrong.
	const shipiumFormat = isRecord(body) && typeof body.message === 'string' && typeof body.error === 'string';
	const messages = shipiumFormat ? [String(body.message)] : collectProviderMessages(body);
	const code = shipiumFormat ? String(body.error) : undefined;
	const base = { provider: SHIPIUM_PROVIDER, status, code, providerMessages: messages, body };
	const detail = messages.length > 0 ? `: ${messages.slice(0, 5).join('; ')}` : '';
	if (status === 400 || status === 422) {
		return new ProviderError({
			...base,
			message: `Shipium rejected the label request (HTTP ${status})${detail}`,
			delivery: 'sent',
			hint: 'No label was bought: correct the fields named and send the request again.',
		});
	}
	if (status === 401 || status === 403) {
		return new ProviderError({
			...base,
			message: `Shipium refused the credentials (HTTP ${status})${detail}`,
			delivery: 'sent',
			hint: 'Check the Shipium API key (or OAuth client) in the credential; no label was bought.',
		});
	}
	if (status === 404) {
		return new ProviderError({
			...base,
			message: `Shipium endpoint not found (HTTP 404)${detail}`,
			delivery: 'sent',
			hint: `Check the Shipium base URL (normally https://api.shipium.com; the endpoint is POST ${SHIPIUM_LABEL_PATH}).`,
		});
	}
	if (status === 429) {
		return new ProviderError({
			...base,
			message: `Shipium is rate limiting requests (HTTP 429)${detail}`,
			delivery: 'sent',
			hint: 'No label was bought: send the request again later.',
		});
	}
	const page = looksLikeHtml(body) ? ' (an HTML page, not the API)' : '';
	return new ProviderError({
		...base,
		message: `Shipium answered HTTP ${status}${page}${detail}`,
		delivery: 'sent',
		hint: LABEL_MAY_EXIST,
	});
}

/**
 * Buys the label. Validates the EEI part first (InputValidationError, nothing sent). Resolves
 * with the response and its EEI documents; throws ProviderError for Shipium's errors
 * (`{timestamp, status, error, message, path}`), unreadable answers and transport failures.
 */
export async function createShipiumLabel(port: HttpPort, input: CreateShipiumLabelInput): Promise<ShipiumLabelResult> {
	const baseUrl = normaliseBaseUrl(input.baseUrl, 'baseUrl');
	const { request, filing, itn } = checkedRequest(input.request);
	// The carrier files what the request says: its codes are checked like a filing's.
	const codes = filing === 'carrier' ? checkCodes(shipiumCodeFields(request), { acceptUnlisted: input.acceptUnlistedCodes }) : { errors: [], warnings: [] };
	if (codes.errors.length > 0) throw codeRefusal(codes.errors);
	const testMode = input.testMode !== false;
	const body: Record<string, unknown> = { ...request };
	if (testMode) body.testMode = 'true';
	else delete body.testMode;
	let response: HttpResponse;
	try {
		response = await sendWithRetry(
			port,
			{
				method: 'POST',
				url: `${baseUrl}${SHIPIUM_LABEL_PATH}`,
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body,
				...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
			},
			{ policy: 'never-twice' },
		);
	} catch (error) {
		if (!(error instanceof TransportError)) throw error;
		throw new ProviderError({
			provider: SHIPIUM_PROVIDER,
			message: `${error.certainlyNotSent ? 'Could not reach' : 'No answer from'} Shipium (${error.kind})`,
			delivery: error.certainlyNotSent ? 'not-sent' : 'unknown',
			hint: error.certainlyNotSent ? 'Nothing was sent: send the request again once Shipium is reachable.' : LABEL_MAY_EXIST,
		});
	}
	if (response.status < 200 || response.status > 299) throw httpError(response);
	if (!isRecord(response.body)) {
		throw new ProviderError({
			provider: SHIPIUM_PROVIDER,
			status: response.status,
			message: `Shipium answered HTTP ${response.status} with a body that is not a JSON object`,
			providerMessages: collectProviderMessages(response.body),
			body: response.body,
			delivery: 'sent',
			hint: LABEL_MAY_EXIST,
		});
	}
	const documents = eeiDocuments(response.body);
	return {
		response: response.body,
		eeiFiling: filing,
		...(itn !== undefined ? { itn } : {}),
		eeiDocuments: documents,
		eeiElectronicallySubmitted: documents.length > 0 && documents.every((doc) => doc.electronicallySubmitted === true),
		testMode,
		httpStatus: response.status,
		codeWarnings: codes.warnings,
	};
}
