/**
 * Check EEI Requirement: one determination per item, or per shipment (15 CFR 30.1) when items
 * are grouped. The only operation of the node.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';

import type { ConversionContext, ShipmentFormat } from '../../../src/adapters';
import { toCanonicalShipment } from '../../../src/adapters';
import { codeWarningsForInput } from '../../../src/codes';
import { determineEeiRequirement } from '../../../src/eei';
import { groupShipments } from '../../../src/shipment/grouping';
import type { Shipment } from '../../../src/shipment/model';
import { mapItems } from '../../shared/items';
import { jsonParameter, parameterReader } from '../../shared/parameters';

export const description: INodeProperties[] = [
	{
		displayName: 'Shipment Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Input Item', value: 'item', description: "Use each input item's JSON as the shipment" },
			{ name: 'JSON Parameter', value: 'parameter', description: 'Give the shipment as JSON or an expression' },
		],
		default: 'item',
	},
	{
		displayName: 'Shipment (JSON)',
		name: 'shipmentJson',
		type: 'json',
		default: '{\n  "origin": { "country": "US" },\n  "destination": { "country": "DE" },\n  "items": [{ "commodityCode": "8471.30.0100", "value": 3000 }]\n}',
		required: true,
		displayOptions: { show: { source: ['parameter'] } },
		description: 'The shipment as JSON, or an expression that returns it (such as the order field of the item)',
	},
	{
		displayName: 'Input Format',
		name: 'format',
		type: 'options',
		options: [
			{ name: 'Auto-Detect', value: 'auto', description: 'Recognise any of the formats below' },
			{ name: 'Canonical Shipment', value: 'canonical', description: 'This package’s shipment model (see the README)' },
			{ name: 'EasyPost AES Delivery', value: 'easypostDelivery', description: 'A Delivery (or { Delivery }) as sent to EasyPost AES' },
			{ name: 'Shipium Customs Info', value: 'shipiumCustomsInfo', description: 'A Shipium customsInfo object' },
			{ name: 'Shipium Label Request', value: 'shipiumLabelRequest', description: 'A Shipium carrier-selection label request' },
		],
		default: 'auto',
	},
	{
		displayName: 'Group Items Into Shipments',
		name: 'groupIntoShipments',
		type: 'boolean',
		default: false,
		description:
			'Whether to decide per shipment (same USPPI, consignee and export date, 15 CFR 30.1) rather than per item, since lines from several orders to one consignee on one day count together for the $2,500 test',
	},
	// Facts some provider formats do not carry (see README: input formats); ignored for canonical shipments.
	{
		displayName: 'Facts Missing From the Input',
		name: 'facts',
		type: 'collection',
		placeholder: 'Add Fact',
		default: {},
		displayOptions: { hide: { format: ['canonical'] } },
		description: 'Facts that EasyPost Deliveries or Shipium requests do not carry; a canonical shipment is taken as it is',
		options: [
			{ displayName: 'Departure Time', name: 'departureTime', type: 'dateTime', default: '', description: 'Scheduled departure, to compute the filing deadline (15 CFR 30.4(b))' },
			{ displayName: 'Destination Country', name: 'destinationCountry', type: 'string', default: '', placeholder: 'CA', description: 'ISO 3166-1 alpha-2; for a bare Shipium customsInfo' },
			{ displayName: 'Exchange Rate (USD per Unit)', name: 'exchangeRate', type: 'number', typeOptions: { minValue: 0, numberPrecision: 6 }, default: 0, description: 'US dollars per one unit of the input currency; needed for values not in USD (never assumed)' },
			{ displayName: 'Export Date', name: 'exportDate', type: 'string', default: '', placeholder: '2026-11-23', description: 'YYYY-MM-DD; groups shipments by day' },
			{
				displayName: 'Mode of Transport',
				name: 'modeOfTransport',
				type: 'options',
				options: [
					{ name: 'Air', value: 'air' },
					{ name: 'Mail', value: 'mail' },
					{ name: 'Other', value: 'other' },
					{ name: 'Rail', value: 'rail' },
					{ name: 'Truck', value: 'truck' },
					{ name: 'Vessel', value: 'vessel' },
				],
				default: 'air',
			},
			{ displayName: 'Origin Country', name: 'originCountry', type: 'string', default: '', placeholder: 'US', description: 'ISO 3166-1 alpha-2; for a bare Shipium customsInfo' },
			{ displayName: 'Origin State', name: 'originState', type: 'string', default: '', placeholder: 'CO', description: 'Two-letter US state of origin; for a bare Shipium customsInfo' },
			{ displayName: 'USPPI EIN', name: 'usppiEin', type: 'string', default: '', placeholder: '12-3456789', description: 'The US principal party in interest, to group Shipium shipments by exporter' },
			{ displayName: 'USPPI Name', name: 'usppiName', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Output Field',
		name: 'outputField',
		type: 'string',
		default: 'eei',
		required: true,
		description: 'Field of the output item that receives the determination; the rest of the item is kept unchanged',
	},
];

interface Facts {
	departureTime?: string;
	destinationCountry?: string;
	exchangeRate?: number;
	exportDate?: string;
	modeOfTransport?: ConversionContext['modeOfTransport'];
	originCountry?: string;
	originState?: string;
	usppiEin?: string;
	usppiName?: string;
}

interface Settings {
	source: 'item' | 'parameter';
	format: ShipmentFormat | 'auto';
	outputField: string;
	groupIntoShipments: boolean;
	facts: (itemIndex: number) => Facts;
}

/** Parameters that do not depend on the item are read once per run, not once per item. */
function readSettings(context: IExecuteFunctions): Settings {
	return {
		source: context.getNodeParameter('source', 0) as Settings['source'],
		format: context.getNodeParameter('format', 0) as Settings['format'],
		outputField: (context.getNodeParameter('outputField', 0) as string) || 'eei',
		groupIntoShipments: context.getNodeParameter('groupIntoShipments', 0) as boolean,
		facts: parameterReader<Facts>(context, 'facts', {}),
	};
}

