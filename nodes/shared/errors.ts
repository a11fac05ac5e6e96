import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputValidationError, ProviderError } from '../../src/errors';

/**
 * The one place where the core's typed errors become n8n errors, enriched with the item index
 * so that n8n shows which item failed.
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (error instanceof InputValidationError) {
		return new NodeOperationError(node, `Item ${itemIndex}: ${error.message}`, {
			itemIndex,
			description: error.issues.map((issue) => `${issue.path || '(item)'}: ${issue.message}`).join('\n'),
		});
	}
	if (error instanceof ProviderError) {
		const description = [...error.providerMessages, error.hint].filter(Boolean).join('\n') || undefined;
		// Only a real HTTP status may become the httpCode: n8n would otherwise read one from `code`.
		const apiError: JsonObject = { message: error.message, providerErrorCode: error.code ?? null };
		if (error.status !== undefined) apiError.httpCode = String(error.status);
		return new NodeApiError(node, apiError, {
			itemIndex,
			message: error.message,
			description,
			httpCode: error.status === undefined ? undefined : String(error.status),
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

/**
 * The JSON of an error item (continue on fail): the message, its detail and the failing fields.
 * With "Continue (using error output)" n8n routes an item to the error output only when its JSON
 * holds nothing but `error`, `message` and `details`, so the detail then goes under `details`.
 */
export function errorItemJson(error: NodeApiError | NodeOperationError, extra?: JsonObject, forErrorOutput = false): JsonObject {
	const detail: JsonObject = {};
	if (error.description) detail.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) detail.httpCode = error.httpCode;
	Object.assign(detail, extra);
	if (forErrorOutput) return Object.keys(detail).length > 0 ? { error: error.message, details: detail } : { error: error.message };
	return { error: error.message, ...detail };
}

/** Whether the node routes failed items to its error output ("Continue (using error output)"). */
export function usesErrorOutput(node: INode): boolean {
	return node.onError === 'continueErrorOutput';
}

/** Adds fields to an error item's JSON made by errorItemJson, in the shape the node's error mode needs. */
export function addErrorDetails(json: JsonObject, extra: JsonObject, forErrorOutput: boolean): JsonObject {
	if (!forErrorOutput) return { ...json, ...extra };
	return { ...json, details: { ...((json.details as JsonObject | undefined) ?? {}), ...extra } };
}
