import { InputValidationError } from '../../../src/errors';
import { isSameOrigin, normaliseBaseUrl } from '../../../src/http/baseUrl';

describe('provider base URLs (credentials: https only, except loopback)', () => {
	test('an https URL is accepted and loses its trailing slash', () => {
		expect(normaliseBaseUrl('https://api.flexport.com/', 'baseUrl')).toBe('https://api.flexport.com');
	});

	test('a path prefix is kept, for proxies', () => {
		expect(normaliseBaseUrl('https://proxy.example.com/flexport/', 'baseUrl')).toBe('https://proxy.example.com/flexport');
	});

	test.each(['http://localhost:8080', 'http://127.0.0.1:9000', 'http://127.8.9.10:9000', 'http://[::1]:9000'])(
		'plain http to the loopback host %s is accepted (local sandbox)',
		(url) => {
			expect(normaliseBaseUrl(url, 'baseUrl')).toBe(new URL(url).origin);
		},
	);

	test.each(['http://api.flexport.com', 'http://10.0.0.5', 'http://192.168.1.10:8080'])('plain http to %s is refused', (url) => {
		expect(() => normaliseBaseUrl(url, 'baseUrl')).toThrow(/must use https/);
	});

	// The hosts file maps `localhost` alone (RFC 6761 §6.3); getaddrinfo asks DNS for any other name, whose answer may be any address.
	test.each(['http://evil.localhost', 'http://sandbox.localhost:1', 'http://localhost.evil.example', 'http://[::ffff:127.0.0.1]:9000', 'http://[::ffff:7f00:1]', 'http://0.0.0.0:9000'])(
		'plain http to %s is refused: the resolver does not guarantee loopback',
		(url) => {
			expect(() => normaliseBaseUrl(url, 'baseUrl')).toThrow(/must use https/);
		},
	);

	test('a key pasted into a base URL field never appears in the error', () => {
		// A made-up value shaped like an EasyPost key, not a real one.
		const key = ['EZAK', 'pastedIntoTheWrongField42'].join('');
		for (const value of [key, ` ${key} `, `http://${key}.example.com`, `https://user:${key}@api.example.com`, `ftp://${key}`]) {
			let message = '';
			try {
				normaliseBaseUrl(value, 'baseUrl');
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message).toMatch(/^Invalid credential: baseUrl: /);
			expect(message).not.toContain(key);
		}
	});

	test('a query or fragment is refused rather than silently dropped', () => {
		expect(() => normaliseBaseUrl('https://api.flexport.com/?x=1', 'baseUrl')).toThrow(/query/);
		expect(() => normaliseBaseUrl('https://api.flexport.com/#x', 'baseUrl')).toThrow(/fragment/);
	});

	test.each(['', 'api.flexport.com', 'ftp://api.flexport.com', 'not a url'])('"%s" is not a usable base URL', (url) => {
		expect(() => normaliseBaseUrl(url, 'aesBaseUrl')).toThrow(InputValidationError);
		expect(() => normaliseBaseUrl(url, 'aesBaseUrl')).toThrow(/aesBaseUrl/);
	});

	test('credentials embedded in the URL are refused', () => {
		expect(() => normaliseBaseUrl('https://user:secret@api.flexport.com', 'baseUrl')).toThrow(/user name or password/);
	});

	test('same origin means same scheme, host and port', () => {
		expect(isSameOrigin('https://api.flexport.com/customs_entries?page=2', 'https://api.flexport.com')).toBe(true);
		expect(isSameOrigin('https://evil.example.com/customs_entries?page=2', 'https://api.flexport.com')).toBe(false);
		expect(isSameOrigin('http://api.flexport.com/customs_entries', 'https://api.flexport.com')).toBe(false);
		expect(isSameOrigin('https://api.flexport.com:8443/x', 'https://api.flexport.com')).toBe(false);
		expect(isSameOrigin('not a url', 'https://api.flexport.com')).toBe(false);
	});
});
