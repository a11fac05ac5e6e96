/** The one mapping from core errors to n8n errors (nodes/shared/errors.ts). */
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItemJson, toNodeError } from '../../nodes/shared/errors';
import { InputValidationError, ProviderError } from '../../src/errors';

const node = { id: '1', name: 'File EEI', type: 'n8n-nodes-us-customs.fileEei', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

describe('toNodeError', () => {
	test('bad input becomes a NodeOperationError naming the item and every field path', () => {
		const error = toNodeError(
			node,
			new InputValidationError([
				{ path: 'items[0].commodityCode', message: 'must be 10 digits' },
				{ path: 'destination.country', message: 'unknown country "XX"' },
			]),
			3,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Item 3: .*items\[0\]\.commodityCode.*destination\.country/);
		expect(error.description).toBe('items[0].commodityCode: must be 10 digits\ndestination.country: unknown country "XX"');
		expect(error.context.itemIndex).toBe(3);
	});

	test('a provider answer becomes a NodeApiError with its HTTP status, messages and what to do next', () => {
		const error = toNodeError(
			node,
			new ProviderError({ provider: 'easypost', message: 'AES rejected the filing', status: 400, code: 'AES_REJECTED', providerMessages: ['PortOfExportCode: invalid'], delivery: 'sent', hint: 'Correct it and file a replace.' }),
			1,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('AES rejected the filing');
		expect((error as NodeApiError).httpCode).toBe('400');
		expect(error.description).toBe('PortOfExportCode: invalid\nCorrect it and file a replace.');
		expect(error.context.itemIndex).toBe(1);
	});

	test('a provider failure without an HTTP answer (timeout) has no HTTP status, not the provider code', () => {
		const error = toNodeError(node, new ProviderError({ provider: 'easypost', message: 'No answer from AES', code: 'AES_NO_RESPONSE', delivery: 'unknown' }), 0);
		expect((error as NodeApiError).httpCode ?? null).toBeNull();
		expect(errorItemJson(error)).not.toHaveProperty('httpCode');
	});

	test('an n8n error keeps its class and gains the item index', () => {
		const original = new NodeOperationError(node, 'already an n8n error');
		expect(toNodeError(node, original, 5)).toBe(original);
		expect(original.context.itemIndex).toBe(5);
	});
});
