// Reading a provider's document as a canonical shipment: format detection and dispatch, and the
// shared machinery (source paths, drafts); each provider's own adapter lives beside its client.
export * from './detectFormat';
export { assertDocumentDepth, MAX_DOCUMENT_DEPTH } from './documentDepth';
export type { AdapterOverrides, PartyDraft } from './draft';
