import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties, router } from './actions/router';

export class VoidEei implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Void EEI',
		name: 'voidEei',
		icon: { light: 'file:voidEei.svg', dark: 'file:voidEei.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ "EasyPost AES: " + $parameter["environment"] }}',
		description: 'Void (cancel) an EEI filing in AES through EasyPost Enterprise, under its original transaction number',
		defaults: { name: 'Void EEI' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'easyPostApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router(this);
	}
}
