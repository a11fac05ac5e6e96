/**
 * Reading the AES filing response. Its shape is unpublished (seed 001 is a beta document), so
 * nothing here depends on one layout: the ITN is looked up under the names it plausibly has,
 * then as any "X" + 14 digits anywhere in the body (JSON, text or HTML); provider messages are
 * gathered from any message/error lists; the raw body is always kept for the user's own log
 * (the AES service keeps no line-item history).
 */
import type { AesTransactionType } from './aesRequest';
import { isJsonRecord } from '../json';

export type AesFilingStatus = 'accepted' | 'rejected' | 'unknown';

export interface AesResponseReading {
	status: AesFilingStatus;
	/** The Internal Transaction Number, "X" + 14 digits, when the response carries one. */
	itn?: string;
	/** The provider's messages, in its own words ("field: message (code)" where it says so). */
	messages: string[];
	/** The body as received (parsed JSON or text). */
	raw: unknown;
}

/** ITN: "X", then the 8-digit filing date and a 6-digit sequence (15 CFR 30 Appendix B). */
export const ITN_PATTERN = /^X\d{14}$/;
const ITN_ANYWHERE = /(?<![A-Za-z0-9])X\d{14}(?!\d)/;

/** Key names (lower case, letters and digits only) under which an ITN is looked for first. */
const ITN_KEYS = new Set([
	'itn',
	'aesitn',
	'itnnumber',
	'internaltransactionnumber',
	'aesinternaltransactionnumber',
	'eeiitn',
]);
const MESSAGE_KEYS = new Set([
	'message',
	'messages',
	'error',
	'errors',
	'errormessage',
	'errormessages',
	'validationerrors',
	'validationmessages',
	'warnings',
	'responsemessages',
	'detail',
	'details',
	'title',
	'faults',
]);
const STATUS_KEYS = new Set(['status', 'result', 'state', 'filingstatus', 'responsestatus', 'outcome', 'disposition']);
const SUCCESS_FLAG_KEYS = new Set(['success', 'issuccess', 'succeeded', 'accepted', 'isaccepted']);
const REJECTED_WORDS = /reject|error|fail|denied|invalid/i;
const ACCEPTED_WORDS = /accept|success|filed|complete|voided|cancel+ed|^ok$/i;
const MAX_DEPTH = 12;
const MAX_MESSAGES = 50;

function keyName(key: string): string {
	return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}


/** Breadth-first, so that a top-level `Itn` wins over one nested deeper. */
function itnUnderKnownKey(body: unknown): string | undefined {
	let level: unknown[] = [body];
	for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
		const next: unknown[] = [];
		for (const node of level) {
			if (Array.isArray(node)) {
				next.push(...node);
			} else if (isJsonRecord(node)) {
				for (const [key, value] of Object.entries(node)) {
					if (ITN_KEYS.has(keyName(key)) && typeof value === 'string' && ITN_PATTERN.test(value.trim())) {
						return value.trim();
					}
					if (typeof value === 'object') next.push(value);
				}
			}
		}
		level = next;
	}
	return undefined;
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	try {
		return JSON.stringify(body) ?? '';
	} catch {
		return '';
	}
}

/** The ITN in a response body: under a known field name first, else the first "X" + 14 digits anywhere. */
export function extractItn(body: unknown): string | undefined {
	return itnUnderKnownKey(body) ?? bodyText(body).match(ITN_ANYWHERE)?.[0];
}

/** `AES X20261121123456`: the proof of filing citation for the carrier (15 CFR 30 Appendix B). */
export function proofOfFilingCitation(itn: string): string {
	const trimmed = itn.trim();
	if (!ITN_PATTERN.test(trimmed)) throw new Error(`"${itn}" is not an ITN ("X" followed by 14 digits)`);
	return `AES ${trimmed}`;
}

function firstString(record: Record<string, unknown>, names: string[]): string | undefined {
	for (const [key, value] of Object.entries(record)) {
		if (names.includes(keyName(key)) && (typeof value === 'string' || typeof value === 'number')) {
			const text = String(value).trim();
			if (text !== '') return text;
		}
	}
	return undefined;
}

/** One message object as "field: message (code)", whatever its members are called. */
function describeMessage(record: Record<string, unknown>): string | undefined {
	const message = firstString(record, [
		'message',
		'errormessage',
		'text',
		'description',
		'detail',
		'msg',
		'reason',
		'title',
	]);
	if (message === undefined) return undefined;
	const field = firstString(record, ['field', 'path', 'property', 'propertyname', 'membername', 'source']);
	const code = firstString(record, ['code', 'errorcode', 'messagecode']);
	return `${field ? `${field}: ` : ''}${message}${code && code !== message ? ` (${code})` : ''}`;
}

