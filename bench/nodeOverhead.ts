/* eslint-disable no-console -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * (2) Node overhead: 10,000 items through Check EEI Requirement inside n8n-core's
 * WorkflowExecute (package loaded from dist/ as n8n loads it), as a ratio to the core alone
 * (parseShipment + determineEeiRequirement) over the same shipments. Both are CPU-bound and
 * timed in process CPU time.
 */
import type { INodeParameters } from 'n8n-workflow';

import { determineEeiRequirement } from '../src/eei';
import { parseShipment } from '../src/shipment/model';
import { runWorkflow, singleNodeWorkflow } from '../test/harness';
import { makeShipments } from './shipments';
import { repeat, summarise, type Summary } from './stats';

const NODE = 'Check EEI Requirement';

export interface NodeOverheadFigures {
	items: number;
	lines: number;
	/** ms for the whole workflow run, node with default parameters (format auto-detected). */
	nodeAuto: Summary;
	/** ms with the input format set to Canonical Shipment (no detection). */
	nodeCanonical: Summary;
	/** ms for the core alone over the same shipments. */
	core: Summary;
	/** ms for the engine with a node that passes items through untouched (n8n's own share). */
	emptyWorkflow: Summary;
	ratioAuto: number;
	ratioCanonical: number;
}

async function runNode(items: Record<string, unknown>[], parameters: INodeParameters): Promise<void> {
	const result = await runWorkflow(singleNodeWorkflow({ name: NODE, type: 'n8n-nodes-us-customs.checkEeiRequirement', parameters }, items as never));
	if (result.error) throw result.error;
	const output = result.output(NODE);
	if (output.length !== items.length || output.some((item) => item.json.eei === undefined)) {
		throw new Error('Check EEI Requirement did not return one determination per item');
	}
}

/** Only the Manual Trigger: what n8n costs to hand 10,000 pinned items around without our node. */
async function runEmpty(items: Record<string, unknown>[]): Promise<void> {
	const workflow = singleNodeWorkflow({ name: NODE, type: 'n8n-nodes-us-customs.checkEeiRequirement', parameters: {} }, items as never);
	workflow.nodes = workflow.nodes.slice(0, 1);
	workflow.connections = {};
	const result = await runWorkflow(workflow);
	if (result.error) throw result.error;
}

export async function benchNodeOverhead(runs: number, count = 10_000, lines = 1): Promise<NodeOverheadFigures> {
	const items = makeShipments(count, lines, 4242);
	let required = 0;
	const core = summarise(
		await repeat(() => {
			for (const item of items) if (determineEeiRequirement(parseShipment(item)).required) required++;
		}, runs, 2, 'cpu'),
	);
	const nodeAuto = summarise(await repeat(() => runNode(items, {}), runs, 1, 'cpu'));
	const nodeCanonical = summarise(await repeat(() => runNode(items, { format: 'canonical' }), runs, 1, 'cpu'));
	const emptyWorkflow = summarise(await repeat(() => runEmpty(items), runs, 1, 'cpu'));
	if (required < 0) console.log(required);
	return {
		items: count,
		lines,
		nodeAuto,
		nodeCanonical,
		core,
		emptyWorkflow,
		ratioAuto: nodeAuto.median / core.median,
		ratioCanonical: nodeCanonical.median / core.median,
	};
}
