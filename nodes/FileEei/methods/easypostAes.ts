/**
 * Filing method "EasyPost AES": one AES transaction (add or replace) per item, from the item's
 * Delivery, a JSON parameter, or built from a canonical shipment plus the filing facts it
 * lacks. The transaction number is fixed BEFORE sending, so that a retried item re-sends the
 * same number and AES refuses a duplicate rather than accepting a second filing.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertDocumentDepth, toCanonicalShipment } from '../../../src/adapters';
import type { AesEnvironment, AesFilingDetails, AesLineDetails, AesModeOfTransport, AesTransactionType, TransactionNumberRecipe } from '../../../src/easypost';
import { buildAesFilingFromShipment, checkAmendmentTarget, checkNewFiling, fileEei, numberFiling, readEarlierFiling } from '../../../src/easypost';
import { InputValidationError } from '../../../src/errors';
import { jsonParameter, parameterReader } from '../../shared/parameters';
import { jsonList } from '../jsonList';
import { acceptedSummary, aesConnection, aesFailure, aesOutput } from '../../shared/aesConnection';
import { readRunOptions, runFilings, runOptionProperties } from '../../shared/filingRun';
import { acceptedCodes, acceptUnlistedCodesProperty } from '../../shared/codeOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Test', value: 'test', description: "CBP's test queue: nothing is reported" },
			{ name: 'Production', value: 'production', description: 'A real filing with CBP' },
		],
		default: 'test',
		description: 'AES queue the filing goes to; both need a production EasyPost API key',
	},
	{
		displayName: 'Transaction Type',
		name: 'transactionType',
		type: 'options',
		options: [
			{ name: 'Add', value: 'add', description: 'A new filing' },
			{ name: 'Replace', value: 'replace', description: 'Correct a filing (or complete a rejected one) under its original transaction number' },
		],
		default: 'add',
	},
	{
		displayName: 'Filing Data',
		name: 'payloadSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: "Item's Delivery", value: 'delivery', description: 'The `Delivery` field of each input item, as EasyPost AES expects it' },
			{ name: 'JSON Parameter', value: 'json', description: 'A `{ Delivery }` (or a Delivery) as JSON or an expression' },
			{ name: 'Build From Canonical Shipment', value: 'shipment', description: 'Map a shipment (e.g. the one Check EEI Requirement read) and add the filing facts below' },
		],
		default: 'delivery',
	},
	{
		displayName: 'Request (JSON)',
		name: 'requestJson',
		type: 'json',
		default: '{\n  "Delivery": {}\n}',
		required: true,
		displayOptions: { show: { payloadSource: ['json'] } },
		description: 'The AES request, `{ Delivery }`, or the Delivery itself; Transaction Type and Environment come from the parameters above',
	},
	{
		displayName: 'Shipment (JSON)',
		name: 'shipmentJson',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: { payloadSource: ['shipment'] } },
		description: 'A canonical shipment (or any format Check EEI Requirement reads); by default the input item',
	},
	{
		displayName: 'Port of Export',
		name: 'portOfExport',
		type: 'string',
		default: '',
		required: true,
		placeholder: '2095',
		displayOptions: { show: { payloadSource: ['shipment'] } },
		description: '4-digit Schedule D port where the goods leave the US (mail: 8000)',
	},
	{
		displayName: 'Carrier Code',
		name: 'conveyanceCode',
		type: 'string',
		default: '',
		placeholder: 'FX',
		displayOptions: { show: { payloadSource: ['shipment'] } },
		description: 'IATA code of the airline (2-3 characters) or SCAC of the trucking company (4 letters)',
	},
	{
		displayName: 'USPPI Tax ID (EIN)',
		name: 'usppiTaxId',
		type: 'string',
		default: '',
		placeholder: '88-1234567',
		displayOptions: { show: { payloadSource: ['shipment'] } },
		description: "The exporter's EIN; leave empty to use the shipment's usppi.ein",
	},
	{
		displayName: 'Filing Details',
		name: 'filingDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		displayOptions: { show: { payloadSource: ['shipment'] } },
		options: [
			{ displayName: 'Gross Weight (KG)', name: 'grossWeightKg', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Shipment gross weight; at least the sum of the line weights' },
			{
				displayName: 'Line Details (JSON)',
				name: 'lineDetails',
				type: 'json',
				default: '[\n  { "unitWeight": { "Amount": 1, "Unit": "KG" } }\n]',
				description:
					'Per shipment line, in order: unitWeight {Amount, Unit}, quantityUnitOfMeasure, packQuantity, exportInformationCode, harmonizedCodeSource, reportingQuantity, secondReportingQuantity, extra',
			},
			{ displayName: 'Port of Unloading', name: 'portOfUnloading', type: 'string', default: '', placeholder: '49000', description: '5 digits; needed for US to Puerto Rico' },
			{ displayName: 'Quantity Unit of Measure', name: 'quantityUnitOfMeasure', type: 'string', default: 'EA', description: 'Unit of the commercial quantity for every line (a line detail wins)' },
			{ displayName: 'Reference', name: 'reference', type: 'string', default: '', placeholder: 'SO-1001', description: 'Your reference (e.g. the order number); also seeds a derived transaction number' },
			{ displayName: 'Vessel Name', name: 'conveyanceName', type: 'string', default: '', description: 'Required for vessel shipments' },
		],
	},
	{
		displayName: 'Transaction Number',
		name: 'transactionNumber',
		type: 'string',
		default: '',
		placeholder: 'SO1001EEI',
		description:
			"The filing's EEI transaction number (1-17 letters and digits, unique for ever; a replace reuses the original). Empty: the Delivery's own, else (add only) one derived from the shipment.",
	},
	{
		displayName: 'Export Date',
		name: 'exportDate',
		type: 'string',
		default: '',
		placeholder: '2026-11-23',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
		description:
			"Date of export (YYYY-MM-DD). A derived transaction number needs it, so that a standing order shipped on two days never shares a number. Building from a shipment: empty uses the shipment's exportDate or departure day.",
	},
	{
		displayName: 'Options',
		name: 'aesOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			acceptUnlistedCodesProperty,
			...runOptionProperties('items are filed', 'How long to wait for AES; a filing that timed out is never sent again automatically'),
			{
				displayName: 'Transaction Number Prefix',
				name: 'transactionNumberPrefix',
				type: 'string',
				default: '',
				description: 'Up to 8 letters and digits that start every derived number, to recognise them in ACE',
			},
			{
				displayName: 'Transaction Number Seed',
				name: 'transactionNumberSeed',
				type: 'string',
				default: '',
				placeholder: '={{ $json.orderId }}',
				description:
					'Identifies the shipment (e.g. the order number) for a derived transaction number; default: the Reference. The same seed and data always give the same number, so a re-run cannot file twice.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { filingMethod: ['easypostAes'] } }, properties);

interface AesOptions {
	acceptUnlistedCodes?: string;
	concurrency?: number;
	timeoutSeconds?: number;
	transactionNumberPrefix?: string;
	transactionNumberSeed?: string;
}

interface FilingDetailsParameter {
	grossWeightKg?: number;
	lineDetails?: unknown;
	portOfUnloading?: string;
	quantityUnitOfMeasure?: string;
	reference?: string;
	conveyanceName?: string;
}

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The Delivery from the item or the JSON parameter. */
function readDelivery(context: IExecuteFunctions, source: 'delivery' | 'json', item: INodeExecutionData, itemIndex: number): Loose {
	const delivery = readDeliveryDocument(context, source, item, itemIndex);
	assertDocumentDepth(delivery, 'Delivery', 'Invalid AES request');
	return delivery;
}

