import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as easypostAes from './methods/easypostAes';
import { router } from './methods/router';
import * as shipium from './methods/shipium';

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
			// `hide`, not `show`: n8n's editor takes a parameter that every credential `show`s on as an
			// authentication field and moves it out of the parameter list (nodeTypesUtils
			// findAlternativeAuthField), so Filing Method would not render where the README says.
			{ name: 'easyPostApi', required: true, displayOptions: { hide: { filingMethod: ['shipium'] } } },
			{ name: 'shipiumApi', required: true, displayOptions: { hide: { filingMethod: ['easypostAes'] } } },
		],
		properties: [
			{
				displayName: 'Filing Method',
				name: 'filingMethod',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'EasyPost AES', value: 'easypostAes', description: 'File the EEI yourself in AES through EasyPost Enterprise; returns the ITN' },
					{ name: 'Shipium (Carrier Files EEI)', value: 'shipium', description: 'Buy a Shipium label whose carrier files the EEI, or hand over an ITN filed elsewhere' },
				],
				default: 'easypostAes',
			},
			...easypostAes.description,
			...shipium.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
