import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties, router } from './actions/router';

export class FileEei implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'File EEI',
		name: 'fileEei',
		icon: { light: 'file:fileEei.svg', dark: 'file:fileEei.dark.svg' },
		group: ['output'],
		// Version 2 derives transaction numbers from the shipment's identity (README: Transaction numbers).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["filingMethod"] === "shipium" ? "Shipium (carrier files)" : "EasyPost AES: " + $parameter["environment"] }}',
		description: 'File Electronic Export Information in AES through EasyPost, or have the carrier file it with a Shipium label',
		defaults: { name: 'File EEI' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{ name: 'easyPostApi', required: true, displayOptions: { show: { filingMethod: ['easypostAes'] } } },
			{ name: 'shipiumApi', required: true, displayOptions: { show: { filingMethod: ['shipium'] } } },
		],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router(this);
	}
}