function conversionContext(facts: Facts): ConversionContext {
	const blankToUndefined = (value: string | undefined) => (value ? value : undefined);
	return {
		departureTime: blankToUndefined(facts.departureTime),
		exportDate: blankToUndefined(facts.exportDate),
		modeOfTransport: facts.modeOfTransport,
		exchangeRate: facts.exchangeRate ? facts.exchangeRate : undefined,
		origin: facts.originCountry ? { country: facts.originCountry, state: blankToUndefined(facts.originState) } : undefined,
		destination: facts.destinationCountry ? { country: facts.destinationCountry } : undefined,
		usppi: facts.usppiEin || facts.usppiName ? { ein: blankToUndefined(facts.usppiEin), name: blankToUndefined(facts.usppiName) } : undefined,
	};
}

interface ReadShipment {
	shipment: Shipment;
	/** Code problems of this item's own document, as warnings (`codeWarnings`). */
	codeWarnings: IDataObject[];
}

function readShipment(context: IExecuteFunctions, settings: Settings, item: INodeExecutionData, itemIndex: number): ReadShipment {
	const raw = settings.source === 'item' ? item.json : jsonParameter(context, 'shipmentJson', itemIndex, 'shipmentJson');
	const facts = settings.format === 'canonical' ? {} : settings.facts(itemIndex);
	const shipment = toCanonicalShipment(raw, settings.format, conversionContext(facts));
	return { shipment, codeWarnings: codeWarningsForInput(raw, shipment) as unknown as IDataObject[] };
}

function withResult(item: INodeExecutionData, field: string, result: unknown): JsonObject {
	return { ...(item.json as JsonObject), [field]: result as JsonObject };
}

/** One determination per item. */
async function perItem(context: IExecuteFunctions, settings: Settings): Promise<INodeExecutionData[]> {
	return await mapItems(context, settings, (item, itemIndex) => {
		const { shipment, codeWarnings } = readShipment(context, settings, item, itemIndex);
		return withResult(item, settings.outputField, { ...determineEeiRequirement(shipment), codeWarnings });
	});
}

/**
 * One determination per shipment (15 CFR 30.1: one USPPI, one consignee, one day): items are
 * parsed, grouped, decided per group, and each item carries its group's result and key.
 */
async function perShipment(context: IExecuteFunctions, settings: Settings): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const parsed: Array<ReadShipment | { error: unknown }> = items.map((item, itemIndex) => {
		try {
			return readShipment(context, settings, item, itemIndex);
		} catch (error) {
			return { error };
		}
	});
	const valid = parsed.flatMap((entry, itemIndex) => ('shipment' in entry ? [{ itemIndex, shipment: entry.shipment }] : []));
	const outcomeByItem = new Map<number, { result: IDataObject } | { error: unknown }>();
	for (const group of groupShipments(valid.map((entry) => entry.shipment))) {
		const members = group.members.map((member) => valid[member].itemIndex);
		let outcome: { result: IDataObject } | { error: unknown };
		try {
			outcome = {
				result: {
					...(determineEeiRequirement(group.shipment) as unknown as IDataObject),
					shipmentGroup: {
						key: group.key,
						items: members,
						// Where each line of the grouped shipment came from: reasons and reportable lines index these.
						lines: group.itemOrigins.map((origin) => ({ item: members[origin.member], line: origin.itemIndex })),
					},
				},
			};
		} catch (error) {
			outcome = { error };
		}
		for (const itemIndex of members) outcomeByItem.set(itemIndex, outcome);
	}
	return await mapItems(context, settings, (item, itemIndex) => {
		const entry = parsed[itemIndex];
		if ('error' in entry) throw entry.error;
		const outcome = outcomeByItem.get(itemIndex);
		if (!outcome || 'error' in outcome) throw outcome?.error ?? new Error('Item was not grouped');
		// The group decides the requirement; each item's own codes are its own warnings.
		return withResult(item, settings.outputField, { ...outcome.result, codeWarnings: entry.codeWarnings });
	});
}

export async function execute(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const settings = readSettings(context);
	return settings.groupIntoShipments ? await perShipment(context, settings) : await perItem(context, settings);
}
