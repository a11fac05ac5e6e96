import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * One operation of a node (`actions/<operation>.operation.ts`): its parameters, scoped to it
 * with `updateDisplayOptions`, and `execute(context)`, which returns one output item per input
 * item (or, for Get Many, the entries of each).
 */
export interface NodeOperation<Context = IExecuteFunctions> {
	description: INodeProperties[];
	execute(context: Context): Promise<INodeExecutionData[]>;
}

/**
 * Runs the operation that a selector parameter (resource, operation, filing method) chose. A
 * selector has `noDataExpression`, so it is read once for the run, not per item.
 */
export async function runChosenOperation(
	context: IExecuteFunctions,
	selector: string,
	operations: Record<string, NodeOperation>,
): Promise<INodeExecutionData[][]> {
	const chosen = context.getNodeParameter(selector, 0) as string;
	if (!Object.hasOwn(operations, chosen)) {
		throw new NodeOperationError(context.getNode(), `The ${selector} "${chosen}" is not supported`);
	}
	return [await operations[chosen].execute(context)];
}
