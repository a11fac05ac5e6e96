import { redactSecrets, redactSecretsDeep } from '../../src/redact';

// A made-up value shaped like an EasyPost key, not a real one.
const FAKE_TOKEN = ['EZAK', '0123456789abcdef'].join('');
const basicAuth = Buffer.from(`${FAKE_TOKEN}:`).toString('base64');

describe('redactSecrets: no API key leaks into outputs, errors or logs', () => {
	it('replaces the key itself', () => {
		expect(redactSecrets(`key=${FAKE_TOKEN} failed`, [FAKE_TOKEN])).toBe('key=[REDACTED] failed');
	});

	it('replaces the key as HTTP Basic auth carries it (base64 of "key:")', () => {
		expect(redactSecrets(`Authorization: Basic ${basicAuth}`, [FAKE_TOKEN])).toBe('Authorization: Basic [REDACTED]');
	});

	it('replaces every occurrence of every secret', () => {
		expect(redactSecrets(`${FAKE_TOKEN} and ${FAKE_TOKEN} and secret-two`, [FAKE_TOKEN, 'secret-two'])).toBe(
			'[REDACTED] and [REDACTED] and [REDACTED]',
		);
	});

	it('ignores missing and too short secrets instead of garbling the text', () => {
		expect(redactSecrets('a b c', [undefined, null, '', 'a'])).toBe('a b c');
	});

	it('leaves text without secrets unchanged', () => {
		expect(redactSecrets('ITN X20261121123456', [FAKE_TOKEN])).toBe('ITN X20261121123456');
	});
});

describe('redactSecretsDeep', () => {
	it('redacts strings at any depth, in arrays and in keys', () => {
		expect(redactSecretsDeep({ a: [{ b: `x ${FAKE_TOKEN}` }], [FAKE_TOKEN]: 1, n: 2 }, [FAKE_TOKEN])).toEqual({
			a: [{ b: 'x [REDACTED]' }],
			'[REDACTED]': 1,
			n: 2,
		});
	});

	it('does not mutate its input', () => {
		const input = { a: FAKE_TOKEN };
		redactSecretsDeep(input, [FAKE_TOKEN]);
		expect(input.a).toBe(FAKE_TOKEN);
	});
});
