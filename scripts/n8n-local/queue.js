'use strict';
/**
 * n8n queue mode (scaling) on one machine, for the scale-out e2e test: Redis from the OS
 * packages on a loopback port, one main (`n8n start`: UI, webhooks, the leader's pollers) and
 * workers (`n8n worker`) that take the executions from the Bull queue. The processes share the
 * database (PostgreSQL from postgres.js, passed in `env`) and the encryption key; each may have
 * its own user folder (its own copy of the installed package, as on separate machines) and gets
 * its own task-broker port, health port and event-log file so that none collide.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const n8nLocal = require('./n8nLocal');
const server = require('./server');

/** Where Debian's redis-server package puts the binary; PATH first. */
function redisServerBin() {
	const onPath = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
	const found = [onPath, '/usr/bin/redis-server', '/usr/sbin/redis-server', '/usr/local/bin/redis-server'].find((p) => p && fs.existsSync(p));
	if (!found) throw new Error('redis-server is not installed: apt-get update && apt-get install -y redis-server (Debian/Ubuntu)');
	return found;
}

/** Whether Redis on 127.0.0.1:port answers PING with PONG (raw RESP over a socket). */
function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.createConnection({ host: '127.0.0.1', port, timeout: 1000 });
		let answer = '';
		socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk;
			if (answer.includes('\r\n')) {
				socket.destroy();
				resolve(answer.startsWith('+PONG'));
			}
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Process groups started here and still running: killed if this process exits without stopping them. */
const running = new Set();
/** Scratch folders (Redis's) to remove with them. */
const scratch = new Set();
function killRunning() {
	for (const pid of running) server.signalGroup(pid, 'SIGKILL');
	running.clear();
	for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
	scratch.clear();
}
process.on('exit', killRunning);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, function onSignal() {
		killRunning();
		// Keep the default behaviour (exit) unless someone else, e.g. a test runner, handles the signal.
		if (process.listenerCount(signal) === 1) {
			process.removeListener(signal, onSignal);
			process.kill(process.pid, signal);
		}
	});
}

/** Registers a detached child's process group until it exits. */
function track(child) {
	running.add(child.pid);
	child.on('exit', () => running.delete(child.pid));
}

/**
 * A throw-away Redis on 127.0.0.1 (no persistence: `--save '' --appendonly no`), in its own
 * process group. Resolves { port, pid, logFile, stop() } once it answers PING.
 */
async function startRedis({ port, dir, timeoutMs = 15000 } = {}) {
	const redisPort = port || (await n8nLocal.freePort());
	const workDir = dir || fs.mkdtempSync(path.join(os.tmpdir(), 'redis-us-customs-'));
	if (!dir) scratch.add(workDir);
	const removeDir = () => {
		if (!dir) fs.rmSync(workDir, { recursive: true, force: true });
		scratch.delete(workDir);
	};
	const logFile = path.join(workDir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		redisServerBin(),
		['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', workDir, '--daemonize', 'no'],
		{ stdio: ['ignore', out, out], detached: true },
	);
	fs.closeSync(out);
	track(child);
	let exited = null;
	const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
	async function stop(graceMs = 5000) {
		if (!exited) {
			server.signalGroup(child.pid, 'SIGTERM');
			const timer = setTimeout(() => server.signalGroup(child.pid, 'SIGKILL'), graceMs);
			await exitedPromise;
			clearTimeout(timer);
		}
		removeDir();
		return exited;
	}
	const deadline = Date.now() + timeoutMs;
	while (!(await redisPing(redisPort))) {
		if (exited || Date.now() > deadline) {
			const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
			await stop(1000);
			throw new Error(`redis-server did not start on 127.0.0.1:${redisPort}\n${log}`);
		}
		await sleep(100);
	}
	return { port: redisPort, pid: child.pid, logFile, dir: workDir, stop };
}

/** The environment that puts an n8n process (main or worker) in queue mode on that Redis. */
function queueEnv({ redisPort }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		// Executions are read back through the REST API, so keep every one of them.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
}

/**
 * `n8n worker --concurrency=N` on the user folder, in its own process group; resolves when its
 * health endpoint answers ready. Returns { name, url, pid, logFile, stop(), kill() }. A free port
 * may be taken by another process before n8n binds it (other n8n runs share the machine): then
 * the worker is started again on new ports, up to three times.
 */
async function startWorker(userFolder, options) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startWorkerOnce(userFolder, options);
		} catch (error) {
			if (attempt >= 3 || !/already in use/.test(error.message)) throw error;
		}
	}
}