function readDeliveryDocument(context: IExecuteFunctions, source: 'delivery' | 'json', item: INodeExecutionData, itemIndex: number): Loose {
	if (source === 'delivery') {
		const delivery = item.json.Delivery;
		if (!isRecord(delivery)) {
			throw new InputValidationError([{ path: 'Delivery', message: 'the input item has no Delivery object (choose another Filing Data source)' }], 'Invalid AES request');
		}
		return delivery;
	}
	const json = jsonParameter(context, 'requestJson', itemIndex, 'requestJson') as Loose;
	if (isRecord(json.Delivery)) return json.Delivery;
	if ('International' in json || 'Items' in json || 'Shipper' in json) return json;
	throw new InputValidationError([{ path: 'requestJson.Delivery', message: 'is required: give { "Delivery": {...} } or a Delivery' }], 'Invalid AES request');
}

function lineDetails(value: unknown): Array<AesLineDetails | undefined> | undefined {
	return jsonList<AesLineDetails>(value, 'filingDetails.lineDetails', 'Invalid filing details');
}

interface Prepared {
	request: Loose & { Delivery: Loose };
	modeOfTransport?: AesModeOfTransport;
	shipmentFingerprint: string;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const connection = await aesConnection(this);
	const source = this.getNodeParameter('payloadSource', 0) as 'delivery' | 'json' | 'shipment';
	const environment = parameterReader<AesEnvironment>(this, 'environment', 'test');
	const transactionType = parameterReader<AesTransactionType>(this, 'transactionType', 'add');
	const transactionNumber = parameterReader<string>(this, 'transactionNumber', '');
	// Version 1 keeps its transaction number recipe, so that its filings re-run keep their numbers.
	const recipe: TransactionNumberRecipe = this.getNode().typeVersion >= 2 ? 2 : 1;
	const exportDate = recipe === 2 ? parameterReader<string>(this, 'exportDate', '') : () => '';
	const options = parameterReader<AesOptions>(this, 'aesOptions', {});
	const shipmentFacts = source === 'shipment';
	const portOfExport = shipmentFacts ? parameterReader<string>(this, 'portOfExport', '') : () => '';
	const conveyanceCode = shipmentFacts ? parameterReader<string>(this, 'conveyanceCode', '') : () => '';
	const usppiTaxId = shipmentFacts ? parameterReader<string>(this, 'usppiTaxId', '') : () => '';
	const filingDetails = shipmentFacts ? parameterReader<FilingDetailsParameter>(this, 'filingDetails', {}) : (): FilingDetailsParameter => ({});
	const runOptions = options(0);
	const { concurrency, timeoutMs } = readRunOptions(runOptions);

