/**
 * What a failed Shipium label request means, as File EEI reports it on an error item
 * (`shipium.status`): `notCreated` when no label can exist, so the request may be sent again
 * once corrected; `unknown` when a label may have been bought (and charged): look it up first.
 */
import { ProviderError } from '../errors';

export type ShipiumLabelFailureStatus = 'notCreated' | 'unknown';

/**
 * HTTP statuses at which Shipium refused the request, so no label was bought: 400/422 invalid,
 * 401/403 credentials, 404 wrong URL, 429 rate limited (labelClient.ts says so in each hint).
 */
export const NO_LABEL_HTTP_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 422, 429]);

export function shipiumLabelFailureStatus(error: ProviderError): ShipiumLabelFailureStatus {
	if (error.delivery === 'not-sent') return 'notCreated';
	return error.status !== undefined && NO_LABEL_HTTP_STATUSES.has(error.status) ? 'notCreated' : 'unknown';
}

/** The `shipium` object of an error item, or undefined for an error that is not the provider's. */
export function shipiumFailureRecord(error: unknown): Record<string, unknown> | undefined {
	if (!(error instanceof ProviderError)) return undefined;
	return {
		status: shipiumLabelFailureStatus(error),
		code: error.code ?? null,
		messages: error.providerMessages,
		response: error.body ?? null,
		httpStatus: error.status ?? null,
		nextStep: error.hint ?? null,
	};
}
