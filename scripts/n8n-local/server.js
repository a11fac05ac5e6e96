'use strict';
/**
 * `n8n start` on a user folder, on loopback only, with the instance owner created from the
 * environment (n8n 2.x: N8N_INSTANCE_OWNER_MANAGED_BY_ENV), so the editor opens on a login page
 * rather than the owner set-up. Used by `npm start` and the e2e tests.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const n8nLocal = require('./n8nLocal');

/** A local demo login, printed by `npm start`: n8n listens on 127.0.0.1 only. */
const DEMO_OWNER = Object.freeze({ email: 'owner@example.com', password: 'UsCustoms2026', firstName: 'Demo', lastName: 'Owner' });

/** n8n's password hash for the owner (bcrypt, from n8n's own bcryptjs). */
function bcryptHash(password) {
	const bcrypt = require(path.join(n8nLocal.CACHE_DIR, 'node_modules', 'bcryptjs'));
	return bcrypt.hashSync(password, 10);
}

function serverEnv(userFolder, { port, brokerPort, owner = DEMO_OWNER, env = {} }) {
	return n8nLocal.n8nEnv(userFolder, {
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}/`,
		WEBHOOK_URL: `http://localhost:${port}/`,
		// Plain http on localhost: the session cookie cannot be "secure".
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(owner.password),
		N8N_LOG_LEVEL: 'info',
		...env,
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `GET url` answers 200, rejects when `isDead()` or after timeoutMs. */
async function waitFor(url, { timeoutMs, isDead = () => false }) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (isDead()) throw new Error('n8n exited while starting');
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * Starts n8n in its own process group (so it can be stopped with every child it starts) and
 * waits until `/healthz/readiness` answers. Output goes to `logFile`.
 * Returns { url, child, logFile, stop() }.
 */
async function startN8nServer(userFolder, { port = 5678, brokerPort, logFile, owner, env, timeoutMs = 180000 } = {}) {
	const broker = brokerPort || (await n8nLocal.freePort());
	const log = logFile || path.join(userFolder, 'n8n.log');
	const out = fs.openSync(log, 'a');
	const child = spawn(n8nLocal.NODE_BIN, [n8nLocal.N8N_BIN, 'start'], {
		cwd: userFolder,
		env: serverEnv(userFolder, { port, brokerPort: broker, owner, env }),
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	let exited = null;
	const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
	const url = `http://localhost:${port}`;

	/** SIGTERM to n8n's process group (n8n shuts down gracefully), SIGKILL after graceMs. */
	async function stop(graceMs = 15000) {
		if (exited) return exited;
		signalGroup(child.pid, 'SIGTERM');
		const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
		const result = await exitedPromise;
		clearTimeout(timer);
		// Task runners n8n started may outlive it for a moment: end the group.
		signalGroup(child.pid, 'SIGKILL');
		return result;
	}

	try {
		await waitFor(`http://127.0.0.1:${port}/healthz/readiness`, { timeoutMs, isDead: () => exited !== null });
	} catch (error) {
		await stop(2000);
		const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n') : '';
		throw new Error(`n8n did not start: ${error.message}\n--- ${log} (last lines) ---\n${tail}`);
	}
	return { url, child, logFile: log, exited: exitedPromise, stop };
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** Logs in through n8n's REST API; resolves the session cookie (throws unless 200). */
async function login(url, owner = DEMO_OWNER) {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (response.status !== 200) throw new Error(`n8n login as ${owner.email} answered ${response.status}: ${await response.text()}`);
	return (response.headers.get('set-cookie') || '').split(';')[0];
}

module.exports = { DEMO_OWNER, startN8nServer, login, waitFor, signalGroup };

/**
 * Runs scripts/start.js (what `npm start` runs) as a child with the given environment; its
 * output is collected in `output()`; `ready` resolves once it says n8n is up ("Press Ctrl-C") and
 * rejects if it exits first. For the e2e tests that run `npm start`.
 */
function spawnStartScript(env) {
	const child = spawn(n8nLocal.NODE_BIN, [path.join(n8nLocal.ROOT, 'scripts', 'start.js')], {
		cwd: n8nLocal.ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let text = '';
	let markReady;
	const ready = new Promise((resolve, reject) => {
		markReady = resolve;
		child.on('exit', () => reject(new Error(`npm start exited early\n${text}`)));
	});
	ready.catch(() => undefined); // a caller that never awaits ready is not an unhandled rejection
	const collect = (chunk) => {
		text += chunk;
		// start.js prints this once n8n and the sandbox are up and the examples are imported.
		if (text.includes('Press Ctrl-C')) markReady();
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
	return { child, exit, ready, output: () => text };
}

module.exports.spawnStartScript = spawnStartScript;