	const prepare = (item: INodeExecutionData, itemIndex: number): Prepared => {
		const type = transactionType(itemIndex);
		const env = environment(itemIndex);
		const given = text(transactionNumber(itemIndex));
		const itemOptions = options(itemIndex);
		if (source !== 'shipment') {
			const numbered = numberFiling(readDelivery(this, source, item, itemIndex), {
				recipe,
				transactionType: type,
				given,
				seed: text(itemOptions.transactionNumberSeed),
				prefix: text(itemOptions.transactionNumberPrefix),
				exportDate: text(exportDate(itemIndex)),
			});
			return { request: { Delivery: numbered.delivery, TransactionType: type, Environment: env }, shipmentFingerprint: numbered.shipmentFingerprint };
		}
		const shipment = toCanonicalShipment(jsonParameter(this, 'shipmentJson', itemIndex, 'shipmentJson'), 'auto');
		const details = filingDetails(itemIndex);
		const reference = text(details.reference);
		const seed = text(itemOptions.transactionNumberSeed) ?? reference;
		if (given === undefined && (type !== 'add' || (recipe === 1 && seed === undefined))) {
			const message =
				type === 'add'
					? 'is missing: give the Transaction Number, or a Reference or Transaction Number Seed (e.g. the order number) from which a stable one is derived'
					: `is required: a ${type} reuses the transaction number of the original filing (seed 001)`;
			throw new InputValidationError([{ path: 'transactionNumber', message }], 'Invalid AES request');
		}
		const filing: AesFilingDetails = {
			portOfExport: text(portOfExport(itemIndex)) ?? '',
			conveyanceCode: text(conveyanceCode(itemIndex)),
			conveyanceName: text(details.conveyanceName),
			usppiTaxId: text(usppiTaxId(itemIndex)),
			portOfUnloading: text(details.portOfUnloading),
			reference,
			quantityUnitOfMeasure: text(details.quantityUnitOfMeasure),
			items: lineDetails(details.lineDetails),
			grossWeight: details.grossWeightKg ? { Amount: details.grossWeightKg, Unit: 'KG' } : undefined,
			transactionNumber: given,
			transactionNumberSeed: seed,
			transactionNumberPrefix: text(itemOptions.transactionNumberPrefix),
			transactionNumberRecipe: recipe,
			exportDate: text(exportDate(itemIndex)),
		};
		const built = buildAesFilingFromShipment(shipment, filing, { transactionType: type, environment: env });
		return { request: built.request as unknown as Prepared['request'], modeOfTransport: shipment.modeOfTransport, shipmentFingerprint: built.shipmentFingerprint };
	};

	return await runFilings(
		this,
		async (item, itemIndex, ledger) => {
			const { request, modeOfTransport, shipmentFingerprint } = prepare(item, itemIndex);
			const international = request.Delivery.International as Loose;
			const transactionType = request.TransactionType as AesTransactionType;
			const number = String(international.EeiTransactionNumber);
			// The item's record of an earlier attempt keeps a replace on its own filing and an add from filing it twice.
			const earlier = readEarlierFiling(item.json);
			if (transactionType === 'replace') checkAmendmentTarget('replace', number, earlier);
			else checkNewFiling(number, earlier);
			const transaction = { transactionNumber: number, transactionType, environment: request.Environment as AesEnvironment, shipmentFingerprint, earlier };
			ledger.onFailure(itemIndex, (error) => aesFailure(error, transaction));
			const result = await fileEei(connection.port, {
				aesBaseUrl: connection.aesBaseUrl,
				request,
				modeOfTransport,
				acceptUnlistedCodes: acceptedCodes(options(itemIndex).acceptUnlistedCodes),
				timeoutMs,
				shipmentFingerprint,
				earlier,
			});
			ledger.accepted(itemIndex, acceptedSummary(result));
			// Identifiers only: line items and consignee data never reach the log above debug.
			this.logger.debug(`File EEI: item ${itemIndex}, transaction ${result.transactionNumber}: ${result.status}`);
			return {
				...(item.json as JsonObject),
				aes: {
					...aesOutput(result),
					shipmentFingerprint,
					warnings: result.codeWarnings as unknown as JsonObject[],
					delivery: request.Delivery as IDataObject,
				} as JsonObject,
			};
		},
		{ concurrency, secrets: connection.secrets, verb: 'filed' },
	);
}
