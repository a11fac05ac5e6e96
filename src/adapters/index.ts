// Input adapters: provider documents -> canonical shipment.
export * from './detectFormat';
export { fromEasyPostDelivery, modeFromConveyanceCode } from './easypostDelivery';
export * from './shipium';
export type { AdapterOverrides, PartyDraft } from './draft';
