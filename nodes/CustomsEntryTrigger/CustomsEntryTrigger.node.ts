import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties, router } from './actions/router';

export class CustomsEntryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Customs Entry Trigger',
		name: 'customsEntryTrigger',
		icon: { light: 'file:customsEntryTrigger.svg', dark: 'file:customsEntryTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts a workflow when a US import customs entry filed by Flexport is released, changes status, or appears',
		defaults: { name: 'Customs Entry Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'flexportApi', required: true }],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await router(this);
	}
}
