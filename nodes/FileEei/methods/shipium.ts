/**
 * Filing method "Shipium (carrier files EEI)": the item is a Shipium label request. Either the
 * carrier files the EEI (its blocks checked completely, or first filled from a canonical
 * shipment), or the EEI was filed elsewhere and only its ITN is handed over. Then the label is
 * bought once: `POST /api/v1/shipment/carrierselection/label`, test labels by default.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { assertDocumentDepth, toCanonicalShipment } from '../../../src/adapters';
import { InputValidationError } from '../../../src/errors';
import { normaliseBaseUrl } from '../../../src/http/baseUrl';
import type { ShipiumEeiDefaults, ShipiumLabelRequest, ShipiumLabelResult, ShipiumLineDefaults, ShipiumScheduleBUnit } from '../../../src/shipium';
import {
	createShipiumLabel,
	fillShipiumEeiFromShipment,
	shipiumFailureRecord,
	SHIPIUM_SCHEDULE_B_UNITS,
	validateShipiumCarrierEei,
	withAesItn,
} from '../../../src/shipium';
import { n8nHttpPort } from '../../shared/n8nHttpPort';
import { jsonParameter, parameterReader } from '../../shared/parameters';
import { jsonList } from '../jsonList';
import { readRunOptions, runFilings, runOptionProperties } from '../../shared/filingRun';
import { acceptedCodes, acceptUnlistedCodesProperty } from '../../shared/codeOptions';

export const SHIPIUM_CREDENTIAL = 'shipiumApi';
const DEFAULT_SHIPIUM_BASE_URL = 'https://api.shipium.com';

/** Fields this package's nodes add to an item; they are not part of the label request. */
const ADDED_FIELDS = ['aes', 'eei', 'shipium'];

function unitName(unit: string): string {
	return unit
		.split('_')
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');
}

const properties: INodeProperties[] = [
	{
		displayName: 'Label Request',
		name: 'labelRequestSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Input Item', value: 'item', description: 'Each input item is a Shipium label request (fields aes, eei, shipium, and shipment when filling from it, are left out)' },
			{ name: 'JSON Parameter', value: 'json', description: 'The label request as JSON or an expression' },
		],
		default: 'item',
	},
	{
		displayName: 'Label Request (JSON)',
		name: 'labelRequestJson',
		type: 'json',
		default: '{\n  "shipmentParameters": {}\n}',
		required: true,
		displayOptions: { show: { labelRequestSource: ['json'] } },
	},
	{
		displayName: 'EEI',
		name: 'eeiSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Carrier Files It: As in the Request',
				value: 'request',
				description: 'Check electronicExportInformation and each electronicExportCommodityInformation completely before buying the label',
			},
			{
				name: 'Carrier Files It: Fill From a Canonical Shipment',
				value: 'shipment',
				description: 'Fill the missing EEI fields from a shipment and the defaults below, then check them',
			},
			{
				name: 'Filed Elsewhere: Pass the ITN',
				value: 'itn',
				description: 'Send aesInternalTransactionNumber (e.g. from File EEI with EasyPost AES) and no carrier EEI blocks',
			},
		],
		default: 'request',
	},
	{
		displayName: 'ITN',
		name: 'itn',
		type: 'string',
		default: '',
		placeholder: 'X20261121123456',
		displayOptions: { show: { eeiSource: ['itn'] } },
		description: "The AES Internal Transaction Number; empty: the item's aes.itn (what File EEI with EasyPost AES outputs)",
	},
	{
		displayName: 'Shipment (JSON)',
		name: 'fillShipmentJson',
		type: 'json',
		default: '={{ $json.shipment }}',
		required: true,
		displayOptions: { show: { eeiSource: ['shipment'] } },
		description: 'A canonical shipment whose items match the customs items by position',
	},
	{
		displayName: 'EEI Defaults',
		name: 'eeiDefaults',
		type: 'collection',
		placeholder: 'Add Default',
		default: {},
		displayOptions: { show: { eeiSource: ['shipment'] } },
		description: 'Used only where neither the request nor the shipment says otherwise',
		options: [
			{ displayName: 'ECCN', name: 'eccnNumber', type: 'string', default: '', placeholder: 'EAR99', description: 'For lines whose shipment item has no eccn (EAR99 is never assumed)' },
			{ displayName: 'Export Date', name: 'exportDate', type: 'string', default: '', placeholder: '2026-11-23' },
			{ displayName: 'Export Information Code', name: 'exportInformationCode', type: 'string', default: 'OS' },
			{ displayName: 'License Exemption Code', name: 'licenseExemptionCode', type: 'string', default: '', placeholder: 'NLR' },
			{ displayName: 'License Type', name: 'licenseType', type: 'string', default: '', placeholder: 'C33' },
			{
				displayName: 'Line Defaults (JSON)',
				name: 'lineDefaults',
				type: 'json',
				default: '[]',
				description: 'Per customs item, in order: scheduleBUnitOfMeasurement, scheduleBQuantity, eccnNumber, licenseType, licenseExemptionCode, exportLicense, exportInformationCode',
			},
			{ displayName: 'Point of Origin', name: 'pointOfOrigin', type: 'string', default: '', placeholder: 'CO', description: 'Two-letter US state the goods leave from' },
			{
				displayName: 'Schedule B Unit of Measurement',
				name: 'scheduleBUnitOfMeasurement',
				type: 'options',
				options: SHIPIUM_SCHEDULE_B_UNITS.map((unit) => ({ name: unitName(unit), value: unit })),
				default: 'number',
			},
		],
	},
	{
		displayName: 'Test Mode',
		name: 'testMode',
		type: 'boolean',
		default: true,
		description: 'Whether to ask for a void test label (testMode "true"); turn off only to buy a real label',
	},
	{
		displayName: 'Options',
		name: 'shipiumOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			acceptUnlistedCodesProperty,
			...runOptionProperties('labels are requested', 'A label request that timed out is never sent again automatically'),
		],
	},
];

