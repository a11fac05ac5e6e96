import type { INodeProperties } from 'n8n-workflow';

export const properties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{
				name: 'Entry Released',
				value: 'released',
				description: 'An entry reaches one of the release statuses below (from another status or as a new entry)',
			},
			{
				name: 'New Entry',
				value: 'newEntry',
				description: 'An entry appears that the trigger has not seen before',
			},
			{
				name: 'Release Status Changed',
				value: 'statusChanged',
				description: 'Any change of release status or release date, in either direction',
			},
		],
		default: ['released'],
	},
	{
		displayName: 'Release Statuses',
		name: 'releaseStatuses',
		type: 'string',
		default: 'released, cleared',
		displayOptions: { show: { events: ['released'] } },
		description: 'Comma-separated release statuses that count as released, compared without regard to case. Flexport documents cleared, customs_hold and pending; its examples also show released.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Already Released Entries on Activation',
				name: 'emitExistingOnBaseline',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after activation emits Entry Released for entries already in a release status; otherwise it only records them',
			},
			{
				displayName: 'Forget Entries After (Days)',
				name: 'retentionDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description:
					'Releases older than this (by release date) and entries missing from the listing this long are dropped from the trigger state, which keeps it small; a forgotten entry that returns or changes counts as a new entry',
			},
			{
				displayName: 'Shipment IDs',
				name: 'shipmentIds',
				type: 'string',
				default: '',
				placeholder: '23481, 23458',
				description: 'Comma-separated Flexport shipment IDs whose entries are watched; empty watches every entry of the account',
			},
		],
	},
];