async function startWorkerOnce(userFolder, { name, redisPort, concurrency = 5, env = {}, timeoutMs = 180000 }) {
	const healthPort = await n8nLocal.freePort();
	const brokerPort = await n8nLocal.freePort();
	const logFile = path.join(userFolder, `${name}.log`);
	const logStart = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').length : 0;
	const out = fs.openSync(logFile, 'a');
	const child = spawn(n8nLocal.NODE_BIN, [n8nLocal.N8N_BIN, 'worker', `--concurrency=${concurrency}`], {
		cwd: userFolder,
		env: n8nLocal.n8nEnv(userFolder, {
			...queueEnv({ redisPort }),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			// Workers would otherwise share one `n8nEventLog-worker.log` in the user folder.
			N8N_EVENTBUS_LOGWRITER_LOGBASENAME: `n8nEventLog-${name}`,
			...env,
		}),
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	track(child);
	let exited = null;
	const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
	async function stop(graceMs = 15000) {
		if (exited) return exited;
		server.signalGroup(child.pid, 'SIGTERM');
		const timer = setTimeout(() => server.signalGroup(child.pid, 'SIGKILL'), graceMs);
		const result = await exitedPromise;
		clearTimeout(timer);
		server.signalGroup(child.pid, 'SIGKILL');
		return result;
	}
	try {
		await server.waitFor(`http://127.0.0.1:${healthPort}/healthz/readiness`, { timeoutMs, isDead: () => exited !== null });
	} catch (error) {
		await stop(2000);
		const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(logStart).split('\n').slice(-30).join('\n') : '';
		throw new Error(`n8n worker ${name} did not start: ${error.message}\n--- ${logFile} (last lines) ---\n${tail}`);
	}
	/** SIGKILL to the worker's process group (the worker and its task runner): a crash, no shutdown. */
	async function kill() {
		server.signalGroup(child.pid, 'SIGKILL');
		return exitedPromise;
	}
	return { name, url: `http://127.0.0.1:${healthPort}`, pid: child.pid, logFile, userFolder, exited: exitedPromise, stop, kill };
}

/**
 * One main and `workers` workers, queue mode on Redis at redisPort; `env` (e.g. the database
 * settings) goes to every process, `mainEnv` to the main only. The main runs on `userFolder`,
 * worker i on `workerFolders[i]` (default: the main's folder). The main starts first and the
 * workers once it is ready: every n8n process runs the database migrations at start, and on a
 * fresh database processes starting together fail them ("duplicate column name").
 * Returns { main, workers, restartWorker(name), stop() }; `workers` always lists the current
 * processes; stop() ends the workers, then the main. If a process fails to start, the ones
 * already up are stopped before the error is thrown.
 */
async function startQueueCluster(userFolder, { redisPort, port, workers = 2, concurrency = 5, env = {}, mainEnv = {}, workerFolders = [] } = {}) {
	const mainPort = port || (await n8nLocal.freePort());
	const main = await server.startN8nServer(userFolder, {
		port: mainPort,
		logFile: path.join(userFolder, 'main.log'),
		env: { ...queueEnv({ redisPort }), ...env, ...mainEnv },
	});
	track(main.child);
	const names = Array.from({ length: workers }, (_, i) => `worker${i + 1}`);
	const folderOf = (name) => workerFolders[names.indexOf(name)] || userFolder;
	const started = await Promise.allSettled(names.map((name) => startWorker(folderOf(name), { name, redisPort, concurrency, env })));
	const up = started.filter((s) => s.status === 'fulfilled').map((s) => s.value);
	async function stop() {
		await Promise.all(up.map((worker) => worker.stop()));
		await main.stop();
	}
	/** Starts a worker again under the same name and folder (after a crash); it replaces the old one in `workers`. */
	async function restartWorker(name) {
		const at = up.findIndex((worker) => worker.name === name);
		if (at < 0) throw new Error(`no worker named ${name}`);
		await up[at].stop(2000);
		up[at] = await startWorker(folderOf(name), { name, redisPort, concurrency, env });
		return up[at];
	}
	const failed = started.find((s) => s.status === 'rejected');
	if (failed) {
		await stop();
		throw failed.reason;
	}
	return { main, workers: up, restartWorker, stop };
}

/** executionId -> worker name, from each worker's "Worker started execution <id>" log lines. */
function executionsByWorker(workerProcesses) {
	const owner = new Map();
	for (const worker of workerProcesses) {
		const text = fs.existsSync(worker.logFile) ? fs.readFileSync(worker.logFile, 'utf8') : '';
		for (const match of text.matchAll(/Worker started execution (\d+) \(job/g)) {
			if (owner.has(match[1]) && owner.get(match[1]) !== worker.name) owner.set(match[1], `${owner.get(match[1])}+${worker.name}`);
			else owner.set(match[1], worker.name);
		}
	}
	return owner;
}

/** n8n's `flatted` (execution data in the REST API is flatted-serialised). */
function flatted() {
	return require(path.join(n8nLocal.CACHE_DIR, 'node_modules', 'flatted'));
}

async function restJson(url, cookie, route) {
	const response = await fetch(`${url}${route}`, { headers: { cookie } });
	if (response.status !== 200) throw new Error(`GET ${route} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
	return response.json();
}

/** Every status n8n 2.40 gives an execution (n8n-workflow's ExecutionStatusList). */
const EXECUTION_STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];

/**
 * Summaries of a workflow's executions (newest first, up to `limit`): [{ id, status, mode, ... }].
 * n8n answers at most 100 per request, so older pages are asked for with `lastId`. The status
 * filter (all statuses) makes n8n order by id: without one, its first page lists the running
 * executions, then the finished ones by start time, and paging by id would skip some.
 */
async function listExecutions(url, cookie, workflowId, { limit = 1000 } = {}) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status: EXECUTION_STATUSES }));
	const all = [];
	for (;;) {
		const lastId = all.length > 0 ? `&lastId=${all[all.length - 1].id}` : '';
		const body = await restJson(url, cookie, `/rest/executions?filter=${filter}&limit=100${lastId}`);
		const page = body.data.results;
		all.push(...page);
		if (page.length < 100 || all.length >= limit) return all.slice(0, limit);
	}
}

/** One execution with its run data parsed: { id, status, mode, run: { data: { resultData } } }. */
async function getExecution(url, cookie, id) {
	const { data } = await restJson(url, cookie, `/rest/executions/${id}`);
	const run = typeof data.data === 'string' ? { data: flatted().parse(data.data) } : { data: data.data };
	return { ...data, data: undefined, run };
}

module.exports = {
	redisServerBin,
	redisPing,
	startRedis,
	queueEnv,
	startWorker,
	startQueueCluster,
	executionsByWorker,
	listExecutions,
	getExecution,
};