export const description = updateDisplayOptions({ show: { filingMethod: ['shipium'] } }, properties);

interface EeiDefaultsParameter {
	eccnNumber?: string;
	exportDate?: string;
	exportInformationCode?: string;
	licenseExemptionCode?: string;
	licenseType?: string;
	lineDefaults?: unknown;
	pointOfOrigin?: string;
	scheduleBUnitOfMeasurement?: ShipiumScheduleBUnit;
}

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function lineDefaults(value: unknown): Array<ShipiumLineDefaults | undefined> | undefined {
	return jsonList<ShipiumLineDefaults>(value, 'eeiDefaults.lineDefaults', 'Invalid EEI defaults');
}

function eeiDefaults(parameter: EeiDefaultsParameter): ShipiumEeiDefaults {
	return {
		eccnNumber: text(parameter.eccnNumber),
		exportDate: text(parameter.exportDate),
		exportInformationCode: text(parameter.exportInformationCode),
		licenseExemptionCode: text(parameter.licenseExemptionCode),
		licenseType: text(parameter.licenseType),
		pointOfOrigin: text(parameter.pointOfOrigin),
		scheduleBUnitOfMeasurement: parameter.scheduleBUnitOfMeasurement,
		items: lineDefaults(parameter.lineDefaults),
	};
}

function attempt<T>(run: () => T): { value: T } | { error: unknown } {
	try {
		return { value: run() };
	} catch (error) {
		return { error };
	}
}

