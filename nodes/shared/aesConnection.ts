/**
 * What File EEI and Void EEI share about EasyPost AES: the connection (read once per run), the
 * `aes` output object, and the `aes` object of an error item.
 */
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AesTransaction, FileEeiResult } from '../../src/easypost';
import { aesFailureRecord, DEFAULT_AES_BASE_URL } from '../../src/easypost';
import { InputValidationError } from '../../src/errors';
import { normaliseBaseUrl } from '../../src/http/baseUrl';
import type { HttpPort } from '../../src/http/port';
import { n8nHttpPort } from './n8nHttpPort';

export const EASYPOST_CREDENTIAL = 'easyPostApi';

export interface AesConnection {
	port: HttpPort;
	aesBaseUrl: string;
	/** Only for redaction: never sent anywhere by the node (n8n adds the key to requests). */
	secrets: string[];
}

/** Reads the credential once per run: the base URL for the core, the key only to redact it. */
export async function aesConnection(context: IExecuteFunctions): Promise<AesConnection> {
	const credentials = await context.getCredentials(EASYPOST_CREDENTIAL);
	let aesBaseUrl: string;
	try {
		aesBaseUrl = normaliseBaseUrl(credentials.aesBaseUrl || DEFAULT_AES_BASE_URL, 'aesBaseUrl');
	} catch (error) {
		const detail = error instanceof InputValidationError ? error.message : String(error);
		throw new NodeOperationError(context.getNode(), detail, { description: 'Correct the AES Base URL in the EasyPost API credential.' });
	}
	return {
		port: n8nHttpPort(context, { credentialType: EASYPOST_CREDENTIAL }),
		aesBaseUrl,
		secrets: [typeof credentials.apiKey === 'string' ? credentials.apiKey : ''],
	};
}

/** The `aes` object of an output item. */
export function aesOutput(result: FileEeiResult): JsonObject {
	return {
		status: result.status,
		itn: result.itn ?? null,
		proofOfFilingCitation: result.proofOfFilingCitation ?? null,
		transactionNumber: result.transactionNumber,
		transactionType: result.transactionType,
		environment: result.environment,
		messages: result.messages,
		response: result.response as JsonObject,
		httpStatus: result.httpStatus,
		...(result.nextStep ? { nextStep: result.nextStep } : {}),
	};
}

/** The `aes` object of an error item (continue on fail); what it says is the core's (aesOutcome.ts). */
export function aesFailure(error: unknown, transaction: AesTransaction): JsonObject | undefined {
	const record = aesFailureRecord(error, transaction);
	return record === undefined ? undefined : { aes: record as JsonObject };
}

/** One line for the run summary: what was filed, under which number. */
export function acceptedSummary(result: FileEeiResult): string {
	const itn = result.itn ? `, ITN ${result.itn}` : ', no ITN yet (check ACE)';
	return `${result.transactionType} of transaction ${result.transactionNumber} (${result.environment})${result.transactionType === 'void' ? '' : itn}`;
}
