// EasyPost Enterprise AES: a Delivery read as a canonical shipment, request rules, Delivery builder,
// transaction numbers, response reading, client.
export * from './aesRequest';
export * from './aesResponse';
export * from './aesClient';
export * from './deliveryBuilder';
export * from './transactionNumber';

export { fromEasyPostDelivery, modeFromConveyanceCode } from './shipmentAdapter';
