/**
 * EasyPost Enterprise AES (`POST /easypost-aes/api/AesItrItn`, seed 001) and the EasyPost core
 * API's `GET /easypost-api/v2/addresses` (credential test).
 *
 * The AES response and error shapes are UNPUBLISHED: the ones below are this sandbox's guess,
 *   accepted: 200 { Status: "Accepted", TransactionType, EeiTransactionNumber, Itn, Environment, Messages: [] }
 *   rejected: 400 { Status: "Rejected", TransactionType, EeiTransactionNumber, Messages: [{ Field, Message }] }
 * Authentication errors use the core API's documented `{ error: { code, message, errors } }`.
 */
import { isNonEmptyText, isRecord, parseJson, type SandboxRequest, type SandboxResponse } from './http';
import type { SandboxKeys } from './keys';

export interface AesMessage {
	Field: string;
	Message: string;
}

export interface AesFiling {
	eeiTransactionNumber: string;
	itn: string;
	environment: 'test' | 'production';
	/** 'filed' after an accepted add or replace; 'voided' after an accepted void. */
	status: 'filed' | 'voided';
	/** Accepted transactions in order ('add', then 'replace'..., maybe 'void'). */
	history: { transactionType: string; at: string }[];
}

export interface AesState {
	/** Filing POSTs received per transaction number (accepted or not): a retried filing shows here. */
	received: Record<string, number>;
	/** Accepted transmissions (add, replace, void) per transaction number. */
	accepted: Record<string, number>;
	/** Rejected transmissions per transaction number ('' when the request had none). */
	rejected: Record<string, number>;
	filings: Record<string, AesFiling>;
	/** Core API credential checks answered (any outcome). */
	addressRequests: number;
}

export function createAesState(): AesState {
	return { received: {}, accepted: {}, rejected: {}, filings: {}, addressRequests: 0 };
}

interface AesContext {
	state: AesState;
	keys: SandboxKeys;
	now: () => number;
	/** Next ITN sequence number (1..999999), shared by the sandbox. */
	nextSequence: () => number;
}

const TRANSACTION_NUMBER = /^[A-Za-z0-9]{1,17}$/;
const EXPORTING_COUNTRIES = new Set(['US', 'PR', 'VI']);
const EIN = /^(\d{2}-\d{7}|\d{9})$/;

/** EasyPost core error body (docs.easypost.com/docs/errors). */
function easyPostError(status: number, code: string, message: string): SandboxResponse {
	return { status, body: { error: { code, message, errors: [] } } };
}

type KeyCheck = { ok: true; key: string } | { ok: false; response: SandboxResponse };

/** Basic auth with the API key as user name and an empty password (seed 001: as the core API). */
function checkKey(req: SandboxRequest, ctx: AesContext, allowTestKey: boolean): KeyCheck {
	const header = req.headers.authorization;
	if (typeof header !== 'string' || header.trim() === '') {
		return { ok: false, response: easyPostError(401, 'APIKEY.REQUIRED', 'Authentication required: send the API key with HTTP Basic.') };
	}
	const match = /^Basic\s+(\S+)$/i.exec(header.trim());
	const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
	const key = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : '';
	if (key === ctx.keys.easyPostApiKey) return { ok: true, key };
	if (key === ctx.keys.easyPostTestKey) {
		if (allowTestKey) return { ok: true, key };
		return {
			ok: false,
			response: easyPostError(403, 'APIKEY.PRODUCTION_REQUIRED', 'AES filing needs a production API key; use Environment "test" for test filings.'),
		};
	}
	return { ok: false, response: easyPostError(401, 'APIKEY.INVALID', 'The API key is not valid.') };
}

