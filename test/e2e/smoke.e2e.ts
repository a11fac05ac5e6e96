/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * Smoke test in the real n8n: the packed package, installed as n8n installs community packages,
 * is loaded (no "Unrecognized node type") and Check EEI Requirement decides both sides of the
 * $2,500 per-Schedule-B threshold (15 CFR 30.37(a)) in a headless `n8n execute`.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';

import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';

const CHECK = `${n8nLocal.PACKAGE_NAME}.checkEeiRequirement`;

function shipment(value: number) {
	return {
		origin: { country: 'US', state: 'IL' },
		destination: { country: 'DE' },
		items: [{ commodityCode: '8471.30.0100', value }],
	};
}

/** Manual Trigger -> Set (a $3,000 shipment item) -> Check (from the item); Manual Trigger -> Check ($1,000 as a parameter). */
const smokeWorkflow = {
	name: 'Smoke: Check EEI Requirement',
	nodes: [
		{ id: randomUUID(), name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: randomUUID(),
			name: 'Shipment over $2,500',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, -100],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify(shipment(3000)), options: {} },
		},
		{
			id: randomUUID(),
			name: 'Over threshold',
			type: CHECK,
			typeVersion: 1,
			position: [440, -100],
			parameters: { source: 'item' },
		},
		{
			id: randomUUID(),
			name: 'Under threshold',
			type: CHECK,
			typeVersion: 1,
			position: [220, 100],
			parameters: { source: 'parameter', shipmentJson: JSON.stringify(shipment(1000)) },
		},
	],
	connections: {
		'Manual Trigger': {
			main: [
				[
					{ node: 'Shipment over $2,500', type: 'main', index: 0 },
					{ node: 'Under threshold', type: 'main', index: 0 },
				],
			],
		},
		'Shipment over $2,500': { main: [[{ node: 'Over threshold', type: 'main', index: 0 }]] },
	},
};

describe('real n8n 2.40.7: the packed package', () => {
	let userFolder: string;
	let execution: Awaited<ReturnType<typeof n8nLocal.runWorkflow>>;

	beforeAll(async () => {
		if (!n8nLocal.isInstalled()) n8nLocal.install();
		userFolder = n8nLocal.createUserFolder();
		n8nLocal.packAndInstall(userFolder, { build: process.env.E2E_SKIP_BUILD !== '1' });
		execution = await n8nLocal.runWorkflow(userFolder, smokeWorkflow);
	});

	afterAll(() => {
		if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== '1') rmSync(userFolder, { recursive: true, force: true });
	});

	it('loads the community node: no "Unrecognized node type"', () => {
		expect(`${execution.stdout}\n${execution.stderr}`).not.toMatch(/Unrecognized node type/i);
		expect(execution.error).toBeUndefined();
		expect(execution.ok).toBe(true);
	});

	it('requires EEI for $3,000 under one Schedule B number to Germany, read from a Set node item (15 CFR 30.37(a))', () => {
		const [item] = n8nLocal.nodeOutput(execution.run, 'Over threshold') ?? [];
		expect(item).toMatchObject({ eei: { required: true } });
	});

	it('does not require EEI for $1,000 under one Schedule B number, given as a parameter (15 CFR 30.37(a))', () => {
		const [item] = n8nLocal.nodeOutput(execution.run, 'Under threshold') ?? [];
		expect(item).toMatchObject({ eei: { required: false } });
	});

	it('keeps the input item beside the determination', () => {
		const [item] = n8nLocal.nodeOutput(execution.run, 'Over threshold') ?? [];
		expect(item).toMatchObject({ destination: { country: 'DE' } });
	});
});
