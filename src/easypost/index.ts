// EasyPost Enterprise AES: request rules, Delivery builder, transaction numbers, response reading, client.
export * from './aesRequest';
export * from './aesResponse';
export * from './aesClient';
export * from './deliveryBuilder';
export * from './transactionNumber';

export * from './shipmentIdentity';
export * from './filingNumber';
export * from './earlierFiling';
export * from './aesOutcome';
