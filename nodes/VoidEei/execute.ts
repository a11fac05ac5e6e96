/**
 * Void EEI: TransactionType "void" under the original EEI transaction number (seed 001: it
 * "must remain static"), one per item, taken from the parameter, else from what File EEI
 * produced (`aes.transactionNumber`), else from the item's Delivery.
 */
import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import type { AesEnvironment } from '../../src/easypost';
import { checkAmendmentTarget, readEarlierFiling, voidEei } from '../../src/easypost';
import { InputValidationError } from '../../src/errors';
import { parameterReader } from '../shared/parameters';
import { acceptedSummary, aesConnection, aesFailure, aesOutput } from '../shared/aesConnection';
import { readRunOptions, runFilings } from '../shared/filingRun';

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The filed Delivery, from the item or from File EEI's record of what it sent. */
function filedDelivery(json: Loose): Loose | undefined {
	if (isRecord(json.Delivery)) return json.Delivery;
	const aes = isRecord(json.aes) ? json.aes : {};
	return isRecord(aes.delivery) ? aes.delivery : undefined;
}

function deliveryNumber(delivery: Loose | undefined): string | undefined {
	return isRecord(delivery?.International) ? text(delivery.International.EeiTransactionNumber) : undefined;
}

export async function voidEeiItems(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const connection = await aesConnection(context);
	const transactionNumber = parameterReader<string>(context, 'transactionNumber', '');
	const environment = parameterReader<AesEnvironment>(context, 'environment', 'test');
	const sendDelivery = parameterReader<boolean>(context, 'sendDelivery', true);
	const options = context.getNodeParameter('options', 0, {}) as { concurrency?: number; timeoutSeconds?: number };
	const { concurrency, timeoutMs } = readRunOptions(options);

	return await runFilings(
		context,
		async (item, itemIndex, ledger) => {
			const json = item.json as Loose;
			const filing = isRecord(json.aes) ? json.aes : undefined;
			const delivery = sendDelivery(itemIndex) ? filedDelivery(json) : undefined;
			const number = text(transactionNumber(itemIndex)) ?? text(filing?.transactionNumber) ?? deliveryNumber(filedDelivery(json));
			if (number === undefined) {
				throw new InputValidationError(
					[{ path: 'transactionNumber', message: 'is required: give it, or an item with aes.transactionNumber (File EEI output) or a Delivery' }],
					'Invalid AES void',
				);
			}
			// The item's own record keeps the void on its own filing, never another shipment's.
			checkAmendmentTarget('void', number, readEarlierFiling(json));
			const env = environment(itemIndex);
			if (filing && (filing.environment === 'test' || filing.environment === 'production') && filing.environment !== env) {
				throw new InputValidationError(
					[{ path: 'environment', message: `the filing was made in "${String(filing.environment)}": void it there` }],
					'Invalid AES void',
				);
			}
			// A Delivery filed under a derived number may not carry it: the void names it explicitly.
			const sent =
				delivery && deliveryNumber(delivery) === undefined
					? { ...delivery, International: { ...(isRecord(delivery.International) ? delivery.International : {}), EeiTransactionNumber: number } }
					: delivery;
			const transaction = { transactionNumber: number, transactionType: 'void' as const, environment: env };
			ledger.onFailure(itemIndex, (error) => aesFailure(error, transaction));
			const result = await voidEei(connection.port, { aesBaseUrl: connection.aesBaseUrl, delivery: sent, transactionNumber: number, environment: env, timeoutMs });
			ledger.accepted(itemIndex, acceptedSummary(result));
			context.logger.debug(`Void EEI: item ${itemIndex}, transaction ${result.transactionNumber}: ${result.status}`);
			return { ...(item.json as JsonObject), aes: { ...aesOutput(result), ...(filing ? { filing: filing as JsonObject } : {}) } };
		},
		{ concurrency, secrets: connection.secrets, verb: 'voided' },
	);
}
