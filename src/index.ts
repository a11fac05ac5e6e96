// Public surface of the n8n-free core.
export * from './errors';
export * from './http/port';
export * from './shipment/model';
export * from './shipment/value';
export * from './fieldIssues';
export * from './eei';
export * from './adapters';
export * from './shipment/grouping';
export * from './flexport';
export * from './easypost';
export * from './shipium';
export * from './redact';
export * from './codes';
