import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { normaliseBaseUrl } from '../src/http/baseUrl';
import { assertCredentialDestination, credentialSecret } from '../src/http/credentialGuard';
import { readBounded } from '../nodes/shared/boundedBody';

/**
 * Flexport API: an API key, or OAuth2 client credentials. Token requests are limited to 10 a
 * day, so the token is cached in this credential (the expirable `accessToken` field, persisted
 * by n8n) and renewed only when missing or refused with a 401 — never per request, execution or
 * worker, and never in module memory.
 */
/** The token endpoint's JSON, whether it arrived as bytes, text or already parsed. */
function tokenAnswer(body: unknown): { access_token?: unknown } {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof text !== 'string') return (text ?? {}) as { access_token?: unknown };
	try {
		return JSON.parse(text) as { access_token?: unknown };
	} catch {
		return {};
	}
}

const DESTINATION = { credential: 'Flexport API', baseUrlFields: [{ name: 'baseUrl', label: 'Base URL' }] };

export class FlexportApi implements ICredentialType {
	name = 'flexportApi';

	displayName = 'Flexport API';

	icon = 'file:flexport.svg' as const;

	documentationUrl = 'https://apidocs.flexport.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'API Key', value: 'apiKey' },
				{ name: 'OAuth2 Client Credentials', value: 'clientCredentials' },
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['apiKey'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.flexport.com',
			description: 'Change only for a sandbox or a proxy (https, or http on loopback)',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2',
			description: 'Sent as the Flexport-Version header',
		},
		{
			// The bearer token in use, cached across executions and workers; n8n clears and renews it after a 401.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication !== 'clientCredentials') {
			// An API key is its own bearer token: caching it here keeps one header template for both modes.
			return { accessToken: credentialSecret(credentials.apiKey) };
		}
		const baseUrl = normaliseBaseUrl(credentials.baseUrl, 'baseUrl');
		// Read as a stream with a size cap: a runaway answer must not fill the memory.
		const body = await readBounded(
			await this.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/oauth/token`,
				body: {
					client_id: credentialSecret(credentials.clientId),
					client_secret: credentialSecret(credentials.clientSecret),
					audience: 'https://api.flexport.com',
					grant_type: 'client_credentials',
				},
				json: true,
				encoding: 'stream',
			}),
		);
		const response = tokenAnswer(body);
		if (typeof response?.access_token !== 'string' || response.access_token === '') {
			throw new Error('Flexport token endpoint answered without an access_token');
		}
		return { accessToken: response.access_token };
	}

	/** The bearer token and Flexport-Version, only over https or to loopback (nodes and Test alike). */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		assertCredentialDestination(requestOptions, credentials, DESTINATION);
		const apiVersion = typeof credentials.apiVersion === 'string' && credentials.apiVersion.trim() !== '' ? credentials.apiVersion.trim() : '2';
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentialSecret(credentials.accessToken)}`, 'Flexport-Version': apiVersion },
		};
	}

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/customs_entries', qs: { page: 1, per: 1 } },
	};
}