/** `GET /v2/addresses`: the cheapest authenticated read, used to test a credential. */
export function handleEasyPostApi(req: SandboxRequest, ctx: AesContext): SandboxResponse {
	if (req.path !== '/v2/addresses') return easyPostError(404, 'NOT_FOUND', `No route for ${req.method} ${req.path} in the sandbox.`);
	if (req.method !== 'GET') return easyPostError(405, 'METHOD.NOT_ALLOWED', 'Only GET is supported here.');
	ctx.state.addressRequests += 1;
	const auth = checkKey(req, ctx, true);
	if (!auth.ok) return auth.response;
	return { status: 200, body: { addresses: [], has_more: false } };
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** A 4-digit Schedule D port. The sandbox treats district "00" and the 99xx block as not in Schedule D. */
function portOfExportIssue(port: unknown): string | undefined {
	if (typeof port !== 'string' || !/^\d{4}$/.test(port.trim())) return 'must be a 4-digit Schedule D port code';
	if (port.startsWith('00') || port.startsWith('99')) return `"${port}" is not a port in Schedule D (ACE AESTIR Appendix D)`;
	return undefined;
}

function checkParty(value: unknown, field: string, messages: AesMessage[]): Record<string, unknown> | undefined {
	if (!isRecord(value)) {
		messages.push({ Field: field, Message: `${field.split('.').pop()} is required` });
		return undefined;
	}
	if (!isNonEmptyText(value.Company) && !isNonEmptyText(value.Contact)) {
		messages.push({ Field: `${field}.Company`, Message: 'Company or Contact is required' });
	}
	if (!/^[A-Z]{2}$/.test(text(value.Country))) {
		messages.push({ Field: `${field}.Country`, Message: 'must be a 2-letter ISO country code' });
	}
	return value;
}

/** What a strict filer checks on an add or replace. Field paths are as sent, e.g. `Delivery.Items[0].HarmonizedCode`. */
function deliveryIssues(delivery: Record<string, unknown>): AesMessage[] {
	const messages: AesMessage[] = [];
	const shipper = checkParty(delivery.Shipper, 'Delivery.Shipper', messages);
	if (shipper) {
		if (!EXPORTING_COUNTRIES.has(text(shipper.Country))) {
			messages.push({ Field: 'Delivery.Shipper.Country', Message: 'the USPPI must be in the US, PR or VI' });
		}
		const payor = isRecord(shipper.Payor) ? shipper.Payor : {};
		const taxIds = Array.isArray(payor.TaxIds) ? payor.TaxIds : [];
		const ein = taxIds.find((id) => isRecord(id) && text(id.TaxIdType ?? 'E').toUpperCase() === 'E');
		if (!isRecord(ein) || !EIN.test(text(ein.Number))) {
			messages.push({ Field: 'Delivery.Shipper.Payor.TaxIds', Message: 'the USPPI EIN (TaxIdType "E", NN-NNNNNNN) is required' });
		}
	}
	const shipTo = checkParty(delivery.ShipTo, 'Delivery.ShipTo', messages);
	if (delivery.SoldTo !== undefined) checkParty(delivery.SoldTo, 'Delivery.SoldTo', messages);

	const international = isRecord(delivery.International) ? delivery.International : {};
	const portField = international.PortOfExportCode !== undefined ? 'PortOfExportCode' : 'PortOfExport';
	const portIssue = portOfExportIssue(international.PortOfExportCode ?? international.PortOfExport);
	if (portIssue) messages.push({ Field: `Delivery.International.${portField}`, Message: portIssue });
	const destination = text((isRecord(delivery.SoldTo) ? delivery.SoldTo : shipTo)?.Country);
	if (international.PortOfUnloading !== undefined && !/^\d{5}$/.test(text(international.PortOfUnloading))) {
		messages.push({ Field: 'Delivery.International.PortOfUnloading', Message: 'must be a 5-digit port code' });
	} else if (destination === 'PR' && international.PortOfUnloading === undefined) {
		messages.push({ Field: 'Delivery.International.PortOfUnloading', Message: 'is required for shipments to Puerto Rico' });
	}

	const options = isRecord(delivery.ShippingOptions) ? delivery.ShippingOptions : {};
	if (options.ConveyanceCode !== undefined && !/^[A-Za-z0-9]{2,4}$/.test(text(options.ConveyanceCode))) {
		messages.push({ Field: 'Delivery.ShippingOptions.ConveyanceCode', Message: 'must be an IATA (2-3) or SCAC (4) code' });
	}

	if (!Array.isArray(delivery.Items) || delivery.Items.length === 0) {
		messages.push({ Field: 'Delivery.Items', Message: 'at least one item is required' });
		return messages;
	}
	delivery.Items.forEach((item: unknown, i) => {
		const at = `Delivery.Items[${i}]`;
		if (!isRecord(item)) {
			messages.push({ Field: at, Message: 'must be an object' });
			return;
		}
		if (item.HarmonizedCode === undefined || item.HarmonizedCode === '') {
			messages.push({ Field: `${at}.HarmonizedCode`, Message: 'is required' });
		} else if (!/^\d{10}$/.test(String(item.HarmonizedCode).replace(/[^0-9A-Za-z]/g, ''))) {
			messages.push({ Field: `${at}.HarmonizedCode`, Message: 'must have 10 digits (punctuation is ignored)' });
		}
		const value = isRecord(item.UnitValue) ? item.UnitValue.Amount : undefined;
		if (typeof value !== 'number' || !(value > 0)) {
			messages.push({ Field: `${at}.UnitValue.Amount`, Message: 'must be a positive number' });
		}
		const weight = isRecord(item.UnitWeight) ? item.UnitWeight.Amount : undefined;
		if (typeof weight !== 'number' || weight < 0) {
			messages.push({ Field: `${at}.UnitWeight.Amount`, Message: 'must be a number of at least 0' });
		}
		if (!Number.isInteger(item.PackQuantity) || (item.PackQuantity as number) < 1) {
			messages.push({ Field: `${at}.PackQuantity`, Message: 'must be a whole number of at least 1' });
		}
		if (!isNonEmptyText(item.Description)) messages.push({ Field: `${at}.Description`, Message: 'is required' });
	});
	return messages;
}

function formatItn(now: number, sequence: number): string {
	const date = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
	return `X${date}${String(sequence).padStart(6, '0')}`;
}

/** `POST /api/AesItrItn`: add, replace or void one EEI filing. */
export function handleEasyPostAes(req: SandboxRequest, ctx: AesContext): SandboxResponse {
	if (req.path !== '/api/AesItrItn') return easyPostError(404, 'NOT_FOUND', `No route for ${req.method} ${req.path} in the sandbox.`);
	if (req.method !== 'POST') return easyPostError(405, 'METHOD.NOT_ALLOWED', 'Only POST is supported here.');
	const auth = checkKey(req, ctx, false);
	if (!auth.ok) return auth.response;

	const body = parseJson(req.body);
	const reject = (transactionType: string, number: string, messages: AesMessage[]): SandboxResponse => {
		ctx.state.rejected[number] = (ctx.state.rejected[number] ?? 0) + 1;
		return {
			status: 400,
			body: { Status: 'Rejected', TransactionType: transactionType, EeiTransactionNumber: number || null, Messages: messages },
		};
	};
	if (!isRecord(body)) return reject('', '', [{ Field: '', Message: 'The body must be a JSON object {Delivery, TransactionType, Environment}' }]);

	const delivery = isRecord(body.Delivery) ? body.Delivery : undefined;
	const international = delivery && isRecord(delivery.International) ? delivery.International : {};
	const number = text(international.EeiTransactionNumber);
	const transactionType = text(body.TransactionType);
	if (number !== '') ctx.state.received[number] = (ctx.state.received[number] ?? 0) + 1;

	const messages: AesMessage[] = [];
	if (!['add', 'replace', 'void'].includes(transactionType)) {
		messages.push({ Field: 'TransactionType', Message: 'must be one of "add", "replace", "void"' });
	}
	const environmentText = body.Environment === undefined ? 'test' : text(body.Environment).toLowerCase();
	if (environmentText !== 'test' && environmentText !== 'production') {
		messages.push({ Field: 'Environment', Message: 'must be "test" or "production"' });
	}
	if (!delivery) {
		messages.push({ Field: 'Delivery', Message: 'Delivery is required' });
		return reject(transactionType, number, messages);
	}
	if (number === '') {
		messages.push({ Field: 'Delivery.International.EeiTransactionNumber', Message: 'is required' });
	} else if (!TRANSACTION_NUMBER.test(number)) {
		messages.push({ Field: 'Delivery.International.EeiTransactionNumber', Message: 'must be 1 to 17 letters and digits' });
	}
	if (transactionType === 'add' || transactionType === 'replace') messages.push(...deliveryIssues(delivery));
	if (messages.length > 0) return reject(transactionType, number, messages);

	const existing = ctx.state.filings[number];
	const field = 'Delivery.International.EeiTransactionNumber';
	if (transactionType === 'add' && existing) {
		return reject(transactionType, number, [
			{ Field: field, Message: `"${number}" was already used (ITN ${existing.itn}); it must be unique for ever` },
		]);
	}
	if (transactionType !== 'add' && !existing) {
		return reject(transactionType, number, [{ Field: field, Message: `no filing with "${number}" to ${transactionType}` }]);
	}
	if (transactionType !== 'add' && existing?.status === 'voided') {
		return reject(transactionType, number, [{ Field: field, Message: `the filing "${number}" was voided` }]);
	}

	const now = ctx.now();
	const at = new Date(now).toISOString();
	const environment = environmentText as 'test' | 'production';
	let filing: AesFiling;
	if (transactionType === 'add') {
		filing = { eeiTransactionNumber: number, itn: formatItn(now, ctx.nextSequence()), environment, status: 'filed', history: [] };
		ctx.state.filings[number] = filing;
	} else {
		filing = existing as AesFiling;
		// A correction keeps the shipment's ITN; a void cancels it.
		if (transactionType === 'void') filing.status = 'voided';
	}
	filing.history.push({ transactionType, at });
	ctx.state.accepted[number] = (ctx.state.accepted[number] ?? 0) + 1;
	return {
		status: 200,
		body: {
			Status: 'Accepted',
			TransactionType: transactionType,
			EeiTransactionNumber: number,
			Itn: filing.itn,
			Environment: filing.environment,
			Messages: [],
		},
	};
}
