'use strict';
/**
 * A throw-away PostgreSQL cluster for n8n queue mode (n8n supports queue mode on PostgreSQL, not
 * on SQLite): the server of the Debian `postgresql` package (`/usr/lib/postgresql/<v>/bin`),
 * `initdb` into a new temporary folder, listening on 127.0.0.1 and a free port only, database
 * `n8n` owned by the superuser `n8n` (trust authentication: loopback, test data only). PostgreSQL
 * refuses to run as root, so as root the cluster runs as the package's `postgres` user. The
 * folder is removed when the cluster stops (or when this process exits without stopping it).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8nLocal = require('./n8nLocal');

const SUPERUSER = 'n8n';
const DATABASE = 'n8n';

/** The newest `/usr/lib/postgresql/<version>/bin` holding initdb (Debian's layout), else initdb on PATH. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length > 0) return path.join(root, versions[0], 'bin');
	const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
	if (onPath) return path.dirname(onPath);
	throw new Error('PostgreSQL is not installed: apt-get update && apt-get install -y postgresql (Debian/Ubuntu)');
}

/** Root cannot run PostgreSQL: then the cluster's commands run as the `postgres` user. */
function runAs() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
	if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, and there is no `postgres` user to run PostgreSQL as (install the postgresql package)');
	return { uid, gid };
}

function run(bin, args, user, what) {
	const command = user ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	const result = spawnSync(command[0], command[1], { encoding: 'utf8', timeout: 120000 });
	if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}): ${(result.stderr || result.stdout || String(result.error)).slice(-2000)}`);
	return result.stdout;
}

/** Clusters started here and not yet stopped: stopped at once if this process exits first. */
const running = new Set();
process.on('exit', () => {
	for (const cluster of running) cluster.stopNow();
});

/**
 * Starts the cluster and creates the database. Resolves { port, dir, env, query(sql), stop() }:
 * `env` is what n8n needs (DB_TYPE=postgresdb, DB_POSTGRESDB_*), `query` runs SQL with psql and
 * returns its unaligned output.
 */
async function startPostgres({ port } = {}) {
	const bin = postgresBinDir();
	const user = runAs();
	const pgPort = port || (await n8nLocal.freePort());
	// The postgres user must reach the folder: under /tmp, not a TMPDIR inside root's home.
	const dir = fs.mkdtempSync(path.join(user ? '/tmp' : os.tmpdir(), 'pg-us-customs-'));
	if (user) fs.chownSync(dir, user.uid, user.gid);
	const data = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	let stopped = false;
	const stopNow = (mode = 'immediate') => {
		if (stopped) return;
		stopped = true;
		running.delete(cluster);
		if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
			spawnSync(...(user ? ['runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', data, '-m', mode, '-w', 'stop']] : [path.join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']]), {
				stdio: 'ignore',
				timeout: 60000,
			});
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	const cluster = { stopNow };
	running.add(cluster);
	try {
		run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', SUPERUSER, '-E', 'UTF8', '--locale=C', '--no-sync'], user, 'initdb');
		// Durability is not what this test measures: no fsync keeps a 2-core machine fast.
		const options = `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
		run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], user, 'pg_ctl start');
		run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', SUPERUSER, DATABASE], undefined, 'createdb');
	} catch (error) {
		const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		stopNow();
		throw new Error(`PostgreSQL did not start: ${error.message}\n${log}`);
	}
	const version = run(path.join(bin, 'postgres'), ['--version'], undefined, 'postgres --version').trim();
	return {
		port: pgPort,
		dir,
		logFile,
		version,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: DATABASE,
			DB_POSTGRESDB_USER: SUPERUSER,
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_SCHEMA: 'public',
		},
		query: (sql) => run(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', SUPERUSER, '-d', DATABASE, '-XAtc', sql], undefined, 'psql').trim(),
		stop: async () => stopNow('fast'),
	};
}

module.exports = { postgresBinDir, startPostgres };
