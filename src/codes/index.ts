// The dated AES code tables and the code check shared by File EEI and Check EEI Requirement.
export * from './types';
export { CODE_TABLES, normaliseUnit, portKind } from './tables';
export * from './check';
