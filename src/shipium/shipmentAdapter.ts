/**
 * Shipium `customsInfo` (seed 003), alone or inside a carrier-selection label request
 * (`POST /api/v1/shipment/carrierselection/label`) -> canonical shipment.
 *
 * Field by field:
 * - items from `customsItems[]`: `customsValue` is PER UNIT (seed 003: "the value of each
 *   individual item"), so value = customsValue x quantity; `commodityDescription`;
 *   `countryOfManufacture` -> originCountry; `electronicExportCommodityInformation.eccnNumber`
 *   -> eccn; `...exportLicenseInformation` -> licenseRequired / licenseType (agency) / itar /
 *   licenseException (see readLicense).
 * - commodityCode: `scheduleBInformation.scheduleBNumber` when present (the 10-digit Schedule B
 *   number EEI reports, 15 CFR 30.6(a)(12)), else `harmonizedTariffNumber`. Shipium accepts 6 to
 *   15 digits there, often the destination's import tariff number; the value test of
 *   15 CFR 30.37(a) groups by the 10-digit US number, so any other length is refused with a
 *   pointer to scheduleBNumber instead of being cut or padded into a different code.
 * - exportType decides domestic/foreign origin (15 CFR 30.6(a)(11)) when given: "domestic" makes
 *   originCountry US (goods made or enhanced in value in the US), "foreign" keeps
 *   countryOfManufacture and is refused with a US one (a contradiction only the user can settle).
 * - currency: `customsValueCurrency`, else `totalCustomsValueCurrency`; one for all lines.
 * - destination and consignee: `ultimateConsigneeAddress` (countryCode; company, else name), else
 *   the destination address, as Shipium itself does (seed 003).
 * - exportDate: `electronicExportInformation.exportDate` (its calendar day); origin state:
 *   `electronicExportInformation.pointOfOrigin`, else the ship-from address's state.
 * - Label request [assumed from Shipium's published label examples, the seed elides them]:
 *   `shipmentParameters.shipFromAddress` (origin: countryCode, state),
 *   `shipmentParameters.destinationAddress` (countryCode), `shipmentParameters.customsInfo`.
 * - Not in Shipium's data: the USPPI (pass `usppi` in the context) and the mode of transport.
 */
import { InputValidationError } from '../errors';
import { parseShipment, type Shipment } from '../shipment/model';
import {
	finishShipment,
	type AdapterOverrides,
	type ItemDraft,
	type PartyDraft,
	type ShipmentDraft,
} from '../adapters/draft';
import { lineValue } from '../adapters/lineValue';
import { SourcePathMap } from '../adapters/sourcePaths';
import { isoDay, joinPath, SourceReader, upperCode } from '../adapters/sourceReader';
import { isJsonRecord, type JsonRecord } from '../json';

/** What a bare customsInfo lacks: where the goods leave from, and who ships them. */
export interface ShipiumCustomsContext extends AdapterOverrides {
	origin?: { country?: string; state?: string };
	/** Used when customsInfo has no ultimateConsigneeAddress (Shipium then uses the destination address). */
	destination?: { country?: string };
	usppi?: PartyDraft;
}

/** Extra facts for a label request: the USPPI and overrides Shipium's request does not carry. */
export interface ShipiumLabelRequestContext extends AdapterOverrides {
	usppi?: PartyDraft;
}

const CUSTOMS_SUBJECT = 'Invalid Shipium customsInfo';
const REQUEST_SUBJECT = 'Invalid Shipium label request';

interface Located<T> {
	value: T;
	path: string;
}

interface Surroundings {
	/** Where the origin facts are read from (`context.origin`, or the ship-from address). */
	origin: { path: string; country: Located<string | undefined>; state: Located<string | undefined> };
	/** Address used for the consignee when customsInfo has no ultimateConsigneeAddress. */
	destinationAddress?: { address: JsonRecord | undefined; path: string };
	/** A bare customsInfo without ultimateConsigneeAddress: the destination the caller gave. */
	destinationCountry?: Located<string | undefined>;
	usppi?: PartyDraft;
	overrides: AdapterOverrides;
}

export function fromShipiumCustomsInfo(customsInfo: unknown, context: ShipiumCustomsContext = {}): Shipment {
	if (!isJsonRecord(customsInfo)) {
		throw new InputValidationError([{ path: '', message: 'must be a Shipium customsInfo object' }], CUSTOMS_SUBJECT);
	}
	const read = new SourceReader();
	const paths = new SourcePathMap('');
	const { origin, destination, usppi, ...overrides } = context;
	const draft = draftFromCustomsInfo(read, paths, customsInfo, '', {
		origin: {
			path: 'context.origin',
			country: { value: upperCode(origin?.country), path: 'context.origin.country' },
			state: { value: upperCode(origin?.state), path: 'context.origin.state' },
		},
		destinationCountry: { value: upperCode(destination?.country), path: 'context.destination.country' },
		usppi,
		overrides,
	});
	return finishShipment(draft, parseShipment, read, paths, CUSTOMS_SUBJECT);
}

