import type { IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputValidationError } from '../../../src/errors';
import { getCustomsEntry } from '../../../src/flexport';
import { mapItems } from '../../shared/items';
import { parameterReader } from '../../shared/parameters';
import { flexportConnection } from '../../shared/flexportConnection';

const properties: INodeProperties[] = [
	{
		displayName: 'Customs Entry ID',
		name: 'customsEntryId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'gGEI8lad8W2jf4ktR2Y34A',
		description: "Flexport's ID of the customs entry, not the CBP entry number",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customsEntry'], operation: ['get'] } }, properties);

/** One customs entry per input item, exactly as Flexport returns it. */
export async function execute(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { port, config } = await flexportConnection(context);
	const customsEntryId = parameterReader<string>(context, 'customsEntryId', '');
	// One item at a time: the first request may have to fetch the OAuth token, and parallel
	// requests would each fetch one (Flexport allows 10 token requests a day).
	return await mapItems(context, undefined, async (_item, itemIndex) => {
		const id = customsEntryId(itemIndex) as unknown;
		// Only text or a number is an ID: an object from an expression would be sent as "[object Object]".
		if (id !== null && id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
			throw new InputValidationError([{ path: 'customsEntryId', message: `must be text, got ${Array.isArray(id) ? 'a list' : typeof id}` }], 'Invalid customs entry request');
		}
		const entry = await getCustomsEntry(port, config, String(id ?? ''));
		return entry as unknown as JsonObject;
	});
}
