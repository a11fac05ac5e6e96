/**
 * A hand-written validating parser for the common case: it returns exactly what the zod schema
 * would return, or `undefined` whenever it is not sure (any invalid or unusual input), in which
 * case the schema decides and reports the issues. Zod stays the reference; this is only speed
 * (a property test holds the two equal).
 */
import { isCountryCode } from './countries';
import { isCurrencyCode } from './currencies';
import type { Shipment, ShipmentItem } from './model';
import { lineValueLimitIssue, usdRate } from './value';
import {
	CURRENCY_FORMAT,
	DATE_FORMAT,
	DATETIME_FORMAT,
	exemptionClaimProblem,
	isEccn,
	LICENSE_EXCEPTION_FORMAT,
	LICENSING_AGENCIES,
	MODES_OF_TRANSPORT,
	normalizeEccn,
	normalizeExemptionClaim,
	STATE_FORMAT,
} from './normalize';

type Bag = Record<string, unknown>;

const MODES: ReadonlySet<string> = new Set(MODES_OF_TRANSPORT);
const AGENCIES: ReadonlySet<string> = new Set(LICENSING_AGENCIES);
const FAIL = Symbol('fail');
type Fail = typeof FAIL;

function isPlainObject(value: unknown): value is Bag {
	if (typeof value !== 'object' || value === null) return false;
	const proto = Object.getPrototypeOf(value) as unknown;
	return proto === Object.prototype || proto === null;
}

function optBool(value: unknown): boolean | undefined | Fail {
	return value === undefined || typeof value === 'boolean' ? value : FAIL;
}

function optMoney(value: unknown): number | undefined | Fail {
	if (value === undefined) return undefined;
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : FAIL;
}

function country(value: unknown): string | Fail {
	if (typeof value !== 'string') return FAIL;
	const code = value.trim().toUpperCase();
	return isCountryCode(code) ? code : FAIL;
}

function optUpperMatching(value: unknown, format: RegExp): string | undefined | Fail {
	if (value === undefined) return undefined;
	if (typeof value !== 'string') return FAIL;
	const upper = value.trim().toUpperCase();
	return format.test(upper) ? upper : FAIL;
}

function optString(value: unknown): string | undefined | Fail {
	return value === undefined || typeof value === 'string' ? value : FAIL;
}

const ITEM_FLAGS = ['licenseRequired', 'itar', 'vehicle', 'usedVehicle', 'massMarketSoftware'] as const;

const ZERO = 48;
const NINE = 57;

/**
 * normalizeCommodityCode followed by the 10-digit format test, in one pass without regular
 * expressions (the hot spot of many-line shipments): ASCII digits are kept, ASCII letters make
 * it invalid, anything else is dropped, exactly as the normaliser does.
 */
function tenDigitCode(raw: string): string | Fail {
	let digits = 0;
	let clean = true;
	for (let i = 0; i < raw.length; i++) {
		const c = raw.charCodeAt(i);
		if (c >= ZERO && c <= NINE) digits++;
		else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return FAIL;
		else clean = false;
	}
	if (digits !== 10) return FAIL;
	if (clean) return raw;
	// `8471.30.0100`: join the digit runs.
	let code = '';
	let runStart = 0;
	for (let i = 0; i < raw.length; i++) {
		const c = raw.charCodeAt(i);
		if (c >= ZERO && c <= NINE) continue;
		if (i > runStart) code += raw.slice(runStart, i);
		runStart = i + 1;
	}
	return runStart < raw.length ? code + raw.slice(runStart) : code;
}

function parseItem(raw: unknown): ShipmentItem | Fail {
	if (!isPlainObject(raw)) return FAIL;
	if (typeof raw.commodityCode !== 'string') return FAIL;
	const commodityCode = tenDigitCode(raw.commodityCode);
	if (commodityCode === FAIL) return FAIL;
	const item: ShipmentItem = { commodityCode, originCountry: 'US' };

	const description = optString(raw.description);
	if (description === FAIL) return FAIL;
	if (description !== undefined) item.description = description;
	const value = optMoney(raw.value);
	const unitValue = optMoney(raw.unitValue);
	if (value === FAIL || unitValue === FAIL) return FAIL;
	const quantity = raw.quantity;
	if (quantity !== undefined && !(typeof quantity === 'number' && Number.isFinite(quantity) && quantity > 0)) return FAIL;
	if (value === undefined && (unitValue === undefined || quantity === undefined)) return FAIL;
	if (value !== undefined) item.value = value;
	if (unitValue !== undefined) item.unitValue = unitValue;
	if (quantity !== undefined) item.quantity = quantity as number;

	if (raw.originCountry !== undefined) {
		const origin = country(raw.originCountry);
		if (origin === FAIL) return FAIL;
		item.originCountry = origin;
	}
	if (raw.eccn !== undefined) {
		if (typeof raw.eccn !== 'string') return FAIL;
		const eccn = normalizeEccn(raw.eccn);
		if (!isEccn(eccn)) return FAIL;
		item.eccn = eccn;
	}
	const licenseType = optUpperMatching(raw.licenseType, /^[A-Z]+$/);
	if (licenseType === FAIL || (licenseType !== undefined && !AGENCIES.has(licenseType))) return FAIL;
	if (licenseType !== undefined) item.licenseType = licenseType as ShipmentItem['licenseType'];
	const licenseException = optUpperMatching(raw.licenseException, LICENSE_EXCEPTION_FORMAT);
	if (licenseException === FAIL) return FAIL;
	if (licenseException !== undefined) item.licenseException = licenseException;

	const other = raw.otherAgencyLicense;
	if (other !== undefined) {
		if (typeof other === 'boolean') item.otherAgencyLicense = other;
		else if (typeof other === 'string' && other.trim().length > 0) item.otherAgencyLicense = other.trim();
		else return FAIL;
	}
	// Most lines carry none of the flags: named reads first, the loop over names only when needed.
	if (
		raw.licenseRequired !== undefined ||
		raw.itar !== undefined ||
		raw.vehicle !== undefined ||
		raw.usedVehicle !== undefined ||
		raw.massMarketSoftware !== undefined
	) {
		for (const flag of ITEM_FLAGS) {
			const v = optBool(raw[flag]);
			if (v === FAIL) return FAIL;
			if (v !== undefined) item[flag] = v;
		}
	}
	return item;
}

