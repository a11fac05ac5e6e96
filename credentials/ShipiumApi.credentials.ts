import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { assertCredentialDestination, credentialSecret } from '../src/http/credentialGuard';

const DESTINATION = { credential: 'Shipium API', baseUrlFields: [{ name: 'baseUrl', label: 'Base URL' }] };

/** Shipium API key (HTTP Basic, key as user name), for carrier selection and labels with carrier-filed EEI. */
export class ShipiumApi implements ICredentialType {
	name = 'shipiumApi';

	displayName = 'Shipium API';

	icon = 'file:shipium.svg' as const;

	documentationUrl = 'https://docs.shipium.com/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.shipium.com',
			description: 'Change only for a sandbox or a proxy (https, or http on loopback)',
		},
	];

	/** HTTP Basic with the key (trimmed) as user name, only over https or to loopback (nodes and Test alike). */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		assertCredentialDestination(requestOptions, credentials, DESTINATION);
		return { ...requestOptions, auth: { username: credentialSecret(credentials.apiKey), password: '' } };
	}

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/api/v1/deliveryexperience/ping' },
	};
}
