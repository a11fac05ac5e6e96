'use strict';
/**
 * `npm start`: a real n8n 2.40.7 on http://localhost:5678 with this package installed the way
 * n8n installs community packages, the provider sandbox, its credentials and the example
 * workflows. First run installs n8n into .cache/ (~7 min); later runs reuse it.
 * Ctrl-C (or SIGTERM) stops n8n and the sandbox.
 *
 * Env: N8N_PORT (5678), SANDBOX_PORT (4010), SANDBOX_SMTP_PORT (2525), START_USER_FOLDER (.n8n-local/start),
 * START_SKIP_BUILD=1 (pack the dist/ that is there).
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const n8nLocal = require('./n8n-local/n8nLocal');
const examples = require('./n8n-local/examples');
const { sandboxCredentials, sandboxUrls } = require('./n8n-local/sandboxCredentials');
const server = require('./n8n-local/server');

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 4010);
const SANDBOX_SMTP_PORT = Number(process.env.SANDBOX_SMTP_PORT || 2525);
const USER_FOLDER = path.resolve(process.env.START_USER_FOLDER || path.join(ROOT, '.n8n-local', 'start'));
const STATE_FILE = path.join(USER_FOLDER, 'us-customs-start.json');
const SANDBOX_CLI = path.join(ROOT, '.build', 'sandbox', 'cli.js');
const TOTAL_STEPS = 6;

const children = { sandbox: null, n8n: null };
let stopping = false;
let step = 0;

function say(message) {
	console.log(`[npm start ${new Date().toTimeString().slice(0, 8)}] ${message}`);
}

/** Runs a command with Node 24 first on PATH; its output is shown only when it fails (unless `show`). */
function run(command, args, { show = false, env = {} } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: ROOT,
			env: { ...process.env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`, ...env },
			stdio: show ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		if (!show) {
			child.stdout.on('data', (chunk) => (output += chunk));
			child.stderr.on('data', (chunk) => (output += chunk));
		}
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})\n${output.split('\n').slice(-40).join('\n')}`));
		});
	});
}

/** A numbered progress line, and the time the step took once it is done. */
async function slowStep(title, work) {
	step += 1;
	say(`(${step}/${TOTAL_STEPS}) ${title}`);
	const started = Date.now();
	const result = await work();
	say(`(${step}/${TOTAL_STEPS}) done in ${Math.round((Date.now() - started) / 1000)} s`);
	return result;
}

