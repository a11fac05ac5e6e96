/**
 * Which input a JSON document is, and its conversion to the canonical shipment. Detection looks
 * only at the top-level shape, the provider's own distinctive field names:
 * - `Delivery` object, or `Items` list (a bare Delivery): EasyPost AES (seed 001);
 * - `shipmentParameters` object: a Shipium label request;
 * - `customsItems` list: a Shipium customsInfo (seed 003);
 * - `items` list: the canonical shipment.
 */
import { InputValidationError } from '../errors';
import { parseCanonicalShipment, type Shipment } from './canonical';
import { fromEasyPostDelivery } from './easypostDelivery';
import { fromShipiumCustomsInfo, fromShipiumLabelRequest, type ShipiumCustomsContext } from './shipium';
import { assertDocumentDepth } from './documentDepth';
import { isRecord } from './sourceReader';

export const SHIPMENT_FORMATS = ['canonical', 'easypostDelivery', 'shipiumLabelRequest', 'shipiumCustomsInfo'] as const;
export type ShipmentFormat = (typeof SHIPMENT_FORMATS)[number];

export function detectShipmentFormat(json: unknown): ShipmentFormat | 'unknown' {
	if (!isRecord(json)) return 'unknown';
	if (isRecord(json.Delivery)) return 'easypostDelivery';
	if (isRecord(json.shipmentParameters)) return 'shipiumLabelRequest';
	if (Array.isArray(json.customsItems)) return 'shipiumCustomsInfo';
	if (Array.isArray(json.items)) return 'canonical';
	if (Array.isArray(json.Items)) return 'easypostDelivery';
	return 'unknown';
}

/**
 * Facts the provider documents may lack (see each adapter): origin/destination/usppi complete a
 * bare Shipium customsInfo, usppi a Shipium label request; the overrides apply to every provider
 * format. A canonical shipment is taken as it is.
 */
export type ConversionContext = ShipiumCustomsContext;

export function toCanonicalShipment(
	json: unknown,
	format: ShipmentFormat | 'auto' = 'auto',
	context: ConversionContext = {},
): Shipment {
	assertDocumentDepth(json, '', 'Invalid shipment document');
	const resolved = format === 'auto' ? detectShipmentFormat(json) : format;
	const { exportDate, departureTime, modeOfTransport, exchangeRate, usppi } = context;
	const overrides = { exportDate, departureTime, modeOfTransport, exchangeRate };
	switch (resolved) {
		case 'canonical':
			return parseCanonicalShipment(json);
		case 'easypostDelivery':
			return fromEasyPostDelivery(json, overrides);
		case 'shipiumLabelRequest':
			return fromShipiumLabelRequest(json, { usppi, ...overrides });
		case 'shipiumCustomsInfo':
			return fromShipiumCustomsInfo(json, context);
		default:
			throw new InputValidationError(
				[
					{
						path: '',
						message:
							'not a recognised shipment: expected a canonical shipment (with items), an EasyPost Delivery, ' +
							'a Shipium label request (with shipmentParameters) or a Shipium customsInfo (with customsItems)',
					},
				],
				'Unrecognised shipment format',
			);
	}
}
