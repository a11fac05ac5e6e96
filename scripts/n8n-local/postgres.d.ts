/** Types for postgres.js: a throw-away PostgreSQL cluster (Debian's package) on loopback. */
export interface PostgresCluster {
	port: number;
	/** The temporary folder (data, socket, log); removed by stop(). */
	dir: string;
	logFile: string;
	/** e.g. "postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)" */
	version: string;
	/** DB_TYPE=postgresdb and the DB_POSTGRESDB_* settings that point n8n at it. */
	env: Record<string, string>;
	/** Runs SQL with psql; its unaligned, tuples-only output. */
	query(sql: string): string;
	stop(): Promise<void>;
}
/** The newest /usr/lib/postgresql/<version>/bin (Debian), else initdb's folder on PATH; throws with the apt-get line when absent. */
export function postgresBinDir(): string;
/** initdb into a temporary folder, start on 127.0.0.1 (a free port unless given), create database n8n. */
export function startPostgres(options?: { port?: number }): Promise<PostgresCluster>;