function htmlText(html: string): string[] {
	const title = html.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1];
	const heading = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i)?.[1];
	const clean = (s: string | undefined) => s?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
	return [clean(title), clean(heading)].filter((s): s is string => !!s);
}

/** Whether a text body is an HTML page (a gateway or login page rather than the API's answer). */
export function looksLikeHtml(body: unknown): boolean {
	return typeof body === 'string' && /^\s*(<!doctype html|<html|<head|<body)/i.test(body);
}

/** Messages from any reasonable error/message shape; for text bodies, the text (an HTML page's title). */
export function collectProviderMessages(body: unknown): string[] {
	const found: string[] = [];
	const add = (text: string) => {
		const trimmed = text.trim();
		if (trimmed !== '' && !found.includes(trimmed) && found.length < MAX_MESSAGES) found.push(trimmed);
	};
	if (typeof body === 'string') {
		if (looksLikeHtml(body)) htmlText(body).forEach(add);
		else add(body.length > 500 ? `${body.slice(0, 500)}...` : body);
		return found;
	}
	const visit = (node: unknown, inMessages: boolean, depth: number): void => {
		if (depth > MAX_DEPTH) return;
		if (Array.isArray(node)) {
			node.forEach((element) => visit(element, inMessages, depth + 1));
			return;
		}
		if (typeof node === 'string') {
			if (inMessages) add(node);
			return;
		}
		if (!isJsonRecord(node)) return;
		const described = inMessages ? describeMessage(node) : undefined;
		if (described !== undefined) add(described);
		for (const [key, value] of Object.entries(node)) {
			const isMessageKey = MESSAGE_KEYS.has(keyName(key));
			// A described message's own scalar members (message, code) are already in its line.
			if (described !== undefined && typeof value !== 'object') continue;
			// Inside an error container, `{ "<field>": ["<message>"] }` maps fields to messages.
			if (inMessages && described === undefined && !isMessageKey) {
				const texts = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');
				if (texts.length > 0) {
					texts.forEach((t) => add(`${key}: ${t}`));
					continue;
				}
			}
			visit(value, isMessageKey, depth + 1);
		}
	};
	visit(body, false, 0);
	return found;
}

/** What the body says about the outcome, from status words and success flags anywhere in it. */
function verdictOf(body: unknown): 'rejected' | 'accepted' | undefined {
	let rejected = false;
	let accepted = false;
	const visit = (node: unknown, depth: number): void => {
		if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
		for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
			const name = keyName(key);
			if (STATUS_KEYS.has(name) && typeof value === 'string') {
				if (REJECTED_WORDS.test(value)) rejected = true;
				else if (ACCEPTED_WORDS.test(value)) accepted = true;
			} else if (SUCCESS_FLAG_KEYS.has(name) && typeof value === 'boolean') {
				if (value) accepted = true;
				else rejected = true;
			} else if (typeof value === 'object') {
				visit(value, depth + 1);
			}
		}
	};
	visit(body, 0);
	if (rejected) return 'rejected';
	return accepted ? 'accepted' : undefined;
}

function hasErrorList(body: unknown): boolean {
	if (!isJsonRecord(body)) return false;
	return Object.entries(body).some(
		([key, value]) =>
			['errors', 'validationerrors', 'errormessages'].includes(keyName(key)) && Array.isArray(value) && value.length > 0,
	);
}

/**
 * Classifies an AES response. accepted: a 2xx that carries an ITN (add, replace) or, for a void
 * or replace, says it succeeded; rejected: 400/409/422, or a 2xx whose status, success flag or
 * error list says so; unknown: everything else (no ITN, no verdict, 5xx, an HTML page without
 * an ITN...).
 */
export function parseAesResponse(
	status: number,
	body: unknown,
	options: { transactionType?: AesTransactionType } = {},
): AesResponseReading {
	const type = options.transactionType ?? 'add';
	const itn = extractItn(body);
	const messages = collectProviderMessages(body);
	const reading = (verdict: AesFilingStatus): AesResponseReading => ({
		status: verdict,
		...(itn !== undefined ? { itn } : {}),
		messages,
		raw: body,
	});
	if (status === 400 || status === 409 || status === 422) return reading('rejected');
	if (status < 200 || status > 299) return reading('unknown');
	const verdict = verdictOf(body);
	if (verdict === 'rejected') return reading('rejected');
	if (itn !== undefined) return reading('accepted');
	if (hasErrorList(body)) return reading('rejected');
	if (type !== 'add' && verdict === 'accepted') return reading('accepted');
	if (type === 'void' && (body === '' || body === null || body === undefined)) return reading('accepted');
	return reading('unknown');
}
