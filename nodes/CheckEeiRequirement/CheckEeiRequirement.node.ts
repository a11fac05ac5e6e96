import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties, router } from './actions/router';

export class CheckEeiRequirement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Check EEI Requirement',
		name: 'checkEeiRequirement',
		icon: { light: 'file:checkEeiRequirement.svg', dark: 'file:checkEeiRequirement.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["groupIntoShipments"] ? "per shipment" : "per item" }}',
		description:
			'Decide whether Electronic Export Information must be filed in AES (15 CFR Part 30, EAR 758.1), why, which lines, and by when',
		defaults: { name: 'Check EEI Requirement' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router(this);
	}
}
