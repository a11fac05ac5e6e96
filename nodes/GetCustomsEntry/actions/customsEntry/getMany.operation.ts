import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputValidationError } from '../../../../src/errors';
import type { CustomsEntry, CustomsEntryFilters, FlexportConfig } from '../../../../src/flexport';
import { FLEXPORT_MAX_PER_PAGE, customsEntryMatcher, hasEntryFilters, listAllCustomsEntries } from '../../../../src/flexport';
import type { HttpPort } from '../../../../src/http/port';
import { errorItemJson, toNodeError, usesErrorOutput } from '../../../shared/errors';
import { parameterReader, splitList } from '../../../shared/parameters';
import { flexportConnection } from '../../../shared/flexportConnection';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Entry Number',
				name: 'entryNumber',
				type: 'string',
				default: '',
				placeholder: 'CHQ-4981387-4',
				description:
					'CBP entry number; dashes, spaces and case are ignored. Applied by this node after reading the listing (Flexport has no such filter).',
			},
			{
				displayName: 'Release Statuses',
				name: 'releaseStatuses',
				type: 'string',
				default: '',
				placeholder: 'released, cleared',
				description:
					'Comma-separated release statuses to keep, compared without regard to case, e.g. released, cleared, customs_hold, pending; "none" keeps entries CBP has not decided yet. Applied by this node after reading the listing (Flexport has no such filter).',
			},
			{
				displayName: 'Shipment ID',
				name: 'shipmentId',
				type: 'string',
				default: '',
				placeholder: '23481',
				description: 'Only the entries of this Flexport shipment; Flexport applies this filter itself, so only those entries are read',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customsEntry'], operation: ['getAll'] } }, properties);

interface Listing {
	limit?: number;
	shipmentId?: string;
	filters: CustomsEntryFilters;
}

function readListing(returnAll: boolean, limit: number, raw: IDataObject): Listing {
	if (!returnAll && !(Number.isInteger(limit) && limit >= 1)) {
		throw new InputValidationError([{ path: 'limit', message: 'must be a whole number of at least 1' }], 'Invalid customs entries listing');
	}
	const shipmentId = String(raw.shipmentId ?? '').trim();
	return {
		limit: returnAll ? undefined : limit,
		shipmentId: shipmentId === '' ? undefined : shipmentId,
		filters: { releaseStatuses: splitList(raw.releaseStatuses), entryNumber: String(raw.entryNumber ?? '').trim() },
	};
}

/**
 * The limit counts entries returned, not entries read. Short of the limit the list is complete
 * even if Flexport's listing shifts while read, or the listing fails as unsettled (src/flexport/completeListing.ts).
 */
async function list(port: HttpPort, config: FlexportConfig, listing: Listing): Promise<CustomsEntry[]> {
	const filter = hasEntryFilters(listing.filters) ? customsEntryMatcher(listing.filters) : undefined;
	// Without a filter, a small limit asks for a page of just that size instead of reading 100 entries.
	const perPage = listing.limit !== undefined && filter === undefined ? Math.min(listing.limit, FLEXPORT_MAX_PER_PAGE) : FLEXPORT_MAX_PER_PAGE;
	return await listAllCustomsEntries(port, { ...config, perPage }, { shipmentId: listing.shipmentId, limit: listing.limit, filter });
}

/** One output item per customs entry, each paired with the input item that asked for the listing. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { port, config } = await flexportConnection(this);
	const items = this.getInputData();
	const returnAll = parameterReader<boolean>(this, 'returnAll', false);
	const limit = parameterReader<number>(this, 'limit', 50);
	const filters = parameterReader<IDataObject>(this, 'filters', {});
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const entries = await list(port, config, readListing(returnAll(itemIndex), limit(itemIndex), filters(itemIndex)));
			for (const entry of entries) output.push({ json: entry as unknown as JsonObject, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: errorItemJson(nodeError, undefined, usesErrorOutput(this.getNode())), pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
