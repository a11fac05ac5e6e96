/**
 * The credentials the sandbox accepts. Not secrets: fixed, documented values so that a local n8n
 * or a test can be pointed at the sandbox without any provider account. Override per start.
 */
export interface SandboxKeys {
	/** EasyPost production-style key (EZAK...): accepted by AES and the core API. */
	easyPostApiKey: string;
	/** EasyPost test-style key (EZTK...): the core API accepts it, AES refuses it (seed 001: production key required). */
	easyPostTestKey: string;
	/** Shipium API key (HTTP Basic user name, empty password). */
	shipiumApiKey: string;
	/** Flexport API key, used directly as the bearer token. */
	flexportApiKey: string;
	/** Flexport OAuth2 client credentials for `POST /flexport/oauth/token`. */
	flexportClientId: string;
	flexportClientSecret: string;
	/** The SMTP sink's login (AUTH PLAIN or LOGIN), as in n8n's SMTP credential. */
	smtpUser: string;
	smtpPassword: string;
}

export const DEFAULT_KEYS: Readonly<SandboxKeys> = Object.freeze({
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a published sandbox value, valid nowhere else
	easyPostApiKey: 'EZAKsandbox00000000000000000000aes',
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a published sandbox value, valid nowhere else
	easyPostTestKey: 'EZTKsandbox0000000000000000000test',
	shipiumApiKey: 'shipium-sandbox-key',
	flexportApiKey: 'flexport-sandbox-api-key',
	flexportClientId: 'flexport-sandbox-client',
	flexportClientSecret: 'flexport-sandbox-secret',
	smtpUser: 'alerts@sandbox.example',
	smtpPassword: 'smtp-sandbox-password',
});

/** Route prefixes: a credential's base URL is the sandbox URL plus one of these. */
export const PREFIXES = Object.freeze({
	easyPostAes: '/easypost-aes',
	easyPostApi: '/easypost-api',
	shipium: '/shipium',
	flexport: '/flexport',
	sink: '/sink',
	sandbox: '/_sandbox',
});
