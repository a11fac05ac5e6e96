/**
 * EasyPost Enterprise AES `Delivery` (seed 001) -> canonical shipment.
 *
 * Field by field (seed 001 "Transaction Field Notes"):
 * - origin: `Shipper.Country`, `Shipper.Subdivision` as the state (the Shipper is the USPPI).
 * - destination and consignee: `SoldTo` when present (the ultimate consignee; `ShipTo` is then the
 *   intermediate consignee), else `ShipTo`.
 * - usppi: `Shipper.Company` (else `Contact`) and the EIN, i.e. the `Shipper.Payor.TaxIds` entry
 *   with `TaxIdType` "E".
 * - items: `HarmonizedCode` -> commodityCode, `Description`, `UnitValue.Amount` -> unitValue,
 *   `PackQuantity` -> quantity, value = UnitValue x PackQuantity (the doc's own definition of the
 *   line's commercial value), `Producer.Country` -> originCountry.
 * - currency: `UnitValue.Currency`, one for all lines (a missing one is read as USD, the only
 *   currency AES accepts); lines in different currencies are refused.
 * - modeOfTransport: a HEURISTIC from `ShippingOptions.ConveyanceCode`, as the doc itself puts it:
 *   2-3 characters imply an IATA airline code (air), 4 imply a SCAC (truck). Vessel and rail use
 *   SCACs too, so pass `modeOfTransport` in the overrides when it is not truck.
 * - exportDate: the doc names no date field. `International.ExportDate` or `ShipDate` are read
 *   when present [unknown names, read defensively]; otherwise pass `exportDate` in the overrides.
 * - Not mapped: license data (the doc's "Licensed Shipment" section is still "todo"). Licensed,
 *   ITAR or vehicle lines must come in the canonical format.
 */
import { InputValidationError } from '../errors';
import { parseShipment, type Shipment } from '../shipment/model';
import {
	finishShipment,
	type AdapterOverrides,
	type ItemDraft,
	type ModeOfTransportDraft,
	type PartyDraft,
	type ShipmentDraft,
} from '../adapters/draft';
import { lineValue } from '../adapters/lineValue';
import { SourcePathMap } from '../adapters/sourcePaths';
import { isoDay, joinPath, SourceReader, upperCode } from '../adapters/sourceReader';
import { isJsonRecord, type JsonRecord } from '../json';

const SUBJECT = 'Invalid EasyPost Delivery';

