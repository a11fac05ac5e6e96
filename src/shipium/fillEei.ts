/**
 * Canonical shipment -> the carrier-filed EEI blocks of a Shipium label request (seed 003).
 * Only missing fields are filled: whatever the request already says is kept. Customs items are
 * matched to shipment items by position, so both lists must have the same length.
 *
 * | Shipium field                                  | from                                                      |
 * |------------------------------------------------|-----------------------------------------------------------|
 * | electronicExportInformation.exportDate         | exportDate, else departureTime's day, else defaults.exportDate |
 * | electronicExportInformation.pointOfOrigin      | origin.state, else defaults.pointOfOrigin                 |
 * | exportType                                     | items[i].originCountry: US -> domestic, else foreign       |
 * | exportInformationCode                          | defaults.items[i] / defaults, else "OS"                   |
 * | scheduleBInformation.scheduleBNumber           | items[i].commodityCode                                    |
 * | scheduleBInformation.scheduleBUnitOfMeasurement| defaults.items[i] / defaults (required)                   |
 * | scheduleBInformation.scheduleBQuantity         | defaults.items[i]; else quantity for number/pieces; 0 for no_quantity_required |
 * | eccnNumber                                     | items[i].eccn, else defaults (EAR99 is never assumed)      |
 * | exportLicenseInformation (no license)          | licenseType defaults / "C33", licenseExemptionCode items[i].licenseException / defaults / "NLR" |
 * | exportLicenseInformation (licenseRequired)     | defaults.items[i].licenseType + exportLicense; licenseLineValue defaults to the line's whole USD value |
 * ITAR lines are refused: they need DDTC data the Shipium model does not carry.
 */
import { InputValidationError, type FieldIssue } from '../errors';
import type { Shipment, ShipmentItem } from '../shipment/model';
import { centsToWholeDollars, lineValueCents, usdRate } from '../shipment/value';
import {
	CUSTOMS_INFO_PATH,
	locateCustoms,
	validateShipiumCarrierEei,
	type ShipiumLabelRequest,
	type ShipiumScheduleBUnit,
} from './carrierEei';

export interface ShipiumExportLicense {
	licenseNumber: string;
	licenseExpiration: string;
	/** Defaults to the line's value in whole US dollars. */
	licenseLineValue?: number;
}

export interface ShipiumLineDefaults {
	exportInformationCode?: string;
	scheduleBUnitOfMeasurement?: ShipiumScheduleBUnit;
	scheduleBQuantity?: number;
	eccnNumber?: string;
	licenseType?: string;
	licenseExemptionCode?: string;
	exportLicense?: ShipiumExportLicense;
}

export interface ShipiumEeiDefaults extends Omit<ShipiumLineDefaults, 'scheduleBQuantity' | 'exportLicense'> {
	exportDate?: string;
	pointOfOrigin?: string;
	/** Per customs item, in the order of shipment.items; wins over the shipment-wide defaults. */
	items?: Array<ShipiumLineDefaults | undefined>;
}

type Loose = Record<string, unknown>;

function record(value: unknown): Loose {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {};
}

/** `target` with `fill` merged in wherever `target` has nothing (undefined or null), recursively. */
function fillMissing(target: Loose, fill: Loose): Loose {
	const out: Loose = { ...target };
	for (const [key, value] of Object.entries(fill)) {
		if (value === undefined) continue;
		const current = out[key];
		if (current === undefined || current === null) out[key] = value;
		else if (typeof current === 'object' && !Array.isArray(current) && typeof value === 'object' && !Array.isArray(value)) {
			out[key] = fillMissing(current as Loose, value as Loose);
		}
	}
	return out;
}

const COUNTED_UNITS: ReadonlySet<string> = new Set(['number', 'pieces']);

