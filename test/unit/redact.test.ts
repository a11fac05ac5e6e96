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

describe('redactSecretsDeep has no depth an answer can exceed (issue 12)', () => {
	/** `{ e: { e: ... { echo } } }`, `levels` objects deep. */
	function nested(levels: number, leaf: unknown): unknown {
		let node: unknown = leaf;
		for (let i = 0; i < levels; i++) node = { e: node };
		return node;
	}
	function leafOf(value: unknown): unknown {
		let node = value;
		while (node !== null && typeof node === 'object' && 'e' in node) node = (node as { e: unknown }).e;
		return node;
	}

	it.each([60, 10_000])('redacts an echo nested %i levels deep', (levels) => {
		const redacted = redactSecretsDeep(nested(levels, { echo: `key ${FAKE_TOKEN}` }), [FAKE_TOKEN]);
		expect(leafOf(redacted)).toEqual({ echo: 'key [REDACTED]' });
	});

	it('an object that contains itself ends the walk instead of looping', () => {
		const answer: Record<string, unknown> = { echo: FAKE_TOKEN };
		answer.self = answer;
		expect(redactSecretsDeep(answer, [FAKE_TOKEN])).toEqual({ echo: '[REDACTED]', self: '[Circular]' });
	});

	it('a list nested 10,000 levels deep without a secret is returned as it was (copy on write)', () => {
		const deep = nested(10_000, ['no secret here']);
		expect(redactSecretsDeep(deep, [FAKE_TOKEN])).toBe(deep);
	});
});

describe('a key stored with spaces is sent trimmed, so both forms are redacted (issue 12)', () => {
	it('the trimmed key a provider echoes is redacted, raw and as Basic auth', () => {
		const stored = `${FAKE_TOKEN} `;
		const echo = { echo: `${FAKE_TOKEN}|${Buffer.from(`${FAKE_TOKEN}:`).toString('base64')}` };
		expect(redactSecretsDeep(echo, [stored])).toEqual({ echo: '[REDACTED]|[REDACTED]' });
	});
});
