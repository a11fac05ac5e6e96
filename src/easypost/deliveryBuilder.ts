/**
 * Canonical shipment -> EasyPost AES Delivery, so that a workflow goes Check EEI -> File EEI
 * without hand-mapping. What the canonical shipment does not carry (port, carrier, weights,
 * units, addresses beyond a name) comes from `filing`.
 *
 * | Delivery field                              | from                                                        |
 * |---------------------------------------------|-------------------------------------------------------------|
 * | Reference                                   | filing.reference                                            |
 * | Shipper.Company / Contact                   | usppi.company ?? usppi.name / usppi.contact                 |
 * | Shipper.StreetAddress, City, PostalCode, Phone | usppi (flat or under `address`: street1, city, postalCode, phone) |
 * | Shipper.Subdivision                         | usppi state, else origin.state                              |
 * | Shipper.Country                             | usppi country, else origin.country                          |
 * | Shipper.Payor.TaxIds[0] {Number, "E"}        | filing.usppiTaxId ?? usppi.ein                              |
 * | ShipTo.*                                    | consignee (as usppi); Country else destination.country      |
 * | SoldTo.*                                    | filing.soldTo only (ShipTo is then the intermediate consignee) |
 * | International.PortOfExportCode              | filing.portOfExport                                         |
 * | International.PortOfUnloading               | filing.portOfUnloading                                      |
 * | International.EeiTransactionNumber          | filing.transactionNumber, else derived (filingNumber.ts: recipe 1 or 2) |
 * | ShippingOptions.ConveyanceCode / Name       | filing.conveyanceCode / filing.conveyanceName               |
 * | Items[i].HarmonizedCode                     | items[i].commodityCode                                      |
 * | Items[i].Description                        | items[i].description                                        |
 * | Items[i].Producer.Country                   | items[i].originCountry                                      |
 * | Items[i].PackQuantity                       | items[i].quantity (filing.items[i].packQuantity overrides)  |
 * | Items[i].UnitValue {Amount, "USD"}           | lineValueUsd(items[i]) / PackQuantity                       |
 * | Items[i].UnitWeight, QuantityUnitOfMeasure, ExportInformationCode, ExportHarmonizedCodeSource, ReportingQuantity, SecondReportingQuantity | filing.items[i] (units also filing.quantityUnitOfMeasure) |
 * | GrossWeight                                 | filing.grossWeight                                          |
 * `filing.shipper`, `filing.shipTo` (AES spelling) are merged last and win over the mapping.
 *
 * License data (ECCN, license type and number) has no documented Delivery field yet (seed 001:
 * "Licensed Shipment: todo"); a licensed or ITAR line is refused unless the caller supplies the
 * fields themselves in `filing.items[i].extra`, rather than being filed without its license.
 */
import { InputValidationError, type FieldIssue } from '../errors';
import type { Shipment, ShipmentItem } from '../shipment/model';
import { lineValueUsd } from '../shipment/value';
import { parseAesRequest, type AesEnvironment, type AesRequest, type AesTransactionType } from './aesRequest';
import { numberFiling, type TransactionNumberRecipe } from './filingNumber';

export interface AesParty {
	Company?: string;
	Contact?: string;
	StreetAddress?: string;
	City?: string;
	Subdivision?: string;
	PostalCode?: string;
	Country?: string;
	Phone?: string;
	[field: string]: unknown;
}

export interface AesQuantity {
	Amount: number;
	Unit: string;
}

/** Per-line facts the canonical shipment does not carry, in the order of `shipment.items`. */
export interface AesLineDetails {
	/** Gross weight of one unit (AES: UnitWeight x PackQuantity = line gross weight). */
	unitWeight?: AesQuantity;
	quantityUnitOfMeasure?: string;
	/** Overrides items[i].quantity as the commercial quantity. */
	packQuantity?: number;
	exportInformationCode?: string;
	harmonizedCodeSource?: 'UsScheduleB' | 'UsHts';
	reportingQuantity?: AesQuantity;
	secondReportingQuantity?: AesQuantity;
	/** Further Delivery item fields, sent as given (e.g. license fields from the beta model). */
	extra?: Record<string, unknown>;
}

export interface AesFilingDetails {
	/** 4-digit Schedule D port of export (mail: 8000). */
	portOfExport: string;
	/** 5-digit port of unloading, for US -> Puerto Rico. */
	portOfUnloading?: string;
	/** IATA (air, 2-3 characters) or SCAC (truck, 4 letters). */
	conveyanceCode?: string;
	/** Vessel name; required for vessel shipments. */
	conveyanceName?: string;
	/** USPPI EIN; falls back to `shipment.usppi.ein`. */
	usppiTaxId?: string;
	reference?: string;
	/** The filing's EEI transaction number; when absent one is derived from the seed. */
	transactionNumber?: string;
	/** Seed for a derived number, e.g. `${executionId}:${itemIndex}` (see transactionNumber.ts). */
	transactionNumberSeed?: string;
	transactionNumberPrefix?: string;
	/** 1 (default, File EEI version 1): seed + Delivery content; 2: the shipment's identity (filingNumber.ts). */
	transactionNumberRecipe?: TransactionNumberRecipe;
	/** Date of export, YYYY-MM-DD; default: the shipment's exportDate, else its departureTime's day. */
	exportDate?: string;
	/** Default unit of measure for every line, e.g. "EA". */
	quantityUnitOfMeasure?: string;
	items?: Array<AesLineDetails | undefined>;
	grossWeight?: AesQuantity;
	shipper?: AesParty;
	shipTo?: AesParty;
	soldTo?: AesParty;
}