function commodityInformation(
	item: ShipmentItem,
	index: number,
	shipment: Shipment,
	defaults: ShipiumEeiDefaults,
	existing: Loose,
	issues: FieldIssue[],
): Loose {
	const line = defaults.items?.[index] ?? {};
	const existingScheduleB = record(existing.scheduleBInformation);
	const unit =
		(existingScheduleB.scheduleBUnitOfMeasurement as string | undefined) ??
		line.scheduleBUnitOfMeasurement ??
		defaults.scheduleBUnitOfMeasurement;
	let quantity = line.scheduleBQuantity;
	if (quantity === undefined && unit === 'no_quantity_required') quantity = 0;
	if (quantity === undefined && unit !== undefined && COUNTED_UNITS.has(unit) && item.quantity !== undefined) {
		quantity = Math.round(item.quantity);
	}
	if (unit === undefined) {
		issues.push({
			path: `defaults.items[${index}].scheduleBUnitOfMeasurement`,
			message: 'the Schedule B unit of measure is required (the unit Schedule B prescribes for this commodity)',
		});
	} else if (quantity === undefined && existingScheduleB.scheduleBQuantity === undefined) {
		issues.push({
			path: `defaults.items[${index}].scheduleBQuantity`,
			message: `the quantity in ${unit} is required (only number/pieces are taken from items[i].quantity)`,
		});
	}
	const eccn = item.eccn ?? line.eccnNumber ?? defaults.eccnNumber;
	if (eccn === undefined && existing.eccnNumber === undefined) {
		issues.push({
			path: `items[${index}].eccn`,
			message: 'the ECCN is required for carrier-filed EEI ("EAR99" when not on the CCL): give it, or defaults.eccnNumber',
		});
	}
	if (item.itar) {
		issues.push({
			path: `items[${index}].itar`,
			message: 'ITAR lines need DDTC data Shipium does not carry: file this EEI through AES and hand the ITN to Shipium',
		});
	}
	let license: Loose;
	if (item.licenseRequired) {
		const given = line.exportLicense;
		if ((given === undefined || line.licenseType === undefined) && existing.exportLicenseInformation === undefined) {
			issues.push({
				path: `defaults.items[${index}].exportLicense`,
				message: 'a licensed line needs licenseType (e.g. "C30") and exportLicense {licenseNumber, licenseExpiration}',
			});
		}
		license = {
			licenseType: line.licenseType,
			exportLicense: given && {
				licenseNumber: given.licenseNumber,
				licenseExpiration: given.licenseExpiration,
				licenseLineValue: given.licenseLineValue ?? centsToWholeDollars(lineValueCents(item, usdRate(shipment))),
			},
		};
	} else {
		const exemption = item.licenseException ?? line.licenseExemptionCode ?? defaults.licenseExemptionCode;
		license = {
			licenseType: line.licenseType ?? defaults.licenseType ?? (exemption === undefined || exemption === 'NLR' ? 'C33' : undefined),
			licenseExemptionCode: exemption ?? 'NLR',
		};
		if (license.licenseType === undefined && record(existing.exportLicenseInformation).licenseType === undefined) {
			issues.push({
				path: `defaults.items[${index}].licenseType`,
				message: `the license code for license exception ${exemption} is required`,
			});
		}
	}
	return fillMissing(existing, {
		exportType: item.originCountry === 'US' ? 'domestic' : 'foreign',
		exportInformationCode: line.exportInformationCode ?? defaults.exportInformationCode ?? 'OS',
		scheduleBInformation: { scheduleBNumber: item.commodityCode, scheduleBQuantity: quantity, scheduleBUnitOfMeasurement: unit },
		eccnNumber: eccn,
		exportLicenseInformation: license,
	});
}

/**
 * Returns a copy of the label request with the carrier-filed EEI blocks filled from the
 * canonical shipment (parseShipment output), then checked by validateShipiumCarrierEei.
 * Throws InputValidationError naming what is missing (canonical or `defaults` paths).
 */
export function fillShipiumEeiFromShipment<T extends ShipiumLabelRequest>(
	labelRequest: T,
	shipment: Shipment,
	defaults: ShipiumEeiDefaults = {},
): T {
	const issues: FieldIssue[] = [];
	const located = locateCustoms(labelRequest, issues);
	if (!located) throw new InputValidationError(issues, 'Cannot fill the Shipium EEI');
	const { customsInfo, items } = located;
	if (customsInfo.aesInternalTransactionNumber !== undefined && customsInfo.aesInternalTransactionNumber !== null) {
		issues.push({
			path: `${CUSTOMS_INFO_PATH}.aesInternalTransactionNumber`,
			message: 'the EEI is already filed (ITN given): the carrier must not file it; remove the ITN to have the carrier file',
		});
	}
	if (items.length !== shipment.items.length) {
		issues.push({
			path: `${CUSTOMS_INFO_PATH}.customsItems`,
			message: `has ${items.length} items but the shipment has ${shipment.items.length}: they are matched by position`,
		});
	}
	const existingEei = record(customsInfo.electronicExportInformation);
	const exportDate = shipment.exportDate ?? shipment.departureTime?.slice(0, 10) ?? defaults.exportDate;
	const pointOfOrigin = shipment.origin.state ?? defaults.pointOfOrigin;
	if (existingEei.exportDate === undefined && exportDate === undefined) {
		issues.push({ path: 'exportDate', message: 'the date of export is required (15 CFR 30.6(a)(2))' });
	}
	if (existingEei.pointOfOrigin === undefined && pointOfOrigin === undefined) {
		issues.push({ path: 'origin.state', message: 'the US state of origin is required (15 CFR 30.6(a)(4))' });
	}
	const customsItems =
		items.length === shipment.items.length
			? items.map((customsItem, i) => {
					const row = record(customsItem);
					const existing = record(row.electronicExportCommodityInformation);
					return {
						...row,
						electronicExportCommodityInformation: commodityInformation(shipment.items[i], i, shipment, defaults, existing, issues),
					};
				})
			: items;
	if (issues.length > 0) throw new InputValidationError(issues, 'Cannot fill the Shipium EEI');
	const filled = {
		...labelRequest,
		shipmentParameters: {
			...(labelRequest.shipmentParameters as Loose),
			customsInfo: {
				...customsInfo,
				electronicExportInformation: fillMissing(existingEei, { exportDate, pointOfOrigin }),
				customsItems,
			},
		},
	};
	return validateShipiumCarrierEei(filled);
}
