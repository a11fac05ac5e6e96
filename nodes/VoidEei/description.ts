import type { INodeProperties } from 'n8n-workflow';

import { runOptionProperties } from '../shared/filingRun';

export const properties: INodeProperties[] = [
	{
		displayName: 'Transaction Number',
		name: 'transactionNumber',
		type: 'string',
		default: '',
		placeholder: 'GloballyUniqueNo1',
		description:
			"EEI transaction number of the filing to void. Empty: the item's aes.transactionNumber (File EEI's output), else its Delivery.International.EeiTransactionNumber.",
	},
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Test', value: 'test' },
			{ name: 'Production', value: 'production' },
		],
		default: 'test',
		description: 'AES queue of the filing; must be the one it was filed in (checked against aes.environment when the item has it)',
	},
	{
		displayName: 'Send the Original Delivery',
		name: 'sendDelivery',
		type: 'boolean',
		default: true,
		description:
			"Whether to send the filed Delivery with the void (the item's Delivery, else File EEI's aes.delivery) rather than only the transaction number",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...runOptionProperties('voids are sent', 'How long to wait for AES; a void that timed out is never sent again automatically'),
		],
	},
];