/** The core names the fill defaults `defaults.*`; the node calls them EEI Defaults. */
function inParameterTerms(error: unknown): unknown {
	if (!(error instanceof InputValidationError)) return error;
	const rename = (path: string) => path.replace(/^defaults\.items\[/, 'eeiDefaults.lineDefaults[').replace(/^defaults\./, 'eeiDefaults.');
	return new InputValidationError(
		error.issues.map((issue) => ({ ...issue, path: rename(issue.path) })),
		'Cannot fill the Shipium EEI',
	);
}

function hasItn(request: ShipiumLabelRequest): boolean {
	const customs = request.shipmentParameters?.customsInfo;
	return isRecord(customs) && customs.aesInternalTransactionNumber !== undefined && customs.aesInternalTransactionNumber !== null;
}

/** The `shipium` object of an error item; whether a label can exist is the core's call (labelOutcome.ts). */
function shipiumFailure(error: unknown): JsonObject | undefined {
	const record = shipiumFailureRecord(error);
	return record === undefined ? undefined : { shipium: record as JsonObject };
}

function acceptedSummary(result: ShipiumLabelResult): string {
	const label = isRecord(result.response.carrierLabel) ? result.response.carrierLabel : {};
	const id = text(result.response.shipiumShipmentId) ?? 'without an id';
	const tracking = text(label.carrierTrackingId);
	return `${result.testMode ? 'test label' : 'label'} ${id}${tracking ? `, tracking ${tracking}` : ''}, EEI: ${result.eeiFiling}${result.itn ? ` ${result.itn}` : ''}`;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const credentials = await this.getCredentials(SHIPIUM_CREDENTIAL);
	let baseUrl: string;
	try {
		baseUrl = normaliseBaseUrl(credentials.baseUrl || DEFAULT_SHIPIUM_BASE_URL, 'baseUrl');
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error instanceof Error ? error.message : String(error), {
			description: 'Correct the Base URL in the Shipium API credential.',
		});
	}
	const secrets = [typeof credentials.apiKey === 'string' ? credentials.apiKey : ''];
	const port = n8nHttpPort(this, { credentialType: SHIPIUM_CREDENTIAL });
	const requestSource = this.getNodeParameter('labelRequestSource', 0) as 'item' | 'json';
	const eeiSource = this.getNodeParameter('eeiSource', 0) as 'request' | 'shipment' | 'itn';
	const testMode = parameterReader<boolean>(this, 'testMode', true);
	const itn = eeiSource === 'itn' ? parameterReader<string>(this, 'itn', '') : () => '';
	const defaults = eeiSource === 'shipment' ? parameterReader<EeiDefaultsParameter>(this, 'eeiDefaults', {}) : () => ({});
	const options = this.getNodeParameter('shipiumOptions', 0, {}) as { acceptUnlistedCodes?: string; concurrency?: number; timeoutSeconds?: number };
	const acceptUnlistedCodes = acceptedCodes(options.acceptUnlistedCodes);
	const { concurrency, timeoutMs } = readRunOptions(options);

	const labelRequest = (item: INodeExecutionData, itemIndex: number): ShipiumLabelRequest => {
		const request = labelRequestDocument(item, itemIndex);
		assertDocumentDepth(request, '', 'Invalid Shipium label request');
		return request;
	};

	const labelRequestDocument = (item: INodeExecutionData, itemIndex: number): ShipiumLabelRequest => {
		if (requestSource === 'json') return jsonParameter(this, 'labelRequestJson', itemIndex, 'labelRequestJson') as ShipiumLabelRequest;
		const request: Loose = { ...item.json };
		for (const field of ADDED_FIELDS) delete request[field];
		// The shipment to fill from travels beside the request (`$json.shipment` by default), not in it.
		if (eeiSource === 'shipment') delete request.shipment;
		return request as ShipiumLabelRequest;
	};

	const withEei = (item: INodeExecutionData, itemIndex: number): ShipiumLabelRequest => {
		const request = labelRequest(item, itemIndex);
		if (eeiSource === 'itn') {
			const aes = isRecord(item.json.aes) ? item.json.aes : {};
			const given = text(itn(itemIndex)) ?? text(aes.itn);
			if (given === undefined) {
				throw new InputValidationError([{ path: 'itn', message: "is required: give the ITN, or an item with aes.itn (File EEI's output)" }], 'Cannot hand the ITN to Shipium');
			}
			return withAesItn(request, given);
		}
		if (eeiSource === 'shipment') {
			const shipment = toCanonicalShipment(jsonParameter(this, 'fillShipmentJson', itemIndex, 'fillShipmentJson'), 'auto');
			const filled = attempt(() => fillShipiumEeiFromShipment(request, shipment, eeiDefaults(defaults(itemIndex))));
			if ('error' in filled) throw inParameterTerms(filled.error);
			return filled.value;
		}
		// As in the request: an ITN there is a hand-off already made; otherwise the carrier files, completely.
		return hasItn(request) ? request : validateShipiumCarrierEei(request);
	};

	return await runFilings(
		this,
		async (item, itemIndex, ledger) => {
			const request = withEei(item, itemIndex);
			ledger.onFailure(itemIndex, (error) => shipiumFailure(error));
			const result = await createShipiumLabel(port, { baseUrl, request, testMode: testMode(itemIndex) !== false, acceptUnlistedCodes, timeoutMs });
			ledger.accepted(itemIndex, acceptedSummary(result));
			this.logger.debug(`File EEI (Shipium): item ${itemIndex}: ${result.testMode ? 'test ' : ''}label created, EEI ${result.eeiFiling}`);
			return {
				...(item.json as JsonObject),
				shipium: {
					eeiFiling: result.eeiFiling,
					itn: result.itn ?? null,
					testMode: result.testMode,
					electronicallySubmitted: result.eeiElectronicallySubmitted,
					eeiDocuments: result.eeiDocuments as unknown as JsonObject[],
					warnings: result.codeWarnings as unknown as JsonObject[],
					response: result.response as JsonObject,
					request: request as JsonObject,
				},
			};
		},
		{ concurrency, secrets, verb: 'labelled' },
	);
}
