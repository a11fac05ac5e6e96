/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * Imported first by the secrets test: n8n's own logger at debug, to the console, and the
 * console itself replaced before that logger is built (it binds console.log once), so that every
 * log line is captured here to be scanned instead of printed.
 */
import { format } from 'node:util';

process.env.N8N_LOG_LEVEL = 'debug';
process.env.N8N_LOG_OUTPUT = 'console';

/** Every line written through the console (n8n's logger included) since this file loaded. */
export const capturedLines: string[] = [];

/**
 * For the figures the test prints itself: straight to the process's stdout, since the console's
 * own streams are replaced below (jest's console would write through them).
 */
export const print = (...args: unknown[]): void => {
	process.stdout.write(`${format(...args)}\n`);
};

// winston's console transport writes to console._stdout when there is one, else calls console.log.
const sink = { write: (chunk: unknown) => capturedLines.push(String(chunk).replace(/\n$/, '')) > 0 };
Object.assign(console as unknown as Record<string, unknown>, { _stdout: sink, _stderr: sink });
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
	console[method] = (...args: unknown[]) => {
		capturedLines.push(format(...args));
	};
}
