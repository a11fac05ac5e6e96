import { assertCredentialDestination, credentialSecret, CredentialDestinationError } from '../../../src/http/credentialGuard';

// Made-up values shaped like keys, not real ones.
const KEY = ['EZAK', 'guardTestKey0123456789'].join('');
const DESTINATION = { credential: 'EasyPost API', baseUrlFields: [{ name: 'aesBaseUrl', label: 'AES Base URL' }, { name: 'apiBaseUrl', label: 'API Base URL' }] };

function refusal(request: { url?: string; uri?: string; baseURL?: string }, data: Record<string, unknown> = {}): string | undefined {
	try {
		assertCredentialDestination(request, data, DESTINATION);
		return undefined;
	} catch (error) {
		expect(error).toBeInstanceOf(CredentialDestinationError);
		return (error as Error).message;
	}
}

describe('a credential goes only where the base-URL rule allows (issue 12)', () => {
	test.each([
		[{ url: 'https://api.easypost.com/v2/addresses' }],
		[{ baseURL: 'https://api.easypost.com', url: '/v2/addresses' }],
		[{ uri: 'http://127.0.0.1:4010/x' }],
		[{ baseURL: 'http://localhost:4010/prefix', url: '/v2/addresses' }],
	])('%j may carry the key', (request) => {
		expect(refusal(request)).toBeUndefined();
	});

	test.each([
		[{ baseURL: 'http://[::ffff:127.0.0.1]:4010', url: '/v2/addresses' }],
		[{ url: 'http://evil.localhost:4010/v2/addresses' }],
		[{ uri: 'http://api.easypost.com/v2/addresses' }],
		[{ url: 'ftp://api.easypost.com/x' }],
		[{}],
	])('%j is refused before the key is attached', (request) => {
		expect(refusal(request)).toMatch(/^EasyPost API credential: the key was not sent/);
	});

	test('the refusal names the broken field without repeating its value (a key pasted into Base URL)', () => {
		const message = refusal({ baseURL: KEY, url: '/v2/addresses' }, { apiBaseUrl: KEY, aesBaseUrl: 'https://aes.easypostenterprise.services' });
		expect(message).toContain('API Base URL: must be an absolute https URL');
		expect(message).not.toContain('AES Base URL');
		expect(message).not.toContain(KEY);
	});

	test('a key is sent trimmed: spaces and line breaks pasted around it are not part of it', () => {
		expect(credentialSecret(` ${KEY}\n`)).toBe(KEY);
		expect(credentialSecret(undefined)).toBe('');
	});
});
