/**
 * The tarball `npm pack` makes (what n8n downloads when a user installs the package) contains
 * every file the package.json `n8n` field names, with the icons and codex files each node and
 * credential refers to: missing ones are the usual cause of "Unrecognized node type" (n8n.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';

const ROOT = n8nLocal.ROOT;
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
};
const ENV = { ...process.env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` };

/** `file:x.svg` icons (light/dark or one) of a node or credential description, relative to its .js file. */
function iconFiles(file: string, icon: unknown): string[] {
	const icons = typeof icon === 'string' ? [icon] : icon && typeof icon === 'object' ? Object.values(icon as Record<string, string>) : [];
	return icons.filter((value) => value.startsWith('file:')).map((value) => path.posix.join(path.posix.dirname(file), value.slice('file:'.length)));
}

describe('the packed tarball', () => {
	let folder: string;
	let files: Set<string>;

	beforeAll(() => {
		if (process.env.E2E_SKIP_BUILD !== '1') execFileSync('npm', ['run', 'build'], { cwd: ROOT, env: ENV, stdio: 'pipe' });
		folder = mkdtempSync(path.join(tmpdir(), 'n8n-us-customs-pack-'));
		const tarball = execFileSync('npm', ['pack', '--pack-destination', folder, '--silent'], { cwd: ROOT, env: ENV, encoding: 'utf8' }).trim().split('\n').at(-1)!;
		const listing = execFileSync('tar', ['-tzf', path.join(folder, tarball)], { encoding: 'utf8' });
		files = new Set(listing.split('\n').filter(Boolean).map((entry) => entry.replace(/^package\//, '')));
	});

	afterAll(() => {
		if (folder) rmSync(folder, { recursive: true, force: true });
	});

	it('contains every node file the n8n field names', () => {
		expect(PACKAGE.n8n.nodes.filter((file) => !files.has(file))).toEqual([]);
	});

	it('contains every credential file the n8n field names', () => {
		expect(PACKAGE.n8n.credentials.filter((file) => !files.has(file))).toEqual([]);
	});

	it("contains each node's codex file and icons", () => {
		const missing: string[] = [];
		for (const file of PACKAGE.n8n.nodes) {
			const exported = require(path.join(ROOT, file)) as Record<string, new () => { description: { icon?: unknown } }>;
			const description = new (Object.values(exported)[0])().description;
			const wanted = [file.replace(/\.js$/, '.json'), ...iconFiles(file, description.icon)];
			missing.push(...wanted.filter((wantedFile) => !files.has(wantedFile)));
		}
		expect(missing).toEqual([]);
	});

	it("contains each credential's icons", () => {
		const missing: string[] = [];
		for (const file of PACKAGE.n8n.credentials) {
			const exported = require(path.join(ROOT, file)) as Record<string, new () => { icon?: unknown }>;
			missing.push(...iconFiles(file, new (Object.values(exported)[0])().icon).filter((wanted) => !files.has(wanted)));
		}
		expect(missing).toEqual([]);
	});

	it('holds the package.json and only built files, no sources or tests', () => {
		expect(files.has('package.json')).toBe(true);
		expect([...files].filter((file) => file !== 'package.json' && !/^(dist\/|README|LICENSE)/i.test(file))).toEqual([]);
		expect([...files].filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file))).toEqual([]);
	});

	it('has no runtime dependencies for n8n to install', () => {
		expect(PACKAGE.dependencies ?? {}).toEqual({});
	});
});
