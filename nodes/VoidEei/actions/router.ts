import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as voidFiling from './void.operation';

/** The node's parameters: it has one operation, so no selector. */
export const properties: INodeProperties[] = [...voidFiling.description];

export async function router(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return [await voidFiling.execute(context)];
}