export function fromShipiumLabelRequest(request: unknown, context: ShipiumLabelRequestContext = {}): Shipment {
	if (!isJsonRecord(request)) {
		throw new InputValidationError([{ path: '', message: 'must be a Shipium label request object' }], REQUEST_SUBJECT);
	}
	const read = new SourceReader();
	const paths = new SourcePathMap('');
	const { usppi, ...overrides } = context;
	const parametersPath = 'shipmentParameters';
	const parameters = read.record(request, 'shipmentParameters', parametersPath);
	if (!parameters) read.issue(parametersPath, 'is required');
	const shipFromPath = joinPath(parametersPath, 'shipFromAddress');
	const destinationPath = joinPath(parametersPath, 'destinationAddress');
	const customsPath = joinPath(parametersPath, 'customsInfo');
	const shipFrom = read.record(parameters, 'shipFromAddress', shipFromPath);
	const destination = read.record(parameters, 'destinationAddress', destinationPath);
	const customsInfo = read.record(parameters, 'customsInfo', customsPath);
	if (parameters && !customsInfo) read.issue(customsPath, 'is required: the EEI decision is made from its customsItems');

	const countryPath = joinPath(shipFromPath, 'countryCode');
	const statePath = joinPath(shipFromPath, 'state');
	const draft = draftFromCustomsInfo(read, paths, customsInfo ?? {}, customsPath, {
		origin: {
			path: shipFromPath,
			country: { value: upperCode(read.text(shipFrom, 'countryCode', countryPath)), path: countryPath },
			state: { value: upperCode(read.text(shipFrom, 'state', statePath)), path: statePath },
		},
		destinationAddress: { address: destination, path: destinationPath },
		usppi,
		overrides,
	});
	return finishShipment(draft, parseShipment, read, paths, REQUEST_SUBJECT);
}

function draftFromCustomsInfo(
	read: SourceReader,
	paths: SourcePathMap,
	customsInfo: JsonRecord,
	base: string,
	around: Surroundings,
): ShipmentDraft {
	const at = (key: string) => joinPath(base, key);
	const eeiPath = at('electronicExportInformation');
	const eei = read.record(customsInfo, 'electronicExportInformation', eeiPath);
	const pointOfOriginPath = joinPath(eeiPath, 'pointOfOrigin');
	const pointOfOrigin = upperCode(read.text(eei, 'pointOfOrigin', pointOfOriginPath));

	const origin = { country: around.origin.country.value, state: pointOfOrigin ?? around.origin.state.value };
	paths.set('origin', around.origin.path);
	paths.set('origin.country', around.origin.country.path);
	paths.set('origin.state', pointOfOrigin !== undefined ? pointOfOriginPath : around.origin.state.path);

	// Shipium: "If no value is sent, we will use the destinationAddress" (seed 003).
	const ultimatePath = at('ultimateConsigneeAddress');
	const ultimate = read.record(customsInfo, 'ultimateConsigneeAddress', ultimatePath);
	const consigneeSource = ultimate ? { address: ultimate, path: ultimatePath } : around.destinationAddress;
	let consignee: PartyDraft | undefined;
	let destinationCountry: string | undefined;
	if (consigneeSource) {
		consignee = readAddressParty(read, paths, consigneeSource.address, consigneeSource.path);
		destinationCountry = consignee.country;
		paths.set('destination', consigneeSource.path);
		paths.set('destination.country', joinPath(consigneeSource.path, 'countryCode'));
	} else if (around.destinationCountry) {
		destinationCountry = around.destinationCountry.value;
		paths.set('destination', around.destinationCountry.path);
		paths.set('destination.country', around.destinationCountry.path);
	}

	let exportDate = around.overrides.exportDate;
	if (exportDate === undefined) {
		const exportDatePath = joinPath(eeiPath, 'exportDate');
		exportDate = isoDay(read.text(eei, 'exportDate', exportDatePath));
		paths.set('exportDate', exportDatePath);
	}

	const { items, currency } = readCustomsItems(read, paths, customsInfo, base);
	return {
		origin,
		destination: { country: destinationCountry },
		exportDate,
		departureTime: around.overrides.departureTime,
		modeOfTransport: around.overrides.modeOfTransport,
		currency,
		exchangeRate: around.overrides.exchangeRate,
		usppi: around.usppi,
		consignee,
		items,
	};
}

