/**
 * What every credential of this package does before it adds a key to a request, whoever sends
 * it (a node, n8n's credential Test button, n8n's HTTP Request node): the key is read once,
 * trimmed, and attached only to a request that the base-URL rule of `baseUrl.ts` allows.
 */
import { baseUrlProblem, requestUrlProblem } from './baseUrl';

/**
 * A key or secret as it is sent: trimmed once, where the credential is read. A key pasted with a
 * trailing space or newline would otherwise be sent as typed, and a provider that trims and echoes
 * it would echo a form that redaction of the typed form does not find.
 */
export function credentialSecret(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** The forms of one credential value that redaction must search: as stored and as sent. */
export function secretForms(value: unknown): string[] {
	if (typeof value !== 'string') return [];
	const sent = credentialSecret(value);
	return sent === value ? [value] : [value, sent];
}

/** Thrown instead of sending a credential where it must not go; it never repeats a field's value. */
export class CredentialDestinationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CredentialDestinationError';
	}
}

export interface CredentialDestination {
	/** The credential's display name, e.g. `EasyPost API`. */
	credential: string;
	/** Its base-URL fields: name in the data, label in the form. */
	baseUrlFields: ReadonlyArray<{ name: string; label: string }>;
}

interface RequestTarget {
	url?: unknown;
	/** Legacy `request` options name the URL `uri`. */
	uri?: unknown;
	baseURL?: unknown;
}

/**
 * Throws unless `request` may carry the credential: https, or plain http to a loopback host. The
 * message names the base-URL fields that break the rule (their values are never repeated: a key
 * pasted into a URL field must not reach an error).
 */
export function assertCredentialDestination(request: RequestTarget, data: Record<string, unknown>, destination: CredentialDestination): void {
	const target = request.url ?? request.uri;
	const problem = requestUrlProblem(typeof target === 'string' ? target : '', request.baseURL);
	if (problem === undefined) return;
	const broken = destination.baseUrlFields.filter((field) => baseUrlProblem(data[field.name]) !== undefined);
	const details = broken.map((field) => `${field.label}: ${baseUrlProblem(data[field.name])}`);
	throw new CredentialDestinationError(
		`${destination.credential} credential: the key was not sent, the request URL ${problem}` + (details.length > 0 ? ` (${details.join('; ')})` : ''),
	);
}
