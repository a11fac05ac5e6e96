import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as customsEntry from './customsEntry';

const resources = { customsEntry: customsEntry.operations };

type Resource = keyof typeof resources;

/** Hands the execution to the chosen operation; resource and operation cannot come from expressions. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as Resource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handlers = resources[resource] as Record<string, { execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> }> | undefined;
	const handler = handlers?.[operation];
	if (!handler) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return [await handler.execute.call(this)];
}
