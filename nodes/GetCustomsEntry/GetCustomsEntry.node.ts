import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties, router } from './actions/router';

export class GetCustomsEntry implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Get Customs Entry',
		name: 'getCustomsEntry',
		icon: { light: 'file:getCustomsEntry.svg', dark: 'file:getCustomsEntry.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "getAll" ? "Get many" : "Get" }}',
		description: 'Read US import customs entries filed by Flexport as customs broker: release status, release date, entry number',
		defaults: { name: 'Get Customs Entry' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'flexportApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router(this);
	}
}
