import type { INodeProperties } from 'n8n-workflow';

export const properties: INodeProperties[] = [
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
	{
		displayName: 'Output Field',
		name: 'outputField',
		type: 'string',
		default: 'eei',
		required: true,
		description: 'Field of the output item that receives the determination; the rest of the item is kept unchanged',
	},
];

/** Facts some provider formats do not carry (see README: input formats); ignored for canonical shipments. */
export const missingFacts: INodeProperties = {
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
};

properties.splice(properties.length - 1, 0, missingFacts);