/** A `Delivery`, or a whole AES request body `{ Delivery, TransactionType, Environment }`. */
export function fromEasyPostDelivery(input: unknown, overrides: AdapterOverrides = {}): Shipment {
	if (!isJsonRecord(input)) {
		throw new InputValidationError([{ path: '', message: 'must be an EasyPost Delivery object' }], SUBJECT);
	}
	const wrapped = isJsonRecord(input.Delivery);
	const delivery = wrapped ? (input.Delivery as JsonRecord) : input;
	const root = wrapped ? 'Delivery' : '';
	const at = (key: string) => joinPath(root, key);
	const read = new SourceReader();
	const paths = new SourcePathMap(root);

	const shipper = read.record(delivery, 'Shipper', at('Shipper'));
	const shipTo = read.record(delivery, 'ShipTo', at('ShipTo'));
	const soldTo = read.record(delivery, 'SoldTo', at('SoldTo'));
	const international = read.record(delivery, 'International', at('International'));
	const shippingOptions = read.record(delivery, 'ShippingOptions', at('ShippingOptions'));

	const shipperPath = at('Shipper');
	paths.set('origin', shipperPath);
	paths.set('origin.country', joinPath(shipperPath, 'Country'));
	paths.set('origin.state', joinPath(shipperPath, 'Subdivision'));
	const origin = {
		country: upperCode(read.text(shipper, 'Country', joinPath(shipperPath, 'Country'))),
		state: upperCode(read.text(shipper, 'Subdivision', joinPath(shipperPath, 'Subdivision'))),
	};

	const [consigneeSource, consigneePath] = soldTo ? [soldTo, at('SoldTo')] : [shipTo, at('ShipTo')];
	paths.set('destination', consigneePath);
	paths.set('destination.country', joinPath(consigneePath, 'Country'));
	const consignee = readParty(read, paths, 'consignee', consigneeSource, consigneePath);
	const usppi = readParty(read, paths, 'usppi', shipper, shipperPath);
	const ein = readEin(read, shipper, shipperPath);
	if (ein) {
		usppi.ein = ein.value;
		paths.set('usppi.ein', ein.path);
	}

	const { items, currency } = readItems(read, paths, delivery, at('Items'));

	const conveyancePath = joinPath(at('ShippingOptions'), 'ConveyanceCode');
	const conveyanceCode = read.text(shippingOptions, 'ConveyanceCode', conveyancePath);
	if (overrides.modeOfTransport === undefined) paths.set('modeOfTransport', conveyancePath);
	const modeOfTransport = overrides.modeOfTransport ?? modeFromConveyanceCode(conveyanceCode);

	const draft: ShipmentDraft = {
		origin,
		destination: { country: consignee.country },
		exportDate: overrides.exportDate ?? readExportDate(read, paths, delivery, international, root),
		departureTime: overrides.departureTime,
		modeOfTransport,
		currency,
		exchangeRate: overrides.exchangeRate,
		usppi: isEmptyParty(usppi) ? undefined : usppi,
		consignee: isEmptyParty(consignee) ? undefined : consignee,
		items,
	};
	return finishShipment(draft, parseShipment, read, paths, SUBJECT);
}

/**
 * The seed's rule for ConveyanceCode: "Two or three letter values implies Air shipments and an
 * IATA code; Four letter values imply SCAC code and truck shipments." IATA airline designators
 * may contain a digit (UPS Airlines is 5X), so characters are counted, not letters.
 */
export function modeFromConveyanceCode(code: string | undefined): ModeOfTransportDraft | undefined {
	if (code === undefined || !/^[A-Za-z0-9]+$/.test(code)) return undefined;
	if (code.length === 2 || code.length === 3) return 'air';
	if (code.length === 4) return 'truck';
	return undefined;
}

function readParty(
	read: SourceReader,
	paths: SourcePathMap,
	role: 'usppi' | 'consignee',
	party: JsonRecord | undefined,
	partyPath: string,
): PartyDraft {
	paths.set(role, partyPath);
	const company = read.text(party, 'Company', joinPath(partyPath, 'Company'));
	const contact = read.text(party, 'Contact', joinPath(partyPath, 'Contact'));
	paths.set(`${role}.name`, joinPath(partyPath, company !== undefined ? 'Company' : 'Contact'));
	paths.set(`${role}.country`, joinPath(partyPath, 'Country'));
	return {
		name: company ?? contact,
		country: upperCode(read.text(party, 'Country', joinPath(partyPath, 'Country'))),
	};
}

function isEmptyParty(party: PartyDraft): boolean {
	return Object.values(party).every((v) => v === undefined);
}

/** The EIN is the Payor's tax id of type "E" (seed 001 examples; 15 CFR 30.6(a)(2) asks for it). */
function readEin(
	read: SourceReader,
	shipper: JsonRecord | undefined,
	shipperPath: string,
): { value: string; path: string } | undefined {
	const payorPath = joinPath(shipperPath, 'Payor');
	const payor = read.record(shipper, 'Payor', payorPath);
	const taxIdsPath = joinPath(payorPath, 'TaxIds');
	const taxIds = read.array(payor, 'TaxIds', taxIdsPath) ?? [];
	for (const [i, entry] of taxIds.entries()) {
		const entryPath = joinPath(taxIdsPath, i);
		if (!isJsonRecord(entry)) continue;
		const type = read.text(entry, 'TaxIdType', joinPath(entryPath, 'TaxIdType'));
		if (type?.toUpperCase() !== 'E') continue;
		const numberPath = joinPath(entryPath, 'Number');
		const value = read.text(entry, 'Number', numberPath);
		if (value !== undefined) return { value, path: numberPath };
	}
	return undefined;
}

