import type { IDataObject, INodeExecutionData, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CustomsEntryEvent, CustomsEntryEventName } from '../../src/flexport';
import { DEFAULT_CUSTOMS_ENTRY_RETENTION_MS, namesUndecidedStatus, pollCustomsEntries, sampleCustomsEntryEvents } from '../../src/flexport';
import { InputValidationError } from '../../src/errors';
import { splitList } from '../shared/parameters';
import { flexportConnection } from '../shared/flexportConnection';
import { toNodeError } from '../shared/errors';

/** The one key of the node's static data that holds the trigger state (see README: state). */
export const STATE_KEY = 'customsEntries';

/** Entries shown by a manual test run. */
const SAMPLE_SIZE = 5;

/** Part of n8n's poll budget kept back for emitting and saving after the scan. */
const BUDGET_SHARE = 0.9;

const DAY_MS = 86_400_000;

interface Settings {
	events: CustomsEntryEventName[];
	releaseStatuses: string[];
	shipmentIds: string[];
	emitExistingOnBaseline: boolean;
	retentionMs: number;
}

function readSettings(context: IPollFunctions): Settings {
	const events = context.getNodeParameter('events', []) as CustomsEntryEventName[];
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const releaseStatuses = events.includes('released') ? splitList(context.getNodeParameter('releaseStatuses', '')) : [];
	const retentionDays = options.retentionDays === undefined ? undefined : Number(options.retentionDays);
	const issues = [];
	if (events.length === 0) issues.push({ path: 'events', message: 'choose at least one event' });
	if (events.includes('released') && releaseStatuses.length === 0) issues.push({ path: 'releaseStatuses', message: 'name at least one release status' });
	if (namesUndecidedStatus(releaseStatuses)) issues.push({ path: 'releaseStatuses', message: '"none" (CBP has not decided yet) cannot count as released' });
	if (retentionDays !== undefined && !(retentionDays > 0)) issues.push({ path: 'options.retentionDays', message: 'must be more than 0 days' });
	if (issues.length > 0) throw new InputValidationError(issues, 'Invalid Customs Entry Trigger settings');
	return {
		events,
		releaseStatuses,
		shipmentIds: splitList(options.shipmentIds),
		emitExistingOnBaseline: options.emitExistingOnBaseline === true,
		retentionMs: retentionDays === undefined ? DEFAULT_CUSTOMS_ENTRY_RETENTION_MS : Math.round(retentionDays * DAY_MS),
	};
}

/** The entry's own fields plus what happened; event fields win over an entry field of the same name. */
function toItem(event: CustomsEntryEvent): INodeExecutionData {
	return {
		json: {
			...(event.entry as unknown as JsonObject),
			event: event.event,
			previousReleaseStatus: event.previousReleaseStatus,
			previousReleaseDate: event.previousReleaseDate,
			detectedAt: event.detectedAt,
		},
	};
}

function pollBudgetMs(context: IPollFunctions): number | undefined {
	// getPollBudgetMs exists from n8n 2.x on; older engines leave the core's default budget.
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : undefined;
	return typeof budget === 'number' && budget > 0 ? Math.floor(budget * BUDGET_SHARE) : undefined;
}

/**
 * One poll: read the complete listing, compare it with the stored fingerprints, emit the events.
 * The state is written only after a complete scan and only when it changed; a manual test run
 * shows a sample and never touches it.
 */
export async function pollCustomsEntryTrigger(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	try {
		const settings = readSettings(context);
		const { port, config } = await flexportConnection(context);
		if (context.getMode() === 'manual') {
			const sample = await sampleCustomsEntryEvents(port, config, {
				limit: SAMPLE_SIZE,
				shipmentIds: settings.shipmentIds,
				events: settings.events,
				budgetMs: pollBudgetMs(context),
			});
			return sample.length === 0 ? null : [sample.map(toItem)];
		}
		const staticData = context.getWorkflowStaticData('node');
		const result = await pollCustomsEntries(port, config, staticData[STATE_KEY], {
			events: settings.events,
			releaseStatuses: settings.releaseStatuses,
			shipmentIds: settings.shipmentIds,
			emitExistingOnBaseline: settings.emitExistingOnBaseline,
			retentionMs: settings.retentionMs,
			budgetMs: pollBudgetMs(context),
		});
		// An unchanged state is not rewritten: n8n then has no static data to save.
		if (result.changed) staticData[STATE_KEY] = result.state as unknown as IDataObject;
		return result.emitted.length === 0 ? null : [result.emitted.map(toItem)];
	} catch (error) {
		if (error instanceof InputValidationError) {
			// A trigger has no items: name the settings, not "item 0".
			throw new NodeOperationError(context.getNode(), error.message, {
				description: error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'),
			});
		}
		throw toNodeError(context.getNode(), error, 0);
	}
}
