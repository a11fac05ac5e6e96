import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import type { ConversionContext, ShipmentFormat } from '../../src/adapters';
import { toCanonicalShipment } from '../../src/adapters';
import { codeWarningsForInput } from '../../src/codes';
import { determineEeiRequirement } from '../../src/eei';
import { groupShipments } from '../../src/shipment/grouping';
import type { Shipment } from '../../src/shipment/model';
import { mapItems } from '../shared/items';
import { jsonParameter, parameterReader } from '../shared/parameters';

interface Facts {
	departureTime?: string;
	destinationCountry?: string;
	exchangeRate?: number;
	exportDate?: string;
	modeOfTransport?: ConversionContext['modeOfTransport'];
	originCountry?: string;
	originState?: string;
	usppiEin?: string;
	usppiName?: string;
}

interface Settings {
	source: 'item' | 'parameter';
	format: ShipmentFormat | 'auto';
	outputField: string;
	groupIntoShipments: boolean;
	facts: (itemIndex: number) => Facts;
}

/** Parameters that do not depend on the item are read once per run, not once per item. */
function readSettings(context: IExecuteFunctions): Settings {
	return {
		source: context.getNodeParameter('source', 0) as Settings['source'],
		format: context.getNodeParameter('format', 0) as Settings['format'],
		outputField: (context.getNodeParameter('outputField', 0) as string) || 'eei',
		groupIntoShipments: context.getNodeParameter('groupIntoShipments', 0) as boolean,
		facts: parameterReader<Facts>(context, 'facts', {}),
	};
}

function conversionContext(facts: Facts): ConversionContext {
	const blankToUndefined = (value: string | undefined) => (value ? value : undefined);
	return {
		departureTime: blankToUndefined(facts.departureTime),
		exportDate: blankToUndefined(facts.exportDate),
		modeOfTransport: facts.modeOfTransport,
		exchangeRate: facts.exchangeRate ? facts.exchangeRate : undefined,
		origin: facts.originCountry ? { country: facts.originCountry, state: blankToUndefined(facts.originState) } : undefined,
		destination: facts.destinationCountry ? { country: facts.destinationCountry } : undefined,
		usppi: facts.usppiEin || facts.usppiName ? { ein: blankToUndefined(facts.usppiEin), name: blankToUndefined(facts.usppiName) } : undefined,
	};
}

interface ReadShipment {
	shipment: Shipment;
	/** Code problems of this item's own document, as warnings (`codeWarnings`). */
	codeWarnings: IDataObject[];
}

function readShipment(context: IExecuteFunctions, settings: Settings, item: INodeExecutionData, itemIndex: number): ReadShipment {
	const raw = settings.source === 'item' ? item.json : jsonParameter(context, 'shipmentJson', itemIndex, 'shipmentJson');
	const facts = settings.format === 'canonical' ? {} : settings.facts(itemIndex);
	const shipment = toCanonicalShipment(raw, settings.format, conversionContext(facts));
	return { shipment, codeWarnings: codeWarningsForInput(raw, shipment) as unknown as IDataObject[] };
}

function withResult(item: INodeExecutionData, field: string, result: unknown): JsonObject {
	return { ...(item.json as JsonObject), [field]: result as JsonObject };
}

/** One determination per item. */
async function perItem(context: IExecuteFunctions, settings: Settings): Promise<INodeExecutionData[]> {
	return await mapItems(context, settings, (item, itemIndex) => {
		const { shipment, codeWarnings } = readShipment(context, settings, item, itemIndex);
		return withResult(item, settings.outputField, { ...determineEeiRequirement(shipment), codeWarnings });
	});
}

/**
 * One determination per shipment (15 CFR 30.1: one USPPI, one consignee, one day): items are
 * parsed, grouped, decided per group, and each item carries its group's result and key.
 */
async function perShipment(context: IExecuteFunctions, settings: Settings): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const parsed: Array<ReadShipment | { error: unknown }> = items.map((item, itemIndex) => {
		try {
			return readShipment(context, settings, item, itemIndex);
		} catch (error) {
			return { error };
		}
	});
	const valid = parsed.flatMap((entry, itemIndex) => ('shipment' in entry ? [{ itemIndex, shipment: entry.shipment }] : []));
	const outcomeByItem = new Map<number, { result: IDataObject } | { error: unknown }>();
	for (const group of groupShipments(valid.map((entry) => entry.shipment))) {
		const members = group.members.map((member) => valid[member].itemIndex);
		let outcome: { result: IDataObject } | { error: unknown };
		try {
			outcome = {
				result: {
					...(determineEeiRequirement(group.shipment) as unknown as IDataObject),
					shipmentGroup: {
						key: group.key,
						items: members,
						// Where each line of the grouped shipment came from: reasons and reportable lines index these.
						lines: group.itemOrigins.map((origin) => ({ item: members[origin.member], line: origin.itemIndex })),
					},
				},
			};
		} catch (error) {
			outcome = { error };
		}
		for (const itemIndex of members) outcomeByItem.set(itemIndex, outcome);
	}
	return await mapItems(context, settings, (item, itemIndex) => {
		const entry = parsed[itemIndex];
		if ('error' in entry) throw entry.error;
		const outcome = outcomeByItem.get(itemIndex);
		if (!outcome || 'error' in outcome) throw outcome?.error ?? new Error('Item was not grouped');
		// The group decides the requirement; each item's own codes are its own warnings.
		return withResult(item, settings.outputField, { ...outcome.result, codeWarnings: entry.codeWarnings });
	});
}

export async function checkEeiRequirement(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const settings = readSettings(context);
	return settings.groupIntoShipments ? await perShipment(context, settings) : await perItem(context, settings);
}
