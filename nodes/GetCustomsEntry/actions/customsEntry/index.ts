import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getMany.operation';

/** Every operation of the Customs Entry resource, by its `operation` value. */
export const operations = { get, getAll };

export type CustomsEntryOperation = keyof typeof operations;

export const description: INodeProperties[] = [
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
