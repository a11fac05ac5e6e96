/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * Every node has the one shape ARCHITECTURE.md describes: `<Node>.node.ts` hands its run to
 * `actions/router.ts`, whose `properties` are the node's parameters, and each
 * `actions/<operation>.operation.ts` exports its `description` and `execute(context)`.
 * Checked on the built package, as n8n loads it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { PACKAGE_ROOT } from '../harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require(path.join(PACKAGE_ROOT, 'package.json')) as { n8n: { nodes: string[] } };

const nodeFolders = manifest.n8n.nodes.map((file) => path.dirname(path.join(PACKAGE_ROOT, file)));

function load(file: string): Record<string, unknown> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(file) as Record<string, unknown>;
}

function operationFiles(folder: string): string[] {
	return readdirSync(path.join(folder, 'actions')).filter((file) => file.endsWith('.operation.js'));
}

describe.each(nodeFolders.map((folder) => [path.basename(folder), folder]))('%s', (_name, folder) => {
	test('has a router whose properties are the node description’s parameters', () => {
		const router = load(path.join(folder, 'actions', 'router.js'));
		const nodeModule = load(path.join(folder, `${path.basename(folder)}.node.js`));
		const NodeClass = Object.values(nodeModule)[0] as new () => { description: INodeTypeDescription };
		expect(typeof router.router).toBe('function');
		expect(new NodeClass().description.properties).toBe(router.properties);
	});

	test('has at least one operation, each exporting description and execute', () => {
		const files = operationFiles(folder);
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			const operation = load(path.join(folder, 'actions', file));
			expect(Array.isArray(operation.description)).toBe(true);
			expect(typeof operation.execute).toBe('function');
		}
	});

	test("lists every operation's parameters in the node's parameters", () => {
		const { properties } = load(path.join(folder, 'actions', 'router.js')) as { properties: INodeProperties[] };
		for (const file of operationFiles(folder)) {
			const { description } = load(path.join(folder, 'actions', file)) as { description: INodeProperties[] };
			for (const parameter of description) expect(properties).toContain(parameter);
		}
	});


	test('keeps nothing beside the node file but its codex, icons and actions/', () => {
		const others = readdirSync(folder).filter((file) => file.endsWith('.js') && !file.endsWith('.node.js'));
		expect(others).toEqual([]);
	});
});
