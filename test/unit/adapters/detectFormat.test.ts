/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { detectShipmentFormat, toCanonicalShipment } from '../../../src/adapters';
import { InputValidationError } from '../../../src/errors';

const fixture = (path: string): Record<string, unknown> =>
	JSON.parse(readFileSync(join(__dirname, '../../fixtures', path), 'utf8'));

const canonical = {
	origin: { country: 'US', state: 'IL' },
	destination: { country: 'MC' },
	items: [{ commodityCode: '6910.10.0010', value: 2510 }],
};

describe('recognising the input format', () => {
	it.each([
		['an EasyPost AES request body { Delivery }', fixture('easypost/simple-filing.delivery.json'), 'easypostDelivery'],
		[
			'a bare EasyPost Delivery',
			fixture('easypost/simple-filing.delivery.json').Delivery,
			'easypostDelivery',
		],
		['a Shipium label request', fixture('shipium/label-request.json'), 'shipiumLabelRequest'],
		['a Shipium customsInfo', fixture('shipium/full-customs-info.customs-info.json'), 'shipiumCustomsInfo'],
		['a canonical shipment', canonical, 'canonical'],
		['an unrelated object', { orderId: 7 }, 'unknown'],
		['a list', [canonical], 'unknown'],
		['text', 'shipment', 'unknown'],
		['null', null, 'unknown'],
	])('recognises %s', (_, json, format) => {
		expect(detectShipmentFormat(json)).toBe(format);
	});
});

describe('converting any supported format to the canonical shipment', () => {
	it('detects the format by default', () => {
		expect(toCanonicalShipment(fixture('easypost/simple-filing.delivery.json')).items[0].value).toBe(2510);
	});

	it('validates and normalises a canonical shipment', () => {
		expect(toCanonicalShipment(canonical, 'canonical').items[0]).toMatchObject({
			commodityCode: '6910100010',
			originCountry: 'US',
		});
	});

	it('reports canonical errors at canonical paths', () => {
		expect(() => toCanonicalShipment({ ...canonical, destination: {} }, 'auto')).toThrow('destination.country: is required');
	});

	it('hands the context to a Shipium customsInfo', () => {
		const shipment = toCanonicalShipment(fixture('shipium/no-eei-required.customs-info.json'), 'auto', {
			origin: { country: 'US' },
			destination: { country: 'CA' },
			exportDate: '2026-11-23',
		});
		expect(shipment).toMatchObject({ origin: { country: 'US' }, destination: { country: 'CA' }, exportDate: '2026-11-23' });
	});

	it('hands the USPPI of the context to a Shipium label request', () => {
		const usppi = { name: 'Acme Fasteners LLC', ein: '12-3456789' };
		expect(toCanonicalShipment(fixture('shipium/label-request.json'), 'shipiumLabelRequest', { usppi }).usppi).toEqual(usppi);
	});

	it('hands the overrides to an EasyPost Delivery', () => {
		const body = fixture('easypost/simple-filing.delivery.json');
		expect(toCanonicalShipment(body, 'easypostDelivery', { modeOfTransport: 'vessel' }).modeOfTransport).toBe('vessel');
	});

	it('reads the input as the format it is told, even when it looks like another', () => {
		expect(() => toCanonicalShipment(canonical, 'easypostDelivery')).toThrow('Delivery');
	});

	it('refuses an unrecognised document, naming the formats it accepts', () => {
		expect(() => toCanonicalShipment({ orderId: 7 })).toThrow(InputValidationError);
		expect(() => toCanonicalShipment({ orderId: 7 })).toThrow(/EasyPost Delivery.*Shipium label request.*Shipium customsInfo/);
	});
});
