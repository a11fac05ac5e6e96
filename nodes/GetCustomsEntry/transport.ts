import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { FlexportConfig } from '../../src/flexport';
import type { HttpPort } from '../../src/http/port';
import { normaliseBaseUrl } from '../../src/http/baseUrl';
import { n8nHttpPort } from '../shared/n8nHttpPort';

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
	return {
		port: n8nHttpPort(context, { credentialType: FLEXPORT_CREDENTIAL, renewTokenOn401: true }),
		config: { ...overrides, baseUrl: normaliseBaseUrl(credentials.baseUrl, 'baseUrl'), apiVersion },
	};
}
