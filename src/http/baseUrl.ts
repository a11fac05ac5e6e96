import { InputValidationError, type FieldIssue } from '../errors';

/**
 * The one rule for a provider base URL from a credential, applied by the nodes, the core
 * clients and every request a credential authenticates (its Test button included): https only,
 * except plain http to a loopback host (local sandboxes); no user name or password, no query
 * and no fragment. An API key must never travel in clear text over a network.
 *
 * Loopback means what the resolver guarantees, not what a name suggests: the IP literals
 * 127.0.0.0/8 and ::1, and the name `localhost`, which the hosts file maps to loopback
 * (RFC 6761 §6.3). Other `.localhost` names (`evil.localhost`) are not in the hosts file, so
 * Node's `dns.lookup` (getaddrinfo) asks DNS for them like any other name, and DNS may answer
 * with any address: they are refused over plain http.
 */
const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['localhost', '[::1]']);
const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const HTTPS_ONLY = 'must use https (plain http is accepted only for 127.0.0.1, [::1] and localhost)';

/** Whether a URL's `hostname` (as the WHATWG parser normalised it) is a loopback host. */
export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_NAMES.has(hostname) || LOOPBACK_IPV4.test(hostname);
}

/**
 * What is wrong with `value` as a base URL, or undefined. The message never repeats the value:
 * a key pasted into the field by mistake must not reach an error, a log or an output item.
 */
export function baseUrlProblem(value: unknown): string | undefined {
	const url = parsed(value);
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return 'must be an absolute https URL, such as https://api.example.com';
	if (url.username || url.password) return 'must not contain a user name or password';
	if (url.search !== '' || url.hash !== '') return 'must not contain a query (?...) or a fragment (#...)';
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return HTTPS_ONLY;
	return undefined;
}

function parsed(value: unknown): URL | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return undefined;
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/** The field's issue, or undefined: for callers that collect every problem before throwing. */
export function baseUrlIssue(value: unknown, field: string): FieldIssue | undefined {
	const problem = baseUrlProblem(value);
	return problem === undefined ? undefined : { path: field, message: problem };
}

/** Checks a provider base URL from a credential and returns it without a trailing slash. */
export function normaliseBaseUrl(value: unknown, field: string): string {
	const issue = baseUrlIssue(value, field);
	if (issue) throw new InputValidationError([issue], 'Invalid credential');
	const url = parsed(value) as URL;
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Whether a request about to carry a credential goes where the rule allows: its URL (resolved
 * against `baseURL`, as n8n's request helpers do) is https, or http to a loopback host.
 */
export function requestUrlProblem(url: unknown, baseURL?: unknown): string | undefined {
	let target: URL;
	try {
		target = typeof baseURL === 'string' && baseURL !== '' ? new URL(String(url ?? ''), withSlash(baseURL)) : new URL(String(url));
	} catch {
		return 'is not an absolute http(s) URL';
	}
	if (target.protocol === 'https:') return undefined;
	if (target.protocol === 'http:' && isLoopbackHost(target.hostname)) return undefined;
	return target.protocol === 'http:' ? HTTPS_ONLY : 'is not an http(s) URL';
}

/** axios joins `baseURL` and a relative `url` as text; `new URL` needs the base to end with a slash to keep its path. */
function withSlash(base: string): string {
	return base.endsWith('/') ? base : `${base}/`;
}

/** Whether `candidate` points at the same scheme, host and port as `base`: a bearer token may go there and nowhere else. */
export function isSameOrigin(candidate: string, base: string): boolean {
	try {
		return new URL(candidate).origin === new URL(base).origin;
	} catch {
		return false;
	}
}
