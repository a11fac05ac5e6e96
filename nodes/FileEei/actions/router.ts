import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as easypostAes from './easypostAes';
import * as shipium from './shipium';

export const methods = { easypostAes, shipium };

export type FilingMethod = keyof typeof methods;

/** Hands the execution to the chosen filing method (which cannot come from an expression). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const method = this.getNodeParameter('filingMethod', 0) as FilingMethod;
	const handler = methods[method] as (typeof methods)[FilingMethod] | undefined;
	if (!handler) throw new NodeOperationError(this.getNode(), `The filing method "${method}" is not supported`);
	return [await handler.execute.call(this)];
}
