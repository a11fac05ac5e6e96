/** Types for sandboxCredentials.js: the sandbox credentials under the ids the examples use. */
import type { N8nCredentialInput } from './n8nLocal';

export interface SandboxCredentialRef {
	id: string;
	name: string;
	type: string;
}
export const SANDBOX_CREDENTIALS: Readonly<{
	easyPost: SandboxCredentialRef;
	shipium: SandboxCredentialRef;
	flexportApiKey: SandboxCredentialRef;
	flexportClient: SandboxCredentialRef;
	smtp: SandboxCredentialRef;
}>;
export interface SandboxUrlsLike {
	easyPostAes: string;
	easyPostApi: string;
	shipium: string;
	flexport: string;
}
export interface SandboxKeysLike {
	easyPostApiKey: string;
	shipiumApiKey: string;
	flexportApiKey: string;
	flexportClientId: string;
	flexportClientSecret: string;
	smtpUser: string;
	smtpPassword: string;
}
export function sandboxUrls(origin: string): SandboxUrlsLike & { sink: string };
export function sandboxCredentials(sandbox: {
	urls: SandboxUrlsLike;
	keys: SandboxKeysLike;
	smtp: { host: string; port: number };
}): Array<N8nCredentialInput & { id: string }>;
