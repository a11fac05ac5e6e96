import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';

/** The node's parameters: it has one operation, so no selector. */
export const properties: INodeProperties[] = [...check.description];

export async function router(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return [await check.execute(context)];
}
