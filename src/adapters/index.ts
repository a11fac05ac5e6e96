// Input adapters: provider documents -> canonical shipment.
export * from './detectFormat';
export { assertDocumentDepth, MAX_DOCUMENT_DEPTH } from './documentDepth';
export { fromEasyPostDelivery, modeFromConveyanceCode } from './easypostDelivery';
export * from './shipium';
export type { AdapterOverrides, PartyDraft } from './draft';