function readAddressParty(
	read: SourceReader,
	paths: SourcePathMap,
	address: JsonRecord | undefined,
	addressPath: string,
): PartyDraft {
	const company = read.text(address, 'company', joinPath(addressPath, 'company'));
	const name = read.text(address, 'name', joinPath(addressPath, 'name'));
	paths.set('consignee', addressPath);
	paths.set('consignee.name', joinPath(addressPath, company !== undefined ? 'company' : 'name'));
	paths.set('consignee.country', joinPath(addressPath, 'countryCode'));
	return {
		name: company ?? name,
		country: upperCode(read.text(address, 'countryCode', joinPath(addressPath, 'countryCode'))),
	};
}

function readCustomsItems(
	read: SourceReader,
	paths: SourcePathMap,
	customsInfo: JsonRecord,
	base: string,
): { items: ItemDraft[]; currency?: string } {
	const itemsPath = joinPath(base, 'customsItems');
	paths.set('items', itemsPath);
	const rows = read.array(customsInfo, 'customsItems', itemsPath) ?? [];
	const totalCurrencyPath = joinPath(base, 'totalCustomsValueCurrency');
	const totalCurrency = upperCode(read.text(customsInfo, 'totalCustomsValueCurrency', totalCurrencyPath));
	const items: ItemDraft[] = [];
	let shared: Located<string> | undefined;
	for (const [i, row] of rows.entries()) {
		const itemPath = joinPath(itemsPath, i);
		const canonical = `items[${i}]`;
		paths.set(canonical, itemPath);
		if (!isJsonRecord(row)) {
			read.issue(itemPath, 'must be an object');
			items.push({});
			continue;
		}
		const p = (key: string) => joinPath(itemPath, key);
		const unitValue = read.number(row, 'customsValue', p('customsValue'));
		const quantity = read.number(row, 'quantity', p('quantity'));

		const lineCurrency = upperCode(read.text(row, 'customsValueCurrency', p('customsValueCurrency')));
		const currency = lineCurrency ?? totalCurrency;
		const currencyPath = lineCurrency !== undefined ? p('customsValueCurrency') : totalCurrencyPath;
		if (currency !== undefined) {
			if (shared === undefined) shared = { value: currency, path: currencyPath };
			else if (currency !== shared.value) {
				read.issue(
					currencyPath,
					`is ${currency} but ${shared.path} is ${shared.value}: all lines of one shipment must be in one currency`,
				);
			}
		}

		const eeciPath = p('electronicExportCommodityInformation');
		const eeci = read.record(row, 'electronicExportCommodityInformation', eeciPath);
		const commodity = readCommodityCode(read, row, itemPath, eeci, eeciPath);
		if (commodity) paths.set(`${canonical}.commodityCode`, commodity.path);
		else paths.set(`${canonical}.commodityCode`, p('harmonizedTariffNumber'));

		const origin = readOrigin(read, row, itemPath, eeci, eeciPath);
		paths.set(`${canonical}.originCountry`, origin.path);

		const license = readLicense(read, eeci, eeciPath);
		for (const [field, path] of Object.entries(license.paths)) paths.set(`${canonical}.${field}`, path);

		paths.set(`${canonical}.description`, p('commodityDescription'));
		paths.set(`${canonical}.unitValue`, p('customsValue'));
		paths.set(`${canonical}.quantity`, p('quantity'));
		paths.set(`${canonical}.value`, p('customsValue'), 'line value = customsValue (per unit) x quantity');
		paths.set(`${canonical}.eccn`, joinPath(eeciPath, 'eccnNumber'));
		items.push({
			commodityCode: commodity?.value,
			description: read.text(row, 'commodityDescription', p('commodityDescription')),
			value: unitValue !== undefined && quantity !== undefined ? lineValue(unitValue, quantity) : undefined,
			unitValue,
			quantity,
			originCountry: origin.value,
			eccn: read.text(eeci, 'eccnNumber', joinPath(eeciPath, 'eccnNumber')),
			...license.facts,
		});
	}
	if (shared) {
		// The model asks for an exchange rate when values are not in USD: point at what set the currency.
		paths.set('currency', shared.path);
		paths.set('exchangeRate', shared.path);
	}
	return { items, currency: shared?.value };
}

/**
 * The license facts the EEI decision needs, from Shipium's exportLicenseInformation. Its
 * licenseType is an AES license code whose first letter names the agency (C: Commerce/BIS,
 * S: State/DDTC); C33 is NLR, no license required (15 CFR 758.1(g)(3)). A license number
 * means a licensed line whatever the code says: the seed's own example pairs one with NLR, and
 * the cautious reading is the licensed one. licenseExemptionCode carries the License Exception
 * symbol (STA, VEU, BAG, ...), NLR being no exception at all.
 */
