/**
 * Runs the provider sandbox until interrupted and prints the base URLs and keys to put in n8n
 * credentials. Usage: node .build/sandbox/cli.js [--port 4010] [--smtp-port 2525] [--seed 1] [--latency 0] [--entries 14]
 */
import { startSandbox } from './index';

function option(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	if (at < 0) return fallback;
	const value = Number(process.argv[at + 1]);
	if (!Number.isFinite(value)) {
		console.error(`--${name} needs a number`);
		process.exit(2);
	}
	return value;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({
		port: option('port', 4010),
		smtpPort: option('smtp-port', 2525),
		seed: option('seed', 1),
		latencyMs: option('latency', 0),
		flexport: { entries: option('entries', 14) },
	});
	const { urls, keys } = sandbox;
	console.log(`Provider sandbox listening on ${sandbox.url}`);
	console.log(`SMTP sink listening on smtp://${sandbox.smtp.host}:${sandbox.smtp.port}`);
	console.log('');
	console.log('Credential settings:');
	console.log(`  EasyPost API   API Key ${keys.easyPostApiKey}  AES Base URL ${urls.easyPostAes}  API Base URL ${urls.easyPostApi}`);
	console.log(`  Shipium API    API Key ${keys.shipiumApiKey}  Base URL ${urls.shipium}`);
	console.log(`  Flexport API   API Key ${keys.flexportApiKey}  Base URL ${urls.flexport}`);
	console.log(`                 or Client ID ${keys.flexportClientId}  Client Secret ${keys.flexportClientSecret}`);
	console.log('');
	console.log(`  SMTP           Host ${sandbox.smtp.host}  Port ${sandbox.smtp.port}  SSL/TLS off  User ${keys.smtpUser}  Password ${keys.smtpPassword}`);
	console.log('');
	console.log(`Alert sinks:     Slack ${urls.slackWebhook}  Email over SMTP  (GET ${urls.sink} lists them)`);
	console.log(`Sandbox:         GET ${sandbox.url}/_sandbox/state, POST ${sandbox.url}/_sandbox/control {action,...}`);
	const stop = (): void => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error((error as Error).message);
	process.exit(1);
});
