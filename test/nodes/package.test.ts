/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * The package as n8n sees it: every node and credential listed in package.json's `n8n` field is
 * built, loads through n8n's own PackageDirectoryLoader, and has a description whose defaults,
 * names and display conditions are consistent (style.md: "a parameter default that is not among
 * its options" is a bug class the anchors shipped).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME, PACKAGE_ROOT } from '../harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require(path.join(PACKAGE_ROOT, 'package.json')) as {
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
};

function sourceFiles(folder: string, suffix: string): string[] {
	const root = path.join(PACKAGE_ROOT, folder);
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith(suffix))
		.map((file) => `dist/${folder}/${file.replace(/\.ts$/, '.js')}`);
}

describe('package.json n8n field', () => {
	test('lists every node source file, built into dist', () => {
		expect([...manifest.n8n.nodes].sort()).toEqual(sourceFiles('nodes', '.node.ts').sort());
		for (const file of manifest.n8n.nodes) expect(existsSync(path.join(PACKAGE_ROOT, file))).toBe(true);
	});

	test('lists every credential source file, built into dist', () => {
		expect([...manifest.n8n.credentials].sort()).toEqual(sourceFiles('credentials', '.credentials.ts').sort());
		for (const file of manifest.n8n.credentials) expect(existsSync(path.join(PACKAGE_ROOT, file))).toBe(true);
	});

	test('has no runtime dependencies and takes n8n-workflow as a peer (n8n verification rules)', () => {
		expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
		expect(manifest.peerDependencies).toHaveProperty('n8n-workflow');
	});
});

describe('n8n loads the built package', () => {
	test('every listed node loads under its own name', async () => {
		const loader = await loadPackage();
		const names = manifest.n8n.nodes.map((file) => path.basename(file, '.node.js'));
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(names.map((name) => name[0].toLowerCase() + name.slice(1)).sort());
	});

	test('every listed credential loads under its own name', async () => {
		const loader = await loadPackage();
		const names = manifest.n8n.credentials.map((file) => path.basename(file, '.credentials.js'));
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(names.map((name) => name[0].toLowerCase() + name.slice(1)).sort());
	});

	test('every node ships its icon and codex file beside it', async () => {
		const loader = await loadPackage();
		for (const file of manifest.n8n.nodes) {
			expect(existsSync(path.join(PACKAGE_ROOT, file.replace(/\.js$/, '.json')))).toBe(true);
			const description = loader.nodeTypes[path.basename(file, '.node.js').replace(/^./, (c) => c.toLowerCase())].type
				.description as INodeTypeDescription;
			// n8n rewrites `icon: file:x.svg` into icon URLs under icons/<package>/<path in the package>.
			const iconUrl = description.iconUrl;
			const urls = typeof iconUrl === 'string' ? [iconUrl] : Object.values(iconUrl ?? {});
			expect(urls.length).toBeGreaterThan(0);
			for (const url of urls) {
				const relative = String(url).replace(`icons/${PACKAGE_NAME}/`, '');
				expect(existsSync(path.join(PACKAGE_ROOT, relative))).toBe(true);
			}
		}
	});
});

function visibleValues(property: INodeProperties): unknown[] | undefined {
	if (property.type === 'options' || property.type === 'multiOptions') {
		return (property.options ?? []).map((option) => ('value' in option ? option.value : undefined));
	}
	if (property.type === 'boolean') return [true, false];
	return undefined;
}

describe('node descriptions are consistent', () => {
	test('every option default is one of its options', async () => {
		const loader = await loadPackage();
		for (const [name, data] of Object.entries(loader.nodeTypes)) {
			for (const property of (data.type.description as INodeTypeDescription).properties) {
				const values = visibleValues(property);
				if (!values || property.type === 'boolean') continue;
				const defaults = Array.isArray(property.default) ? property.default : [property.default];
				for (const value of defaults) expect({ node: name, property: property.name, value, ok: values.includes(value) }).toMatchObject({ ok: true });
			}
		}
	});

	test('every display condition names an existing parameter and a value it can take', async () => {
		const loader = await loadPackage();
		for (const [name, data] of Object.entries(loader.nodeTypes)) {
			const properties = (data.type.description as INodeTypeDescription).properties;
			for (const property of properties) {
				for (const [parameter, wanted] of Object.entries(property.displayOptions?.show ?? {})) {
					if (parameter.startsWith('@') || parameter.startsWith('/')) continue;
					const target = properties.find((candidate) => candidate.name === parameter);
					expect({ node: name, property: property.name, parameter, exists: Boolean(target) }).toMatchObject({ exists: true });
					const values = target ? visibleValues(target) : undefined;
					for (const value of (wanted ?? []) as unknown[]) {
						if (values) expect({ node: name, property: property.name, parameter, value, ok: values.includes(value) }).toMatchObject({ ok: true });
					}
				}
			}
		}
	});

	test('action nodes are usable as tools and triggers are not', async () => {
		const loader = await loadPackage();
		for (const data of Object.values(loader.nodeTypes)) {
			const description = data.type.description as INodeTypeDescription;
			const isTrigger = description.group.includes('trigger');
			expect({ node: description.name, usableAsTool: Boolean(description.usableAsTool) }).toEqual({ node: description.name, usableAsTool: !isTrigger });
		}
	});
});

describe('publishing (n8n verification of community nodes)', () => {
	const read = (file: string) => readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');

	test('is published from CI with an npm provenance statement', () => {
		const workflow = read('.github/workflows/publish.yml');
		expect(workflow).toMatch(/^\s+id-token: write$/m);
		expect(workflow).toMatch(/^\s+run: npm publish --provenance\b/m);
	});

	test('ships the license package.json names, and names its repository', () => {
		const pkg = JSON.parse(read('package.json')) as { license: string; repository?: { url?: string } };
		expect(pkg.license).toBe('MIT');
		expect(read('LICENSE')).toMatch(/^MIT License$/m);
		expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
	});

	test("lints the package with n8n's default ESLint config, unchanged (n8n-node lint strict mode)", () => {
		const template = path.join(PACKAGE_ROOT, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');
		const expected = readFileSync(template, 'utf8');
		expect(read('eslint.config.mjs').replace(/\s+/g, ' ').trim()).toBe(expected.replace(/\s+/g, ' ').trim());
	});
});
