import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runChosenOperation } from '../../shared/router';
import * as get from './get.operation';
import * as getAll from './getMany.operation';

/** The operations of the one resource, Customs Entry, by their `operation` value. */
const operations = { get, getAll };

export type CustomsEntryOperation = keyof typeof operations;

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Customs Entry', value: 'customsEntry' }],
		default: 'customsEntry',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customsEntry'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a customs entry by its ID', action: 'Get a customs entry' },
			{ name: 'Get Many', value: 'getAll', description: 'List customs entries, optionally filtered', action: 'Get many customs entries' },
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];

export async function router(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	if (resource !== 'customsEntry') throw new NodeOperationError(context.getNode(), `The resource "${resource}" is not supported`);
	return await runChosenOperation(context, 'operation', operations);
}
