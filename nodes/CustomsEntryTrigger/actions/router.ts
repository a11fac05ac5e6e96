import type { INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';

import * as poll from './poll.operation';

/** The node's parameters: it has one operation, so no selector. */
export const properties: INodeProperties[] = [...poll.description];

/** n8n's poll contract: `null` when nothing happened, so that no execution starts. */
export async function router(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const emitted = await poll.execute(context);
	return emitted.length === 0 ? null : [emitted];
}
