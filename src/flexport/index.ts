// Flexport import customs entries: client, paginator and the Customs Entry Trigger's state logic.
export * from './errors';
export type {
	CustomsEntriesPage,
	CustomsEntry,
	FlexportConfig,
	FlexportListControl,
	FlexportRetryConfig,
	FlexportShipmentRef,
} from './types';
export { FLEXPORT_MAX_PER_PAGE, getCustomsEntry, listCustomsEntries, resolveFlexportConfig } from './client';
export type { ListCustomsEntriesParams, ResolvedFlexportConfig } from './client';
export { checkNextLink, iterateCustomsEntryPages } from './paginate';
export { MAX_LISTING_PASSES, listAllCustomsEntries } from './completeListing';
export type { CompleteListingOptions } from './completeListing';
export {
	UNDECIDED_STATUS,
	comparableEntryNumber,
	customsEntryMatcher,
	hasEntryFilters,
	namesUndecidedStatus,
	releaseStatusMatcher,
} from './filters';
export type { CustomsEntryFilters } from './filters';
export type { CustomsEntriesPageResult, ListAllCustomsEntriesOptions } from './paginate';
export {
	CUSTOMS_ENTRY_EVENTS,
	DEFAULT_RELEASE_STATUSES,
	DEFAULT_RETENTION_MS as DEFAULT_CUSTOMS_ENTRY_RETENTION_MS,
	TRIGGER_STATE_VERSION as CUSTOMS_ENTRY_TRIGGER_STATE_VERSION,
	advance as advanceCustomsEntryTrigger,
	readTriggerState as readCustomsEntryTriggerState,
	shipmentScope as customsEntryShipmentScope,
} from './triggerState';
export type {
	AdvanceOptions as CustomsEntryAdvanceOptions,
	AdvanceResult as CustomsEntryAdvanceResult,
	CustomsEntryEvent,
	CustomsEntryEventName,
	CustomsEntryTriggerState,
} from './triggerState';
export {
	DEFAULT_POLL_BUDGET_MS as DEFAULT_CUSTOMS_ENTRY_POLL_BUDGET_MS,
	MAX_FILTERED_LISTINGS as MAX_FILTERED_SHIPMENT_LISTINGS,
	pollCustomsEntries,
	sampleCustomsEntryEvents,
} from './poll';
export type { PollCustomsEntriesOptions, PollCustomsEntriesResult, SampleCustomsEntriesOptions } from './poll';