function readLicense(
	read: SourceReader,
	eeci: JsonRecord | undefined,
	eeciPath: string,
): { facts: Pick<ItemDraft, 'licenseRequired' | 'licenseType' | 'licenseException' | 'itar'>; paths: Record<string, string> } {
	const infoPath = joinPath(eeciPath, 'exportLicenseInformation');
	const info = read.record(eeci, 'exportLicenseInformation', infoPath);
	const codePath = joinPath(infoPath, 'licenseType');
	const code = upperCode(read.text(info, 'licenseType', codePath));
	const exceptionPath = joinPath(infoPath, 'licenseExemptionCode');
	const exception = upperCode(read.text(info, 'licenseExemptionCode', exceptionPath));
	const licensePath = joinPath(infoPath, 'exportLicense');
	const license = read.record(info, 'exportLicense', licensePath);
	const numberPath = joinPath(licensePath, 'licenseNumber');
	const licenseNumber = read.text(license, 'licenseNumber', numberPath);

	const agency = code?.startsWith('S') ? 'DDTC' : code?.startsWith('C') ? 'BIS' : undefined;
	const licensed = licenseNumber !== undefined || code === 'C30';
	const facts: Pick<ItemDraft, 'licenseRequired' | 'licenseType' | 'licenseException' | 'itar'> = {};
	const paths: Record<string, string> = {};
	if (licensed) {
		facts.licenseRequired = true;
		facts.licenseType = agency ?? 'OTHER';
		paths.licenseRequired = licenseNumber !== undefined ? numberPath : codePath;
		paths.licenseType = codePath;
	}
	// ITAR, licensed or exempt, is always filed (15 CFR 30.2(a)(1)(iv)(B)-(C)).
	if (agency === 'DDTC') {
		facts.itar = true;
		paths.itar = codePath;
	}
	if (exception !== undefined && exception !== 'NLR') {
		facts.licenseException = exception;
		paths.licenseException = exceptionPath;
	}
	return { facts, paths };
}

/** Schedule B number first; the harmonized tariff number only when it has the 10 digits EEI needs. */
function readCommodityCode(
	read: SourceReader,
	row: JsonRecord,
	itemPath: string,
	eeci: JsonRecord | undefined,
	eeciPath: string,
): Located<string> | undefined {
	const scheduleBPath = joinPath(eeciPath, 'scheduleBInformation');
	const scheduleB = read.record(eeci, 'scheduleBInformation', scheduleBPath);
	const scheduleBNumberPath = joinPath(scheduleBPath, 'scheduleBNumber');
	const scheduleBNumber = read.text(scheduleB, 'scheduleBNumber', scheduleBNumberPath);
	if (scheduleBNumber !== undefined) return { value: scheduleBNumber, path: scheduleBNumberPath };

	const htsPath = joinPath(itemPath, 'harmonizedTariffNumber');
	const hts = read.text(row, 'harmonizedTariffNumber', htsPath);
	if (hts === undefined) return undefined;
	const digits = hts.replace(/\D/g, '').length;
	if (digits !== 10) {
		read.issue(
			htsPath,
			`has ${digits} digits; the EEI value test (15 CFR 30.37(a)) needs the 10-digit Schedule B or HTS number: ` +
				`give it in ${scheduleBNumberPath}`,
		);
		return undefined;
	}
	return { value: hts, path: htsPath };
}

/** Origin for the domestic/foreign split: exportType when given, else countryOfManufacture. */
function readOrigin(
	read: SourceReader,
	row: JsonRecord,
	itemPath: string,
	eeci: JsonRecord | undefined,
	eeciPath: string,
): Located<string | undefined> {
	const manufacturePath = joinPath(itemPath, 'countryOfManufacture');
	const manufacture = upperCode(read.text(row, 'countryOfManufacture', manufacturePath));
	const exportTypePath = joinPath(eeciPath, 'exportType');
	const exportType = read.text(eeci, 'exportType', exportTypePath)?.toLowerCase();
	if (exportType === undefined) return { value: manufacture, path: manufacturePath };
	if (exportType === 'domestic') return { value: 'US', path: exportTypePath };
	if (exportType !== 'foreign') {
		read.issue(exportTypePath, 'must be "domestic" or "foreign"');
		return { value: manufacture, path: manufacturePath };
	}
	if (manufacture === undefined || manufacture === 'US') {
		read.issue(
			exportTypePath,
			`is "foreign" but ${manufacturePath} is ${manufacture ?? 'missing'}: a foreign export needs its foreign country of manufacture`,
		);
	}
	return { value: manufacture, path: manufacturePath };
}
