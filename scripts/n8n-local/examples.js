'use strict';
/**
 * The example workflows (examples/*.json, every file with `nodes`): read them, point them at a
 * sandbox, import them into an n8n user folder, and publish the ones that start from a webhook
 * or a trigger. Used by `npm start` and the e2e tests, so the tests run what users import.
 */
const fs = require('node:fs');
const path = require('node:path');

const n8nLocal = require('./n8nLocal');

const EXAMPLES_DIR = path.join(n8nLocal.ROOT, 'examples');
/** The sandbox origin the examples name (npm start's sandbox port). */
const EXAMPLE_SANDBOX_ORIGIN = 'http://127.0.0.1:4010';
/** Node types that only run in an active (published) workflow. */
const ACTIVATING_TYPES = new Set(['n8n-nodes-base.webhook', `${n8nLocal.PACKAGE_NAME}.customsEntryTrigger`]);

/** { file, workflow } for each example workflow, by file name. */
function readExamples(dir = EXAMPLES_DIR) {
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }))
		.filter(({ workflow }) => workflow && Array.isArray(workflow.nodes) && typeof workflow.id === 'string');
}

/** A copy of the workflow whose sandbox URLs name `origin` instead of the default port 4010. */
function pointAtSandbox(workflow, origin) {
	if (origin === EXAMPLE_SANDBOX_ORIGIN) return workflow;
	return JSON.parse(JSON.stringify(workflow).split(EXAMPLE_SANDBOX_ORIGIN).join(origin));
}

/** Whether the workflow has a webhook or polling trigger, which only run once it is published. */
function needsPublishing(workflow) {
	return workflow.nodes.some((node) => ACTIVATING_TYPES.has(node.type) && !node.disabled);
}

/**
 * Imports the workflows (one n8n process) and publishes those given in `publish` (one process
 * each). Returns their ids.
 */
async function importWorkflows(userFolder, workflows, { publish = [], ...options } = {}) {
	const dir = fs.mkdtempSync(path.join(userFolder, 'import-'));
	workflows.forEach((workflow, i) => fs.writeFileSync(path.join(dir, `${i}.json`), JSON.stringify({ active: false, settings: {}, ...workflow })));
	const imported = await n8nLocal.n8n(userFolder, ['import:workflow', '--separate', `--input=${dir}`], options);
	fs.rmSync(dir, { recursive: true, force: true });
	if (imported.code !== 0) throw new Error(`n8n import:workflow failed (exit ${imported.code})\n${imported.stdout}\n${imported.stderr}`);
	for (const id of publish) {
		const published = await n8nLocal.n8n(userFolder, ['publish:workflow', `--id=${id}`], options);
		if (published.code !== 0 || /error/i.test(published.stderr)) {
			throw new Error(`n8n publish:workflow --id=${id} failed (exit ${published.code})\n${published.stdout}\n${published.stderr}`);
		}
	}
	return workflows.map((workflow) => workflow.id);
}

module.exports = { EXAMPLES_DIR, EXAMPLE_SANDBOX_ORIGIN, readExamples, pointAtSandbox, needsPublishing, importWorkflows };
