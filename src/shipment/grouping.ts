/**
 * Grouping lines into shipments. 15 CFR 30.1: a shipment is "all goods being sent from one USPPI
 * to one consignee located in a single country of destination on a single conveyance and on the
 * same day", and the $2,500 test of 15 CFR 30.37(a) applies to the shipment: lines from several
 * orders to the same consignee on the same day count together.
 *
 * The group key is made of (each part normalised, see below):
 * - `usppi`: the EIN (digits only), else the id, else the name; `?` when none is known;
 * - `consignee`: the id, else the name, followed by `@` and the consignee's country (else the
 *   destination country); `?` when neither id nor name is known;
 * - `date`: exportDate, else the calendar day of departureTime as written; `undated` without both;
 * - `from`: origin country and state; `to`: destination country (with `>XX` for the third country
 *   of a shipment through Canada, and `GTMO` for Guantanamo Bay Naval Base);
 * - `mode`: the mode of transport, only when given (the conveyance itself is not in the model).
 * Names and ids are compared without case, accents, punctuation or repeated spaces
 * ("Needful Things, Inc." = "needful things inc"); nothing else (no "Inc"/"LLC" folding).
 * Shipments that lack a part are grouped with others lacking it: several undated orders of one
 * USPPI to one consignee are summed, which may require EEI where separate dates would not,
 * never the reverse.
 */
import { InputValidationError, type FieldIssue } from '../errors';
import type { Shipment, ShipmentItem } from './model';
import { lineValue, usdRate } from './value';

export interface ShipmentGroup {
	key: string;
	/** Input indexes of the shipments merged into this group, in input order. */
	members: number[];
	/** The merged shipment: the members' items concatenated in input order. */
	shipment: Shipment;
	/** For each item of the merged shipment: `members[member]` is its input shipment, `itemIndex` its line there. */
	itemOrigins: Array<{ member: number; itemIndex: number }>;
}