type Loose = Record<string, unknown>;

function str(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** First non-empty text among the names, read flat on the party or under its `address`. */
function pick(party: Loose | undefined, ...names: string[]): string | undefined {
	if (!party) return undefined;
	const address = (typeof party.address === 'object' && party.address !== null ? party.address : {}) as Loose;
	for (const name of names) {
		const found = str(party[name]) ?? str(address[name]);
		if (found !== undefined) return found;
	}
	return undefined;
}

function compact<T extends Loose>(record: T): T {
	return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function joinLines(...lines: Array<string | undefined>): string | undefined {
	const present = lines.filter((line) => line !== undefined);
	return present.length > 0 ? present.join(', ') : undefined;
}

function mapParty(party: Loose | undefined, fallback: { country?: string; state?: string }): AesParty {
	const company = pick(party, 'company', 'companyName');
	const name = pick(party, 'name');
	return compact({
		Company: company ?? name,
		Contact: pick(party, 'contact', 'contactName', 'attention') ?? (company !== undefined ? name : undefined),
		StreetAddress: joinLines(
			pick(party, 'street1', 'street', 'streetAddress', 'addressLine1', 'line1'),
			pick(party, 'street2', 'addressLine2', 'line2'),
		),
		City: pick(party, 'city'),
		Subdivision: pick(party, 'state', 'stateCode', 'subdivision', 'province') ?? fallback.state,
		PostalCode: pick(party, 'postalCode', 'zip', 'zipCode', 'postcode'),
		Country: pick(party, 'country', 'countryCode') ?? fallback.country,
		Phone: pick(party, 'phone', 'phoneNumber'),
	});
}

function mapItem(
	item: ShipmentItem,
	index: number,
	shipment: Shipment,
	filing: AesFilingDetails,
	issues: FieldIssue[],
): Loose {
	const details = filing.items?.[index] ?? {};
	const quantity = details.packQuantity ?? item.quantity;
	if (quantity === undefined) {
		issues.push({
			path: `items[${index}].quantity`,
			message: 'AES needs the commercial quantity (PackQuantity): give quantity or filing.items[i].packQuantity',
		});
	}
	if ((item.licenseRequired || item.itar || item.otherAgencyLicense) && details.extra === undefined) {
		issues.push({
			path: `items[${index}].licenseRequired`,
			message:
				'licensed and ITAR lines need their license fields, which the AES document does not define yet: ' +
				'send them in filing.items[i].extra, or file this shipment another way',
		});
	}
	const unitOfMeasure = details.quantityUnitOfMeasure ?? filing.quantityUnitOfMeasure;
	const usd = lineValueUsd(item, shipment);
	// Four decimals keep UnitValue x PackQuantity on the line value to well under a cent.
	const unitValue = quantity ? Math.round((usd / quantity) * 10_000) / 10_000 : usd;
	return compact({
		HarmonizedCode: item.commodityCode,
		ExportHarmonizedCodeSource: details.harmonizedCodeSource,
		ExportInformationCode: details.exportInformationCode,
		Description: item.description,
		UnitValue: { Amount: unitValue, Currency: 'USD' },
		UnitWeight: details.unitWeight,
		Producer: { Country: item.originCountry },
		PackQuantity: quantity,
		QuantityUnitOfMeasure: unitOfMeasure,
		ReportingQuantity: details.reportingQuantity,
		SecondReportingQuantity: details.secondReportingQuantity,
		...(details.extra ?? {}),
	});
}

/**
 * Maps a canonical shipment (parseShipment output) to a Delivery. Throws InputValidationError
 * (canonical paths) for facts AES needs that neither the shipment nor `filing` gives; the AES
 * rules themselves are checked by parseAesRequest (see buildAesRequestFromShipment).
 */
export function buildDeliveryFromShipment(shipment: Shipment, filing: AesFilingDetails): Loose {
	const issues: FieldIssue[] = [];
	const usppi = shipment.usppi as Loose | undefined;
	const taxId = str(filing.usppiTaxId) ?? str(usppi?.ein);
	if (taxId === undefined) {
		issues.push({ path: 'usppi.ein', message: 'the USPPI EIN is required: give usppi.ein or filing.usppiTaxId' });
	}
	const shipper = {
		...mapParty(usppi, { country: shipment.origin.country, state: shipment.origin.state }),
		Payor: { TaxIds: taxId === undefined ? [] : [{ Number: taxId, TaxIdType: 'E' }] },
		...(filing.shipper ?? {}),
	};
	const shipTo = {
		...mapParty(shipment.consignee as Loose | undefined, { country: shipment.destination.country }),
		...(filing.shipTo ?? {}),
	};
	const items = shipment.items.map((item, i) => mapItem(item, i, shipment, filing, issues));
	if (filing.items && filing.items.length > shipment.items.length) {
		issues.push({ path: 'filing.items', message: `has ${filing.items.length} lines for ${shipment.items.length} items` });
	}
	if (issues.length > 0) throw new InputValidationError(issues, 'Cannot build the AES Delivery');
	return compact({
		Reference: filing.reference,
		Shipper: shipper,
		ShipTo: shipTo,
		SoldTo: filing.soldTo,
		International: compact({
			PortOfExportCode: filing.portOfExport,
			PortOfUnloading: filing.portOfUnloading,
			EeiTransactionNumber: filing.transactionNumber,
		}),
		ShippingOptions: compact({ ConveyanceCode: filing.conveyanceCode, ConveyanceName: filing.conveyanceName }),
		Items: items,
		GrossWeight: filing.grossWeight,
	});
}

/** Where a Delivery field came from in the canonical shipment, to point the user at their own data. */
function canonicalSource(path: string): string | undefined {
	const item = /^Delivery\.Items\[(\d+)\]\.(\w+)/.exec(path);
	if (item) {
		const fields: Record<string, string> = {
			HarmonizedCode: 'commodityCode',
			Description: 'description',
			Producer: 'originCountry',
			PackQuantity: 'quantity',
			UnitValue: 'value',
		};
		const field = fields[item[2]];
		return field ? `items[${item[1]}].${field}` : `filing.items[${item[1]}]`;
	}
	if (path.startsWith('Delivery.Shipper.Payor')) return 'usppi.ein';
	if (path.startsWith('Delivery.Shipper')) return 'usppi';
	if (path.startsWith('Delivery.ShipTo')) return 'consignee';
	if (path.startsWith('Delivery.International.PortOfExport')) return 'filing.portOfExport';
	if (path.startsWith('Delivery.ShippingOptions')) return 'filing.conveyanceCode';
	return undefined;
}

/** The shipment's date of export: `filing.exportDate`, else its exportDate, else its departureTime's day. */
function exportDateOf(shipment: Shipment, filing: AesFilingDetails): string | undefined {
	const own = shipment.exportDate ?? /^\d{4}-\d{2}-\d{2}/.exec(shipment.departureTime ?? '')?.[0];
	const given = str(filing.exportDate);
	if (given !== undefined && own !== undefined && given.slice(0, 10) !== own) {
		throw new InputValidationError(
			[{ path: 'exportDate', message: `"${given}" differs from the shipment's date of export "${own}": give the date once` }],
			'Cannot build the AES Delivery',
		);
	}
	return given ?? own;
}

export interface AesFilingFromShipment {
	request: AesRequest;
	/** SHA-256 of the shipment's identity (shipmentIdentity.ts), recorded as `aes.shipmentFingerprint`. */
	shipmentFingerprint: string;
}

/**
 * Builds, numbers and validates the whole AES request for a canonical shipment: the Delivery,
 * its transaction number (given or derived), and every AES rule for its mode of transport.
 * Issues name the Delivery path and, where it came from the shipment, the canonical field.
 */
export function buildAesFilingFromShipment(
	shipment: Shipment,
	filing: AesFilingDetails,
	options: { transactionType?: AesTransactionType; environment?: AesEnvironment } = {},
): AesFilingFromShipment {
	const delivery = buildDeliveryFromShipment(shipment, filing);
	const recipe = filing.transactionNumberRecipe ?? 1;
	const numbered = numberFiling(delivery, {
		recipe,
		transactionType: options.transactionType ?? 'add',
		seed: filing.transactionNumberSeed,
		prefix: filing.transactionNumberPrefix,
		// Recipe 1 never read the date: its numbers and fingerprints stay as they were.
		exportDate: recipe === 2 ? exportDateOf(shipment, filing) : undefined,
	});
	try {
		const request = parseAesRequest(
			{
				Delivery: numbered.delivery,
				TransactionType: options.transactionType ?? 'add',
				Environment: options.environment ?? 'test',
			},
			{ modeOfTransport: shipment.modeOfTransport },
		);
		return { request, shipmentFingerprint: numbered.shipmentFingerprint };
	} catch (error) {
		if (!(error instanceof InputValidationError)) throw error;
		throw new InputValidationError(
			error.issues.map((issue) => {
				const source = canonicalSource(issue.path);
				return source ? { ...issue, message: `${issue.message} (from ${source})` } : issue;
			}),
			'Invalid AES request built from the shipment',
		);
	}
}

/** buildAesFilingFromShipment's request alone. */
export function buildAesRequestFromShipment(
	shipment: Shipment,
	filing: AesFilingDetails,
	options: { transactionType?: AesTransactionType; environment?: AesEnvironment } = {},
): AesRequest {
	return buildAesFilingFromShipment(shipment, filing, options).request;
}
