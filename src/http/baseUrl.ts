import { InputValidationError } from '../errors';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith('.localhost');
}

/**
 * Checks a provider base URL from a credential and returns it without a trailing slash.
 * Only https is accepted, except for loopback hosts (local sandboxes, tests): an API key must
 * never travel in clear text over a network.
 */
export function normaliseBaseUrl(value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let url: URL | undefined;
	if (text !== '') {
		try {
			url = new URL(text);
		} catch {
			url = undefined;
		}
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new InputValidationError([{ path: field, message: `must be an absolute https URL, got "${text}"` }], 'Invalid credential');
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
		throw new InputValidationError(
			[{ path: field, message: `must use https (plain http is accepted only for loopback hosts), got "${url.origin}"` }],
			'Invalid credential',
		);
	}
	if (url.username || url.password) {
		throw new InputValidationError([{ path: field, message: 'must not contain a user name or password' }], 'Invalid credential');
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Whether `candidate` points at the same scheme, host and port as `base`: a bearer token may go there and nowhere else. */
export function isSameOrigin(candidate: string, base: string): boolean {
	try {
		return new URL(candidate).origin === new URL(base).origin;
	} catch {
		return false;
	}
}