/** Lower case, accents and punctuation removed, spaces collapsed. */
function normalise(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

function present(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const normalised = normalise(value);
	return normalised === '' ? undefined : normalised;
}

function usppiPart(usppi: Shipment['usppi']): string {
	const ein = typeof usppi?.ein === 'string' ? usppi.ein.replace(/\D/g, '') : '';
	if (ein !== '') return `ein:${ein}`;
	const id = present(usppi?.id);
	if (id) return `id:${id}`;
	const name = present(usppi?.name);
	return name ? `name:${name}` : '?';
}

function consigneePart(shipment: Shipment): string {
	const { consignee } = shipment;
	const id = present(consignee?.id);
	const name = present(consignee?.name);
	const who = id ? `id:${id}` : name ? `name:${name}` : '?';
	const country = typeof consignee?.country === 'string' ? consignee.country.trim().toUpperCase() : '';
	return `${who}@${country || shipment.destination.country}`;
}

function datePart(shipment: Shipment): string {
	if (shipment.exportDate) return shipment.exportDate;
	const day = /^\d{4}-\d{2}-\d{2}/.exec(shipment.departureTime ?? '');
	return day ? day[0] : 'undated';
}

function placePart(country: string, extra: string | undefined, guantanamoBay: boolean | undefined): string {
	return [country, extra, guantanamoBay ? 'GTMO' : undefined].filter(Boolean).join('-');
}

export function shipmentGroupKey(shipment: Shipment): string {
	const { origin, destination } = shipment;
	const to = placePart(destination.country, undefined, destination.guantanamoBay);
	const parts = [
		`usppi=${usppiPart(shipment.usppi)}`,
		`consignee=${consigneePart(shipment)}`,
		`date=${datePart(shipment)}`,
		`from=${placePart(origin.country, origin.state, origin.guantanamoBay)}`,
		`to=${shipment.throughCanadaTo ? `${to}>${shipment.throughCanadaTo}` : to}`,
	];
	if (shipment.modeOfTransport) parts.push(`mode=${shipment.modeOfTransport}`);
	return parts.join('|');
}

/** Groups shipments by shipmentGroupKey, in order of first appearance, and merges each group. */
export function groupShipments(shipments: Shipment[]): ShipmentGroup[] {
	const byKey = new Map<string, number[]>();
	shipments.forEach((shipment, index) => {
		const key = shipmentGroupKey(shipment);
		const members = byKey.get(key);
		if (members) members.push(index);
		else byKey.set(key, [index]);
	});
	return [...byKey].map(([key, members]) => ({
		key,
		members,
		shipment: mergeShipments(members.map((index) => shipments[index]), members),
		itemOrigins: members.flatMap((_, member) =>
			shipments[members[member]].items.map((__, itemIndex) => ({ member, itemIndex })),
		),
	}));
}

/**
 * One shipment from members of one group. Facts of the whole shipment are combined cautiously,
 * so that merging never hides a reason to file:
 * - values: kept as they are when all members share currency and exchange rate; otherwise every
 *   line is converted to USD with its own member's rate (each valid shipment has one: the model
 *   requires exchangeRate for any currency but USD) and the merged shipment is in USD. A member
 *   without a rate for its foreign currency cannot be added to others: refused.
 * - canadaStorageForReexport and unverifiedListParty: true when any member says so;
 * - inBond, intangible, ultimateDestinationUS (exclusions of 15 CFR 30.2(d)): only when all say so;
 * - exemption: kept only when every member claims the same one;
 * - departureTime: the earliest (the tightest filing deadline of 15 CFR 30.4(b));
 * - usppi, consignee and the other fields: the first member's (the key says they agree).
 */
function mergeShipments(members: Shipment[], indexes: number[]): Shipment {
	const [first] = members;
	if (members.length === 1) return first;
	const merged: Shipment = { ...first, items: mergedItems(members, indexes) };
	if (!sameMoney(members)) {
		merged.currency = 'USD';
		delete merged.exchangeRate;
	}
	setFlag(merged, 'canadaStorageForReexport', members.some((m) => m.canadaStorageForReexport === true));
	setFlag(merged, 'unverifiedListParty', members.some((m) => m.unverifiedListParty === true));
	for (const exclusion of ['inBond', 'intangible', 'ultimateDestinationUS'] as const) {
		setFlag(merged, exclusion, members.every((m) => m[exclusion] === true));
	}
	const claims = new Set(members.map((m) => m.exemption));
	if (claims.size === 1) merged.exemption = first.exemption;
	else delete merged.exemption;
	const departures = members.map((m) => m.departureTime).filter((t): t is string => t !== undefined);
	if (departures.length > 0) {
		merged.departureTime = departures.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
	}
	const exportDate = members.find((m) => m.exportDate !== undefined)?.exportDate;
	if (exportDate !== undefined) merged.exportDate = exportDate;
	return merged;
}

type Flag = 'canadaStorageForReexport' | 'unverifiedListParty' | 'inBond' | 'intangible' | 'ultimateDestinationUS';

function setFlag(shipment: Shipment, flag: Flag, value: boolean): void {
	if (value) shipment[flag] = true;
	else delete shipment[flag];
}

function moneyOf(shipment: Shipment): string {
	const currency = shipment.currency ?? 'USD';
	return currency === 'USD' ? 'USD' : `${currency}@${shipment.exchangeRate}`;
}

function sameMoney(members: Shipment[]): boolean {
	return new Set(members.map(moneyOf)).size === 1;
}

function mergedItems(members: Shipment[], indexes: number[]): ShipmentItem[] {
	if (sameMoney(members)) return members.flatMap((m) => m.items);
	const issues: FieldIssue[] = [];
	members.forEach((m, k) => {
		const currency = m.currency ?? 'USD';
		if (currency !== 'USD' && m.exchangeRate === undefined) {
			issues.push({
				path: `shipments[${indexes[k]}].exchangeRate`,
				message: `values are in ${currency} without an exchange rate: they cannot be added to the other orders of this shipment`,
			});
		}
	});
	if (issues.length > 0) throw new InputValidationError(issues, 'Cannot merge shipments');
	return members.flatMap((m) => {
		const rate = usdRate(m);
		return m.items.map((item) => toUsd(item, rate));
	});
}

/** The line in US dollars: value = line total x rate (unrounded, as the value test would compute it). */
function toUsd(item: ShipmentItem, rate: number): ShipmentItem {
	if (rate === 1) return item;
	const converted: ShipmentItem = { ...item, value: lineValue(item) * rate };
	if (item.unitValue !== undefined) converted.unitValue = item.unitValue * rate;
	return converted;
}
