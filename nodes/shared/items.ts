import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { errorItemJson, toNodeError, usesErrorOutput } from './errors';

/** An item handler returns the output JSON of its item, or throws; the error becomes an error item or stops the run. */
export type ItemHandler<T> = (item: INodeExecutionData, itemIndex: number, prepared: T) => Promise<JsonObject> | JsonObject;

export interface MapItemsOptions {
	/** Items handled at once; outputs keep input order whatever the completion order. */
	concurrency?: number;
}

/**
 * Runs a handler over every input item and returns exactly one output item per input item, in
 * input order, each paired with its input. A failure becomes an error item under continue on
 * fail; otherwise the first failure (in input order) is thrown as an n8n error with its index.
 */
export async function mapItems<T>(
	context: IExecuteFunctions,
	prepared: T,
	handler: ItemHandler<T>,
	options: MapItemsOptions = {},
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const errorOutput = usesErrorOutput(context.getNode());
	const results: Array<{ json: JsonObject } | { error: unknown }> = new Array(items.length);
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));

	let next = 0;
	let stop = false;
	const worker = async () => {
		while (!stop && next < items.length) {
			const index = next++;
			try {
				results[index] = { json: await handler(items[index], index, prepared) };
			} catch (error) {
				results[index] = { error };
				// Without continue on fail the run ends at the first failure: start no new work.
				if (!continueOnFail) stop = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

	const output: INodeExecutionData[] = [];
	for (let index = 0; index < items.length; index++) {
		const result = results[index];
		if (result === undefined) continue;
		if ('error' in result) {
			const nodeError = toNodeError(context.getNode(), result.error, index);
			if (!continueOnFail) throw nodeError;
			output.push({ json: errorItemJson(nodeError, undefined, errorOutput), pairedItem: { item: index } });
		} else {
			output.push({ json: result.json, pairedItem: { item: index } });
		}
	}
	return output;
}
