// Public surface of the n8n-free core.
export * from './errors';
export * from './http/port';
