'use strict';
/**
 * The package's four credential set-ups pointing at a provider sandbox, and n8n's SMTP credential
 * for the sandbox's SMTP sink (the release-alert example's Send Email node), under the fixed ids the
 * example workflows (examples/*.json) reference. One source for `npm start` and the e2e tests.
 */

/** Ids and names the example workflows use in their nodes' `credentials`. */
const SANDBOX_CREDENTIALS = Object.freeze({
	easyPost: { id: 'sbxEasyPost000001', name: 'EasyPost (sandbox)', type: 'easyPostApi' },
	shipium: { id: 'sbxShipium000001', name: 'Shipium (sandbox)', type: 'shipiumApi' },
	flexportApiKey: { id: 'sbxFlexportKey01', name: 'Flexport API key (sandbox)', type: 'flexportApi' },
	flexportClient: { id: 'sbxFlexportCli01', name: 'Flexport client credentials (sandbox)', type: 'flexportApi' },
	smtp: { id: 'sbxSmtpSink00001', name: 'SMTP (sandbox)', type: 'smtp' },
});

/** Route prefixes of the sandbox (sandbox/keys.ts PREFIXES). */
function sandboxUrls(origin) {
	return {
		easyPostAes: `${origin}/easypost-aes`,
		easyPostApi: `${origin}/easypost-api`,
		shipium: `${origin}/shipium`,
		flexport: `${origin}/flexport`,
		sink: `${origin}/sink`,
	};
}

/**
 * [{ id, name, type, data }] for `n8n import:credentials`, given the sandbox's urls, keys and SMTP
 * sink (a running `startSandbox()` result, or urls from sandboxUrls(), the sandbox's DEFAULT_KEYS
 * and the CLI's --smtp-port).
 */
function sandboxCredentials({ urls, keys, smtp }) {
	const c = SANDBOX_CREDENTIALS;
	return [
		{ ...c.easyPost, data: { apiKey: keys.easyPostApiKey, aesBaseUrl: urls.easyPostAes, apiBaseUrl: urls.easyPostApi } },
		{ ...c.shipium, data: { apiKey: keys.shipiumApiKey, baseUrl: urls.shipium } },
		{ ...c.flexportApiKey, data: { authentication: 'apiKey', apiKey: keys.flexportApiKey, baseUrl: urls.flexport, apiVersion: '2' } },
		{
			...c.flexportClient,
			data: {
				authentication: 'clientCredentials',
				clientId: keys.flexportClientId,
				clientSecret: keys.flexportClientSecret,
				baseUrl: urls.flexport,
				apiVersion: '2',
			},
		},
		// The sink offers no TLS (loopback only): SSL/TLS off and STARTTLS not attempted.
		{ ...c.smtp, data: { user: keys.smtpUser, password: keys.smtpPassword, host: smtp.host, port: smtp.port, secure: false, disableStartTls: true } },
	];
}

module.exports = { SANDBOX_CREDENTIALS, sandboxUrls, sandboxCredentials };
