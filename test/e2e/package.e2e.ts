/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The tarball `npm pack` makes (what n8n downloads when a user installs the package) contains
 * every file the package.json `n8n` field names, with the icons and codex files each node and
 * credential refers to: missing ones are the usual cause of "Unrecognized node type" (n8n.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';
import { credentialDescriptions, nodeDescriptions, packedFiles } from '../../scripts/n8n-local/packageFiles';

const PACKAGE = JSON.parse(readFileSync(path.join(n8nLocal.ROOT, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
};

/** `file:x.svg` icons (light/dark or one) of a node or credential description, relative to its .js file. */
function iconFiles(file: string, icon: unknown): string[] {
	const icons = typeof icon === 'string' ? [icon] : icon && typeof icon === 'object' ? Object.values(icon as Record<string, string>) : [];
	return icons.filter((value) => value.startsWith('file:')).map((value) => path.posix.join(path.posix.dirname(file), value.slice('file:'.length)));
}

describe('the packed tarball', () => {
	let files: Set<string>;

	beforeAll(() => {
		files = new Set(packedFiles({ build: process.env.E2E_SKIP_BUILD !== '1' }));
	});

	it('contains every node file the n8n field names', () => {
		expect(PACKAGE.n8n.nodes.filter((file) => !files.has(file))).toEqual([]);
	});

	it('contains every credential file the n8n field names', () => {
		expect(PACKAGE.n8n.credentials.filter((file) => !files.has(file))).toEqual([]);
	});

	it("contains each node's codex file and icons", () => {
		const wanted = nodeDescriptions().flatMap(({ file, icon }) => [file.replace(/\.js$/, '.json'), ...iconFiles(file, icon)]);
		expect(wanted.length).toBeGreaterThan(PACKAGE.n8n.nodes.length);
		expect(wanted.filter((file) => !files.has(file))).toEqual([]);
	});

	it("contains each credential's icons", () => {
		const wanted = credentialDescriptions().flatMap(({ file, icon }) => iconFiles(file, icon));
		expect(wanted.filter((file) => !files.has(file))).toEqual([]);
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
