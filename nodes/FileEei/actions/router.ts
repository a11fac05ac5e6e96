import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runChosenOperation } from '../../shared/router';
import * as easypostAes from './easypostAes.operation';
import * as shipium from './shipium.operation';

/** The filing methods, by their `filingMethod` value: each is one operation of the node. */
const operations = { easypostAes, shipium };

export type FilingMethod = keyof typeof operations;

export const properties: INodeProperties[] = [
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
];

export async function router(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runChosenOperation(context, 'filingMethod', operations);
}
