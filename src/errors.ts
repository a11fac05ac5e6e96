/**
 * Typed errors of the n8n-free core. The node layer maps them to NodeOperationError /
 * NodeApiError in one place (nodes/shared/errors.ts), so the core never imports n8n.
 */

/** One problem with the input, located by a path such as `items[0].commodityCode`. */
export interface FieldIssue {
	path: string;
	message: string;
}

/** Bad input: the message names every offending field path. */
export class InputValidationError extends Error {
	readonly issues: FieldIssue[];

	constructor(issues: FieldIssue[], subject = 'Invalid input') {
		super(`${subject}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
		this.name = 'InputValidationError';
		this.issues = issues;
	}
}

/** Whether a failed request may have reached the provider: decides whether a POST may be retried. */
export type Delivery = 'not-sent' | 'sent' | 'unknown';

/** A provider answered with an error, or could not be reached. */
export class ProviderError extends Error {
	readonly provider: string;
	/** HTTP status when the provider answered; undefined for transport failures. */
	readonly status?: number;
	/** Provider's own error code (e.g. Flexport `invalid_pagination`), when given. */
	readonly code?: string;
	/** Messages the provider returned, in its own words. */
	readonly providerMessages: string[];
	/** The parsed (or raw text) body, kept for the user's own log. */
	readonly body?: unknown;
	/** Whether the request reached the provider (never retry a POST unless 'not-sent'). */
	readonly delivery: Delivery;
	/** What the user should do next, when there is something specific to say. */
	readonly hint?: string;

	constructor(init: {
		provider: string;
		message: string;
		status?: number;
		code?: string;
		providerMessages?: string[];
		body?: unknown;
		delivery: Delivery;
		hint?: string;
	}) {
		super(init.message);
		this.name = 'ProviderError';
		this.provider = init.provider;
		this.status = init.status;
		this.code = init.code;
		this.providerMessages = init.providerMessages ?? [];
		this.body = init.body;
		this.delivery = init.delivery;
		this.hint = init.hint;
	}
}
