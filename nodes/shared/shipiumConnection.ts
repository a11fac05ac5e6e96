/** The Shipium connection for File EEI's carrier filing, read once per run. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normaliseBaseUrl } from '../../src/http/baseUrl';
import type { HttpPort } from '../../src/http/port';
import { n8nHttpPort } from './n8nHttpPort';

export const SHIPIUM_CREDENTIAL = 'shipiumApi';
const DEFAULT_SHIPIUM_BASE_URL = 'https://api.shipium.com';

export interface ShipiumConnection {
	port: HttpPort;
	baseUrl: string;
	/** Only for redaction: never sent anywhere by the node (n8n adds the key to requests). */
	secrets: string[];
}

/** Reads the credential once per run: the base URL for the core, the key only to redact it. */
export async function shipiumConnection(context: IExecuteFunctions): Promise<ShipiumConnection> {
	const credentials = await context.getCredentials(SHIPIUM_CREDENTIAL);
	let baseUrl: string;
	try {
		baseUrl = normaliseBaseUrl(credentials.baseUrl || DEFAULT_SHIPIUM_BASE_URL, 'baseUrl');
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new NodeOperationError(context.getNode(), detail, { description: 'Correct the Base URL in the Shipium API credential.' });
	}
	return {
		port: n8nHttpPort(context, { credentialType: SHIPIUM_CREDENTIAL }),
		baseUrl,
		secrets: [typeof credentials.apiKey === 'string' ? credentials.apiKey : ''],
	};
}
