// Public surface of the n8n-free core.
export * from './errors';
export * from './http/port';
export * from './adapters';
export * from './shipment/grouping';
