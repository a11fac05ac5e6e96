'use strict';
/**
 * Drives the pinned, locally installed n8n (see install.sh) headless, for end-to-end tests:
 * a throw-away N8N_USER_FOLDER, this package packed and installed as a community package,
 * credentials and workflows imported with the n8n CLI, and `n8n execute --id --rawOutput`
 * run with its JSON parsed. Each n8n command is a fresh n8n process on the folder's SQLite.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const N8N_VERSION = '2.40.7';
const CACHE_DIR = process.env.N8N_CACHE_DIR || path.join(ROOT, '.cache', `n8n-${N8N_VERSION}`);
const N8N_BIN = path.join(CACHE_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
/** Node 24 from the project's `node` devDependency: n8n 2.38+ needs it. */
const NODE_BIN = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;
/** Fixed so that credentials imported by one n8n process are readable by the next; test data only. */
const E2E_ENCRYPTION_KEY = 'n8n-nodes-us-customs-local-e2e-only';

function isInstalled() {
	return fs.existsSync(path.join(CACHE_DIR, '.install-complete')) && fs.existsSync(N8N_BIN);
}

function runScript(script, args) {
	const result = spawnSync('bash', [path.join(__dirname, script), ...args], { stdio: 'inherit', cwd: ROOT });
	if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Installs n8n into the cache unless it is there already (slow the first time: ~6 min). */
function install() {
	runScript('install.sh', []);
}

/** A new, empty N8N_USER_FOLDER under the system temp folder. */
function createUserFolder(prefix = 'n8n-us-customs-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `npm pack` this package (building first unless build is false) and install it into the folder's n8n nodes. */
function packAndInstall(userFolder, { build = true } = {}) {
	runScript('pack-and-install.sh', build ? [userFolder] : [userFolder, '--no-build']);
}

function n8nEnv(userFolder, extra = {}) {
	return {
		PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH || ''}`,
		HOME: process.env.HOME || os.homedir(),
		TMPDIR: process.env.TMPDIR || os.tmpdir(),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// info, because `n8n execute` reports a failed execution's data at that level.
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		NO_COLOR: '1',
		FORCE_COLOR: '0',
		...extra,
	};
}

/** A free loopback port: each n8n process gets its own task broker port, so runs never collide on 5679. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Runs one n8n CLI command; resolves with its exit code and output (never rejects on a non-zero exit). */
async function n8n(userFolder, args, { env = {}, timeoutMs = 120000 } = {}) {
	if (!fs.existsSync(N8N_BIN)) {
		throw new Error(`n8n is not installed in ${CACHE_DIR}: run scripts/n8n-local/install.sh`);
	}
	const brokerPort = String(await freePort());
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(NODE_BIN, [N8N_BIN, ...args], {
			cwd: userFolder,
			env: n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: brokerPort, ...env }),
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, durationMs: Date.now() - started });
		});
	});
}

function writeTemp(userFolder, name, value) {
	const file = path.join(userFolder, name);
	fs.writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

function checked(result, what) {
	if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
	return result;
}

/** A 16-character id of the kind n8n gives workflows and credentials. */
function newId() {
	return crypto.randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 16);
}

/**
 * Imports credentials: [{ id?, name, type, data: { plain fields } }]; n8n encrypts `data`.
 * Returns them with their ids.
 */
async function importCredentials(userFolder, credentials, options) {
	const withIds = credentials.map((c) => ({ id: newId(), ...c }));
	const file = writeTemp(userFolder, `credentials-${Date.now()}.json`, withIds);
	checked(await n8n(userFolder, ['import:credentials', `--input=${file}`], options), 'n8n import:credentials');
	return withIds;
}

/** Imports one workflow (an id is added when absent); returns its id. */
async function importWorkflow(userFolder, workflow, options) {
	const withId = { active: false, settings: {}, connections: {}, ...workflow, id: workflow.id || newId() };
	const file = writeTemp(userFolder, `workflow-${withId.id}.json`, withId);
	checked(await n8n(userFolder, ['import:workflow', `--input=${file}`], options), 'n8n import:workflow');
	return withId.id;
}

/**
 * The execution data `n8n execute --rawOutput` prints (an IRun: `data.resultData.runData` per
 * node). n8n may log around it, so the last top-level `{ ... }` block that parses and has
 * `data.resultData` is taken.
 */
function parseRawOutput(stdout) {
	const lines = stdout.split(/\r?\n/);
	const starts = [];
	const ends = [];
	lines.forEach((line, i) => {
		if (line === '{') starts.push(i);
		if (line === '}') ends.push(i);
	});
	for (let s = starts.length - 1; s >= 0; s--) {
		for (let e = ends.length - 1; e >= 0 && ends[e] > starts[s]; e--) {
			try {
				const parsed = JSON.parse(lines.slice(starts[s], ends[e] + 1).join('\n'));
				if (parsed && parsed.data && parsed.data.resultData) return parsed;
			} catch {
				// not this block
			}
		}
	}
	return undefined;
}

/**
 * `n8n execute --id=<id> --rawOutput`. Resolves { ok, run, error, stdout, stderr, code, durationMs }:
 * `run` is the parsed execution (also on failure when n8n printed it), `error` the execution's error.
 */
async function executeWorkflow(userFolder, id, options) {
	const result = await n8n(userFolder, ['execute', `--id=${id}`, '--rawOutput'], options);
	const run = parseRawOutput(result.stdout);
	// A run n8n printed as finished successfully counts as such even if n8n then exits non-zero:
	// that happened to the smoke test in two of three full e2e runs here (n8n shutting down).
	const succeeded = run !== undefined && run.status === 'success' && run.finished === true && !run.data.resultData.error;
	const error = (run && run.data.resultData.error) || (result.code !== 0 && !succeeded ? cliError(result.stdout) : undefined);
	return { ok: run !== undefined && !error && (result.code === 0 || succeeded), run, error, ...result };
}

/** The message n8n prints under "Execution error:" when it fails before any node ran (e.g. "Unrecognized node type"). */
function cliError(stdout) {
	const lines = stdout.split(/\r?\n/);
	const at = lines.lastIndexOf('Execution error:');
	if (at < 0) return { message: `n8n execute failed: ${lines.filter(Boolean).slice(-3).join(' | ')}` };
	const message = lines.slice(at + 1).find((line) => line.trim() !== '' && !/^=+$/.test(line.trim()));
	return { message: message || 'n8n execute failed' };
}

/** The JSON of the items a node produced in its first run (`output` = output index). */
function nodeOutput(run, nodeName, output = 0) {
	const runs = run && run.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) return undefined;
	const items = (runs[0].data && runs[0].data.main && runs[0].data.main[output]) || [];
	return items.map((item) => item.json);
}

/** Imports the credentials (if any) and the workflow, then executes it. */
async function runWorkflow(userFolder, workflow, { credentials = [], ...options } = {}) {
	if (credentials.length > 0) await importCredentials(userFolder, credentials, options);
	const id = await importWorkflow(userFolder, workflow, options);
	return { id, ...(await executeWorkflow(userFolder, id, options)) };
}

module.exports = {
	ROOT,
	N8N_VERSION,
	CACHE_DIR,
	PACKAGE_NAME,
	NODE_BIN,
	N8N_BIN,
	isInstalled,
	install,
	createUserFolder,
	packAndInstall,
	n8nEnv,
	freePort,
	n8n,
	importCredentials,
	importWorkflow,
	executeWorkflow,
	parseRawOutput,
	nodeOutput,
	runWorkflow,
};

// CLI: node scripts/n8n-local/n8nLocal.js run <workflow.json> [credentials.json] [--user-folder DIR] [--no-build]
if (require.main === module) {
	const [command, workflowFile, credentialsFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
	const flag = (name) => process.argv.indexOf(`--${name}`);
	if (command !== 'run' || !workflowFile) {
		console.error('usage: node scripts/n8n-local/n8nLocal.js run <workflow.json> [credentials.json] [--user-folder DIR] [--no-build]');
		process.exit(2);
	}
	(async () => {
		install();
		const userFolder = flag('user-folder') > 0 ? process.argv[flag('user-folder') + 1] : createUserFolder();
		fs.mkdirSync(userFolder, { recursive: true });
		packAndInstall(userFolder, { build: flag('no-build') < 0 });
		const workflow = JSON.parse(fs.readFileSync(workflowFile, 'utf8'));
		const credentials = credentialsFile ? JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) : [];
		const result = await runWorkflow(userFolder, workflow, { credentials });
		process.stdout.write(`${JSON.stringify(result.run ?? { stdout: result.stdout, stderr: result.stderr }, null, 2)}\n`);
		console.error(`n8n user folder: ${userFolder}; execute took ${result.durationMs} ms; ok=${result.ok}`);
		process.exit(result.ok ? 0 : 1);
	})().catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
