import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FlexportConfig } from '../../src/flexport';
import type { HttpPort } from '../../src/http/port';
import { TransportError } from '../../src/http/port';
import { normaliseBaseUrl } from '../../src/http/baseUrl';
import { redactSecrets, redactSecretsDeep } from '../../src/redact';
import { n8nHttpPort } from './n8nHttpPort';

export const FLEXPORT_CREDENTIAL = 'flexportApi';

/**
 * The Flexport core's port and configuration for one execution or poll. Only the base URL and
 * API version are read from the credential; the token is added by n8n (the credential's
 * `authenticate`), renewed through its `preAuthentication` after a 401, and never reaches the core.
 */
export async function flexportConnection(
	context: IExecuteFunctions | IPollFunctions,
	overrides: Omit<FlexportConfig, 'baseUrl' | 'apiVersion'> = {},
): Promise<{ port: HttpPort; config: FlexportConfig }> {
	const credentials = await context.getCredentials(FLEXPORT_CREDENTIAL);
	const apiVersion = typeof credentials.apiVersion === 'string' && credentials.apiVersion.trim() !== '' ? credentials.apiVersion : '2';
	const secrets = [credentials.apiKey, credentials.clientSecret, credentials.accessToken].filter((value): value is string => typeof value === 'string');
	return {
		port: redactingPort(n8nHttpPort(context, { credentialType: FLEXPORT_CREDENTIAL, renewTokenOn401: true }), secrets),
		config: { ...overrides, baseUrl: normaliseBaseUrl(credentials.baseUrl, 'baseUrl'), apiVersion },
	};
}

const TOKEN_HINT =
	'The Flexport credential could not obtain an access token from {Base URL}/oauth/token: check the Client ID and Client Secret (token requests are limited to 10 a day).';

/**
 * The port with the credential's secrets removed from every answer and failure before the core
 * reads them: a provider (or the token endpoint) that echoes the key back cannot put it into an
 * output item, an error or a log.
 */
function redactingPort(port: HttpPort, secrets: string[]): HttpPort {
	return {
		...port,
		async send(request) {
			try {
				const response = await port.send(request);
				return { ...response, headers: redactSecretsDeep(response.headers, secrets), body: redactSecretsDeep(response.body, secrets) };
			} catch (error) {
				if (error instanceof TransportError) return await Promise.reject(new TransportError(error.kind, redactSecrets(error.message, secrets)));
				if (error instanceof NodeApiError || error instanceof NodeOperationError) {
					error.message = redactSecrets(error.message, secrets);
					if (typeof error.description === 'string') error.description = redactSecrets(error.description, secrets);
				}
				// The port passes n8n's own error on only for a request other than ours: the token request.
				if (error instanceof NodeApiError) {
					error.message = `Flexport token request failed: ${error.message}`;
					error.description = [error.description, TOKEN_HINT].filter(Boolean).join('\n');
				}
				return await Promise.reject(error as Error);
			}
		},
	};
}