function parseParty(raw: unknown): Bag | undefined | Fail {
	if (raw === undefined) return undefined;
	if (!isPlainObject(raw)) return FAIL;
	if (optString(raw.name) === FAIL || optString(raw.ein) === FAIL || optString(raw.id) === FAIL) return FAIL;
	return { ...raw };
}

const SHIPMENT_FLAGS = [
	'canadaStorageForReexport',
	'unverifiedListParty',
	'inBond',
	'intangible',
	'ultimateDestinationUS',
] as const;

/** The schema's result for a valid, plain input; `undefined` when the schema must decide. */
export function fastParseShipment(input: unknown): Shipment | undefined {
	if (!isPlainObject(input)) return undefined;
	const { origin: rawOrigin, destination: rawDestination, items: rawItems } = input;
	if (!isPlainObject(rawOrigin) || !isPlainObject(rawDestination)) return undefined;
	if (!Array.isArray(rawItems) || rawItems.length === 0) return undefined;

	const originCountry = country(rawOrigin.country);
	const destinationCountry = country(rawDestination.country);
	if (originCountry === FAIL || destinationCountry === FAIL) return undefined;
	const origin: Shipment['origin'] = { country: originCountry };
	const state = optUpperMatching(rawOrigin.state, STATE_FORMAT);
	const originGtmo = optBool(rawOrigin.guantanamoBay);
	const destinationGtmo = optBool(rawDestination.guantanamoBay);
	if (state === FAIL || originGtmo === FAIL || destinationGtmo === FAIL) return undefined;
	if (state !== undefined) origin.state = state;
	if (originGtmo !== undefined) origin.guantanamoBay = originGtmo;
	const destination: Shipment['destination'] = { country: destinationCountry };
	if (destinationGtmo !== undefined) destination.guantanamoBay = destinationGtmo;
	if ((originGtmo && originCountry !== 'CU') || (destinationGtmo && destinationCountry !== 'CU')) return undefined;

	const items: ShipmentItem[] = new Array<ShipmentItem>(rawItems.length);
	for (let i = 0; i < rawItems.length; i++) {
		const item = parseItem(rawItems[i]);
		if (item === FAIL) return undefined;
		items[i] = item;
	}
	const shipment: Shipment = { origin, destination, items };

	const { exportDate, departureTime, modeOfTransport, exemption, exchangeRate } = input;
	if (exportDate !== undefined) {
		if (typeof exportDate !== 'string' || !DATE_FORMAT.test(exportDate)) return undefined;
		shipment.exportDate = exportDate;
	}
	if (departureTime !== undefined) {
		if (typeof departureTime !== 'string' || !DATETIME_FORMAT.test(departureTime)) return undefined;
		shipment.departureTime = departureTime;
	}
	if (modeOfTransport !== undefined) {
		if (typeof modeOfTransport !== 'string' || !MODES.has(modeOfTransport)) return undefined;
		shipment.modeOfTransport = modeOfTransport as Shipment['modeOfTransport'];
	}
	if (input.throughCanadaTo !== undefined) {
		const through = country(input.throughCanadaTo);
		if (through === FAIL || through === 'CA' || destinationCountry !== 'CA') return undefined;
		shipment.throughCanadaTo = through;
	}
	if (exemption !== undefined) {
		if (typeof exemption !== 'string') return undefined;
		const claim = normalizeExemptionClaim(exemption);
		if (exemptionClaimProblem(claim, exemption) !== undefined) return undefined;
		shipment.exemption = claim;
	}
	const currency = optUpperMatching(input.currency, CURRENCY_FORMAT);
	if (currency === FAIL || (currency !== undefined && !isCurrencyCode(currency))) return undefined;
	if (exchangeRate !== undefined && !(typeof exchangeRate === 'number' && Number.isFinite(exchangeRate) && exchangeRate > 0)) {
		return undefined;
	}
	if ((currency ?? 'USD') === 'USD' ? exchangeRate !== undefined && exchangeRate !== 1 : exchangeRate === undefined) return undefined;
	if (currency !== undefined) shipment.currency = currency;
	if (exchangeRate !== undefined) shipment.exchangeRate = exchangeRate as number;

	if (
		input.canadaStorageForReexport !== undefined ||
		input.unverifiedListParty !== undefined ||
		input.inBond !== undefined ||
		input.intangible !== undefined ||
		input.ultimateDestinationUS !== undefined
	) {
		for (const flag of SHIPMENT_FLAGS) {
			const v = optBool(input[flag]);
			if (v === FAIL) return undefined;
			if (v !== undefined) shipment[flag] = v;
		}
	}
	const rate = usdRate(shipment);
	if (items.some((item) => lineValueLimitIssue(item, rate) !== undefined)) return undefined;
	const usppi = parseParty(input.usppi);
	const consignee = parseParty(input.consignee);
	if (usppi === FAIL || consignee === FAIL) return undefined;
	if (usppi !== undefined) shipment.usppi = usppi;
	if (consignee !== undefined) shipment.consignee = consignee;
	return shipment;
}