function hash(value) {
	return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function readState() {
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {
		return {};
	}
}

/** Starts the sandbox CLI in its own process group; resolves once it prints its URL. */
function startSandbox() {
	return new Promise((resolve, reject) => {
		const child = spawn(n8nLocal.NODE_BIN, [SANDBOX_CLI, '--port', String(SANDBOX_PORT), '--smtp-port', String(SANDBOX_SMTP_PORT)], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		children.sandbox = child;
		let output = '';
		let started = false;
		const onData = (chunk) => {
			output += chunk;
			const url = output.match(/listening on (http:\/\/\S+)/);
			if (url) {
				started = true;
				child.stdout.off('data', onData);
				child.stdout.resume();
				resolve(url[1]);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => {
			children.sandbox = null;
			if (stopping) return;
			if (!started) reject(new Error(`the sandbox exited (code ${code})${output.includes('EADDRINUSE') ? `: port ${SANDBOX_PORT} or ${SANDBOX_SMTP_PORT} is in use (set SANDBOX_PORT, SANDBOX_SMTP_PORT)` : ''}\n${output}`));
			else {
				say(`the sandbox exited (code ${code})`);
				void stopAll(1);
			}
		});
	});
}

async function portInUse(port) {
	try {
		await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
		return true;
	} catch (error) {
		return !/ECONNREFUSED/.test(String(error.cause && error.cause.code ? error.cause.code : error.message));
	}
}

async function stopAll(exitCode) {
	if (stopping) return;
	stopping = true;
	say('stopping n8n and the sandbox...');
	const waits = [];
	if (children.n8n) waits.push(children.n8n.stop());
	if (children.sandbox) {
		const sandbox = children.sandbox;
		waits.push(new Promise((resolve) => sandbox.once('exit', resolve)));
		server.signalGroup(sandbox.pid, 'SIGTERM');
		setTimeout(() => server.signalGroup(sandbox.pid, 'SIGKILL'), 5000).unref();
	}
	await Promise.all(waits);
	say('stopped.');
	process.exit(exitCode);
}

async function main() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		throw new Error(`Node ${process.versions.node}: run this through \`npm start\`, which uses the project's Node 24 (n8n 2.40 needs it); run \`npm install\` first.`);
	}
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));
	say(`n8n ${n8nLocal.N8N_VERSION} with ${n8nLocal.PACKAGE_NAME}, the provider sandbox and the example workflows`);
	if (await portInUse(N8N_PORT)) throw new Error(`port ${N8N_PORT} is in use (another n8n?): stop it or set N8N_PORT`);
	if (await portInUse(SANDBOX_PORT)) throw new Error(`port ${SANDBOX_PORT} is in use: stop that program or set SANDBOX_PORT`);
	if (await portInUse(SANDBOX_SMTP_PORT)) throw new Error(`port ${SANDBOX_SMTP_PORT} is in use: stop that program or set SANDBOX_SMTP_PORT`);

	await slowStep(
		n8nLocal.isInstalled()
			? `n8n ${n8nLocal.N8N_VERSION}: reusing ${path.relative(ROOT, n8nLocal.CACHE_DIR)}`
			: `installing n8n ${n8nLocal.N8N_VERSION} into ${path.relative(ROOT, n8nLocal.CACHE_DIR)} (first run only: 5-10 minutes on 2 cores, 3 GB; progress every 30 s)`,
		() => run('bash', [path.join(__dirname, 'n8n-local', 'install.sh')], { show: true }),
	);
	await slowStep(process.env.START_SKIP_BUILD === '1' ? 'building the sandbox (package build skipped)' : 'building the package and the sandbox (npm run build)', async () => {
		if (process.env.START_SKIP_BUILD !== '1') await run('npm', ['run', 'build']);
		await run('tsc', ['-p', path.join(__dirname, 'n8n-local', 'tsconfig.sandbox.json')]);
	});
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	await slowStep(`packing the package and installing the tarball into ${path.relative(ROOT, USER_FOLDER) || USER_FOLDER}/.n8n/nodes, as n8n installs community packages`, () =>
		run('bash', [path.join(__dirname, 'n8n-local', 'pack-and-install.sh'), USER_FOLDER, '--no-build']),
	);
	const sandboxUrl = await slowStep(`starting the provider sandbox on 127.0.0.1:${SANDBOX_PORT} (SMTP sink on 127.0.0.1:${SANDBOX_SMTP_PORT})`, startSandbox);

	const state = readState();
	const { DEFAULT_KEYS } = require(path.join(ROOT, '.build', 'sandbox', 'keys.js'));
	const credentials = sandboxCredentials({ urls: sandboxUrls(sandboxUrl), keys: DEFAULT_KEYS, smtp: { host: '127.0.0.1', port: SANDBOX_SMTP_PORT } });
	const workflows = examples.readExamples().map(({ workflow }) => examples.pointAtSandbox(workflow, sandboxUrl));
	// Only what changed is imported again, so edits made in the editor survive a restart.
	const changed = workflows.filter((workflow) => (state.workflows || {})[workflow.id] !== hash(workflow));
	await slowStep('importing the sandbox credentials and the example workflows (n8n CLI)', async () => {
		const credentialsChanged = state.credentials !== hash(credentials);
		if (credentialsChanged) await n8nLocal.importCredentials(USER_FOLDER, credentials);
		if (changed.length > 0) {
			const publish = changed.filter(examples.needsPublishing).map((workflow) => workflow.id);
			await examples.importWorkflows(USER_FOLDER, changed, { publish });
		}
		fs.writeFileSync(
			STATE_FILE,
			JSON.stringify({ credentials: hash(credentials), workflows: Object.fromEntries(workflows.map((w) => [w.id, hash(w)])) }, null, 2),
		);
		say(`    credentials: ${credentialsChanged ? credentials.map((c) => c.name).join(', ') : 'unchanged since the last start'}`);
		say(`    workflows: ${changed.length === 0 ? 'unchanged since the last start (kept as edited)' : changed.map((w) => `"${w.name}"`).join(', ')}`);
	});

	const n8n = await slowStep(`starting n8n on http://localhost:${N8N_PORT} (loopback only; log: ${path.relative(ROOT, path.join(USER_FOLDER, 'n8n.log'))})`, () =>
		server.startN8nServer(USER_FOLDER, { port: N8N_PORT, logFile: path.join(USER_FOLDER, 'n8n.log') }),
	);
	children.n8n = n8n;
	n8n.exited.then(({ code, signal }) => {
		children.n8n = null;
		if (!stopping) {
			say(`n8n exited (code ${code}, signal ${signal}); see ${n8n.logFile}`);
			void stopAll(1);
		}
	});
	await server.login(n8n.url);

	const owner = server.DEMO_OWNER;
	console.log(`
  n8n is running:   ${n8n.url}
  Log in with:      ${owner.email} / ${owner.password}   (a local demo owner; n8n listens on 127.0.0.1 only)
  Sandbox:          ${sandboxUrl}   alerts it received: ${sandboxUrl}/sink

  In n8n, open Overview and then:
   1. "US customs: order to EEI filing": in the menu of the "Execute workflow" button (the arrow)
      choose "from Manual Trigger (test twin)", then click "Execute workflow". Three sample orders
      run: SO-1001 is filed in AES (test), SO-1002 gets NOEEI 30.37(a), SO-1003 is rejected by AES.
      Double-click a node to see its output. The same workflow listens on
      POST ${n8n.url}/webhook/eei-order   body: {"orders":[{ "orderId", "shipment", "filing" }]}
   2. "US customs: void an EEI filing": click "Execute workflow" to void SO-1001's filing.
   3. "US customs: release alerts (Flexport)": click "Execute workflow" for alerts on a sample of
      the current customs entries (Slack, and email over SMTP); it is published, so it also polls
      the sandbox every minute.
  Credentials (Overview > Credentials) point at the sandbox. Press Ctrl-C to stop everything.
`);
}

main().catch((error) => {
	console.error(`\n[npm start] ${error.message}`);
	void stopAll(1);
});