function readItems(
	read: SourceReader,
	paths: SourcePathMap,
	delivery: JsonRecord,
	itemsPath: string,
): { items: ItemDraft[]; currency?: string } {
	paths.set('items', itemsPath);
	const rows = read.array(delivery, 'Items', itemsPath) ?? [];
	const items: ItemDraft[] = [];
	let shared: { currency: string; path: string } | undefined;
	for (const [i, row] of rows.entries()) {
		const itemPath = joinPath(itemsPath, i);
		const canonical = `items[${i}]`;
		paths.set(canonical, itemPath);
		if (!isJsonRecord(row)) {
			read.issue(itemPath, 'must be an object');
			items.push({});
			continue;
		}
		const unitValuePath = joinPath(itemPath, 'UnitValue');
		const amountPath = joinPath(unitValuePath, 'Amount');
		const currencyPath = joinPath(unitValuePath, 'Currency');
		const quantityPath = joinPath(itemPath, 'PackQuantity');
		const producerPath = joinPath(itemPath, 'Producer');
		const unitValue = read.record(row, 'UnitValue', unitValuePath);
		const producer = read.record(row, 'Producer', producerPath);
		const amount = read.number(unitValue, 'Amount', amountPath);
		const quantity = read.number(row, 'PackQuantity', quantityPath);

		// AES takes USD only, so a line without a currency is read as USD.
		const currency = upperCode(read.text(unitValue, 'Currency', currencyPath)) ?? 'USD';
		if (shared === undefined) {
			shared = { currency, path: currencyPath };
		} else if (currency !== shared.currency) {
			read.issue(
				currencyPath,
				`is ${currency} but ${shared.path} is ${shared.currency}: all lines of one shipment must be in one currency`,
			);
		}

		paths.set(`${canonical}.commodityCode`, joinPath(itemPath, 'HarmonizedCode'));
		paths.set(`${canonical}.description`, joinPath(itemPath, 'Description'));
		paths.set(`${canonical}.unitValue`, amountPath);
		paths.set(`${canonical}.quantity`, quantityPath);
		paths.set(`${canonical}.value`, amountPath, 'line value = UnitValue.Amount x PackQuantity');
		paths.set(`${canonical}.originCountry`, joinPath(producerPath, 'Country'));
		items.push({
			commodityCode: read.text(row, 'HarmonizedCode', joinPath(itemPath, 'HarmonizedCode')),
			description: read.text(row, 'Description', joinPath(itemPath, 'Description')),
			value: amount !== undefined && quantity !== undefined ? lineValue(amount, quantity) : undefined,
			unitValue: amount,
			quantity,
			originCountry: upperCode(read.text(producer, 'Country', joinPath(producerPath, 'Country'))),
		});
	}
	if (shared) {
		// The model asks for an exchange rate when values are not in USD: point at what set the currency.
		paths.set('currency', shared.path);
		paths.set('exchangeRate', shared.path);
	}
	return { items, currency: shared?.currency };
}

/** [unknown] The doc names no date field; these are read when present. */
function readExportDate(
	read: SourceReader,
	paths: SourcePathMap,
	delivery: JsonRecord,
	international: JsonRecord | undefined,
	root: string,
): string | undefined {
	const internationalPath = joinPath(root, 'International');
	const candidates: [JsonRecord | undefined, string, string][] = [
		[international, 'ExportDate', joinPath(internationalPath, 'ExportDate')],
		[delivery, 'ShipDate', joinPath(root, 'ShipDate')],
	];
	for (const [obj, key, path] of candidates) {
		const value = read.text(obj, key, path);
		if (value !== undefined) {
			paths.set('exportDate', path);
			return isoDay(value);
		}
	}
	return undefined;
}
