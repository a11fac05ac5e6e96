/**
 * The item loop shared by File EEI and Void EEI: one output or error item per input item (via
 * mapItems), no API key anywhere in what leaves the node, structured `aes` details on error
 * items, and, when the run stops at a failure, a list of the filings that did go through in
 * the same run so that nobody files them a second time.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputValidationError, ProviderError } from '../../src/errors';
import { redactSecrets, redactSecretsDeep } from '../../src/redact';
import { addErrorDetails, usesErrorOutput } from './errors';
import { mapItems } from './items';

export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 20;
export const DEFAULT_TIMEOUT_SECONDS = 120;

/** The Concurrency and Timeout options every filing node offers; `what` names the unit sent ("items are filed"). */
export function runOptionProperties(what: string, timeoutDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: DEFAULT_CONCURRENCY,
			description: `How many ${what} at once; the output keeps the input order`,
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: timeoutDescription,
		},
	];
}

/** Those options as a run uses them, defaults applied. */
export function readRunOptions(options: { concurrency?: number; timeoutSeconds?: number }): { concurrency: number; timeoutMs: number } {
	return { concurrency: options.concurrency ?? DEFAULT_CONCURRENCY, timeoutMs: (options.timeoutSeconds || DEFAULT_TIMEOUT_SECONDS) * 1000 };
}

/** What the handler tells the run about an item, besides its output. */
export interface FilingLedger {
	/** A filing (or label) that the provider accepted: one line, e.g. "transaction N, ITN X". */
	accepted(itemIndex: number, summary: string): void;
	/**
	 * How to describe this item's failure on its error item (continue on fail), e.g. `{ aes: {...} }`;
	 * registered before sending, once the transaction is known.
	 */
	onFailure(itemIndex: number, describe: (error: unknown) => JsonObject | undefined): void;
}

export type FilingHandler = (item: INodeExecutionData, itemIndex: number, ledger: FilingLedger) => Promise<JsonObject>;

export interface FilingRunOptions {
	concurrency: number;
	/** The credential's secrets, removed from every output, error message and description. */
	secrets: string[];
	/** "filed" / "voided" / "labelled": the verb used when listing what went through. */
	verb: string;
}

/** A copy of a core error with every secret removed (a provider may echo a header back). */
export function redactError(error: unknown, secrets: string[]): unknown {
	const clean = (text: string) => redactSecrets(text, secrets);
	if (error instanceof ProviderError) {
		return new ProviderError({
			provider: error.provider,
			message: clean(error.message),
			status: error.status,
			code: error.code,
			providerMessages: error.providerMessages.map(clean),
			body: redactSecretsDeep(error.body, secrets),
			delivery: error.delivery,
			hint: error.hint === undefined ? undefined : clean(error.hint),
		});
	}
	if (error instanceof InputValidationError) {
		const redacted = new InputValidationError(error.issues.map((issue) => ({ path: clean(issue.path), message: clean(issue.message) })));
		redacted.message = clean(error.message);
		return redacted;
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = clean(error.message);
		if (typeof error.description === 'string') error.description = clean(error.description);
		return error;
	}
	return new Error(clean(error instanceof Error ? error.message : String(error)));
}

function pairedIndex(item: INodeExecutionData, fallback: number): number {
	const paired = item.pairedItem;
	if (paired !== undefined && typeof paired === 'object' && !Array.isArray(paired)) return paired.item;
	return fallback;
}

function list(indices: number[]): string {
	return indices.join(', ');
}

/** Runs the handler over every item with bounded concurrency; see the file comment. */
export async function runFilings(context: IExecuteFunctions, handler: FilingHandler, options: FilingRunOptions): Promise<INodeExecutionData[]> {
	const { secrets } = options;
	const accepted = new Map<number, string>();
	const describers = new Map<number, (error: unknown) => JsonObject | undefined>();
	const failures = new Map<number, JsonObject>();
	const started = new Set<number>();
	const ledger: FilingLedger = {
		accepted: (itemIndex, summary) => accepted.set(itemIndex, redactSecrets(summary, secrets)),
		onFailure: (itemIndex, describe) => describers.set(itemIndex, describe),
	};
	const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(options.concurrency || DEFAULT_CONCURRENCY)));
	let output: INodeExecutionData[];
	try {
		output = await mapItems(
			context,
			undefined,
			async (item, itemIndex) => {
				started.add(itemIndex);
				try {
					return redactSecretsDeep(await handler(item, itemIndex, ledger), secrets);
				} catch (error) {
					const redacted = redactError(error, secrets);
					const extra = describers.get(itemIndex)?.(redacted);
					if (extra) failures.set(itemIndex, redactSecretsDeep(extra, secrets));
					throw redacted;
				}
			},
			{ concurrency },
		);
	} catch (error) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) {
			throw withRunSummary(error, context.getInputData().length, accepted, started, options.verb);
		}
		throw new NodeOperationError(context.getNode(), redactSecrets(String(error), secrets));
	}
	const errorOutput = usesErrorOutput(context.getNode());
	return output.map((item, position) => {
		const extra = failures.get(pairedIndex(item, position));
		return extra ? { ...item, json: addErrorDetails(item.json as JsonObject, extra, errorOutput) } : item;
	});
}

/**
 * The run stopped at a failure: say which other items went through (do not file them again)
 * and which were never sent (they can be sent again as they are).
 */
function withRunSummary<E extends NodeApiError | NodeOperationError>(
	error: E,
	itemCount: number,
	accepted: Map<number, string>,
	started: Set<number>,
	verb: string,
): E {
	const lines: string[] = [];
	const done = [...accepted.entries()].sort(([a], [b]) => a - b);
	if (done.length > 0) {
		lines.push(`Other items of this run were ${verb} and must not be sent again:`);
		for (const [index, summary] of done) lines.push(`- item ${index}: ${summary}`);
	}
	const notSent = Array.from({ length: itemCount }, (_, index) => index).filter((index) => !started.has(index));
	if (notSent.length > 0) lines.push(`Items not sent (the run stopped first): ${list(notSent)}.`);
	if (lines.length > 0) error.description = [error.description, lines.join('\n')].filter(Boolean).join('\n\n');
	return error;
}
