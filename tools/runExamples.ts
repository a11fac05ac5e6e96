/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * `npm start` (for now): runs the Check EEI Requirement node, as built in dist/, on the example
 * shipments inside the real n8n engine, and prints each decision with its reasons.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { PACKAGE_ROOT, runWorkflow, singleNodeWorkflow } from '../test/harness';

interface Reason {
	code: string;
	citation: string;
	message: string;
}

async function main(): Promise<void> {
	const file = process.argv[2] ?? path.join(PACKAGE_ROOT, 'examples', 'shipments.json');
	const shipments = JSON.parse(readFileSync(file, 'utf8')) as IDataObject[];
	const result = await runWorkflow(
		singleNodeWorkflow(
			{ name: 'Check EEI Requirement', type: 'n8n-nodes-us-customs.checkEeiRequirement', parameters: { groupIntoShipments: false } },
			shipments,
		),
	);
	if (result.error) throw result.error;
	for (const item of result.output('Check EEI Requirement')) {
		const eei = item.json.eei as IDataObject & { reasons: Reason[]; filingDeadline: IDataObject | null };
		const verdict = eei.required ? 'EEI REQUIRED' : `no EEI (${String(eei.legend ?? 'not an export for EEI purposes')})`;
		console.log(`\n${String(item.json.reference ?? `an example shipment`)}\n  -> ${verdict}`);
		for (const reason of eei.reasons) console.log(`     ${reason.citation}: ${reason.message}`);
		if (eei.filingDeadline) {
			const deadline = eei.filingDeadline;
			console.log(`     deadline: ${String(deadline.hoursBefore)} h before ${String(deadline.event)}${deadline.fileBy ? `, file by ${String(deadline.fileBy)}` : ''} (${String(deadline.citation)})`);
		}
	}
	console.log(`\n${result.output('Check EEI Requirement').length} shipments checked in the n8n engine (n8n-core WorkflowExecute).`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
