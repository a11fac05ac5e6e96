import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { assertCredentialDestination, credentialSecret } from '../src/http/credentialGuard';

const DESTINATION = {
	credential: 'EasyPost API',
	baseUrlFields: [
		{ name: 'aesBaseUrl', label: 'AES Base URL' },
		{ name: 'apiBaseUrl', label: 'API Base URL' },
	],
};

/** EasyPost API key, used for EasyPost Enterprise AES (EEI filing) and the EasyPost core API. */
export class EasyPostApi implements ICredentialType {
	name = 'easyPostApi';

	displayName = 'EasyPost API';

	icon = 'file:easyPost.svg' as const;

	documentationUrl = 'https://docs.easypost.com/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A production EasyPost API key (AES needs one even for test filings; Environment chooses the CBP queue), enabled for the AES beta',
		},
		{
			displayName: 'AES Base URL',
			name: 'aesBaseUrl',
			type: 'string',
			default: 'https://aes.easypostenterprise.services',
			description: 'EasyPost Enterprise AES service; change only for a sandbox or a proxy (https, or http on loopback)',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.easypost.com',
			description: 'EasyPost core API, used to test the key; change only for a sandbox or a proxy',
		},
	];

	/**
	 * As the EasyPost core API: HTTP Basic with the key (trimmed) as user name and an empty
	 * password, and only over https or to loopback: n8n runs this for the nodes and for the
	 * credential's Test button alike, so one rule decides where the key may go.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		assertCredentialDestination(requestOptions, credentials, DESTINATION);
		return { ...requestOptions, auth: { username: credentialSecret(credentials.apiKey), password: '' } };
	}

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.apiBaseUrl}}', url: '/v2/addresses', qs: { page_size: 1 } },
	};
}
