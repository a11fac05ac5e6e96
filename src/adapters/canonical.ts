/** The one place the adapters meet the canonical shipment model (src/shipment/model.ts). */
export { parseShipment as parseCanonicalShipment, type Shipment } from '../shipment/model';
