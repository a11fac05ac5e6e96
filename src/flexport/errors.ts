import type { Delivery } from '../errors';
import { ProviderError } from '../errors';

/**
 * Why a Flexport call failed. `api-error` is Flexport's own `/api/error` object; the others are
 * answers we could not use, or guards that stopped us before something unsafe or endless.
 */
export type FlexportFailureReason =
	| 'api-error'
	| 'unreadable-response'
	| 'unexpected-response'
	| 'transport'
	| 'unsafe-next-link'
	| 'pagination-loop'
	| 'too-many-pages'
	| 'listing-unsettled'
	| 'deadline'
	| 'aborted';

/** A Flexport request failed; `status`/`code`/`providerMessages` carry Flexport's own words. */
export class FlexportApiError extends ProviderError {
	readonly reason: FlexportFailureReason;

	constructor(init: {
		reason: FlexportFailureReason;
		message: string;
		delivery: Delivery;
		status?: number;
		code?: string;
		providerMessages?: string[];
		body?: unknown;
		hint?: string;
	}) {
		super({ ...init, provider: 'flexport' });
		this.name = 'FlexportApiError';
		this.reason = init.reason;
	}
}
