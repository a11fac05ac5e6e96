/**
 * Shipium (`/shipium` prefix): the ping used as credential test and the label call with carrier
 * selection (seed 003). A carrier-filed EEI (`customsInfo.electronicExportInformation`) yields an
 * `electronic_export_information` document with `electronicallySubmitted: true`; an EEI filed
 * elsewhere (`customsInfo.aesInternalTransactionNumber`) yields none. Errors use Shipium's
 * `{ timestamp, status, error, message, path }`.
 */
import { basicCredentials, isNonEmptyText, isRecord, parseJson, type SandboxRequest, type SandboxResponse } from './http';
import type { Prng } from './prng';
import type { SandboxKeys } from './keys';

export type ShipiumEeiMode = 'carrier-filed' | 'itn' | 'none';

export interface ShipiumLabelRecord {
	shipiumShipmentId: string;
	at: string;
	eei: ShipiumEeiMode;
	/** The ITN passed in `aesInternalTransactionNumber`, when any. */
	itn?: string;
	testMode: boolean;
}

export interface ShipiumState {
	pings: number;
	labels: ShipiumLabelRecord[];
}

export function createShipiumState(): ShipiumState {
	return { pings: 0, labels: [] };
}

interface ShipiumContext {
	state: ShipiumState;
	keys: SandboxKeys;
	now: () => number;
	prng: Prng;
}

const REASONS = new Set(['sale', 'gift', 'sample', 'returns', 'personal_effects']);
const ITN = /^X\d{14}$/;
const REASON_PHRASES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	404: 'Not Found',
	405: 'Method Not Allowed',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
};

export function shipiumError(status: number, message: string, fullPath: string, now: number): SandboxResponse {
	return {
		status,
		body: {
			timestamp: new Date(now).toISOString(),
			status,
			error: REASON_PHRASES[status] ?? 'Error',
			message,
			path: fullPath.split('?')[0],
		},
	};
}

function customsIssues(customs: Record<string, unknown>): string[] {
	const issues: string[] = [];
	const at = 'shipmentParameters.customsInfo';
	if (typeof customs.totalCustomsValue !== 'number') issues.push(`${at}.totalCustomsValue: must be a number`);
	if (!isNonEmptyText(customs.totalCustomsValueCurrency)) issues.push(`${at}.totalCustomsValueCurrency: is required`);
	if (!REASONS.has(String(customs.reasonForExport))) issues.push(`${at}.reasonForExport: must be one of ${[...REASONS].join(', ')}`);
	if (!isNonEmptyText(customs.invoiceDate)) issues.push(`${at}.invoiceDate: is required`);
	if (!isNonEmptyText(customs.customsDescription)) issues.push(`${at}.customsDescription: is required`);
	if (customs.aesInternalTransactionNumber !== undefined && !ITN.test(String(customs.aesInternalTransactionNumber))) {
		issues.push(`${at}.aesInternalTransactionNumber: must be an ITN ("X" and 14 digits)`);
	}
	const carrierFiles = customs.aesInternalTransactionNumber === undefined && customs.electronicExportInformation !== undefined;
	if (carrierFiles) {
		const eei = isRecord(customs.electronicExportInformation) ? customs.electronicExportInformation : {};
		if (!isNonEmptyText(eei.exportDate)) issues.push(`${at}.electronicExportInformation.exportDate: is required`);
		if (!/^[A-Z]{2}$/.test(String(eei.pointOfOrigin ?? ''))) {
			issues.push(`${at}.electronicExportInformation.pointOfOrigin: must be a 2-letter state code`);
		}
	}
	if (!Array.isArray(customs.customsItems) || customs.customsItems.length === 0) {
		issues.push(`${at}.customsItems: at least one item is required`);
		return issues;
	}
	customs.customsItems.forEach((item: unknown, i) => {
		const p = `${at}.customsItems[${i}]`;
		if (!isRecord(item)) {
			issues.push(`${p}: must be an object`);
			return;
		}
		if (typeof item.customsValue !== 'number') issues.push(`${p}.customsValue: must be a number`);
		if (!Number.isInteger(item.quantity)) issues.push(`${p}.quantity: must be a whole number`);
		if (!/^\d{6,15}$/.test(String(item.harmonizedTariffNumber ?? '').replace(/\./g, ''))) {
			issues.push(`${p}.harmonizedTariffNumber: must have 6 to 15 digits`);
		}
		if (!/^[A-Z]{2}$/.test(String(item.countryOfManufacture ?? ''))) issues.push(`${p}.countryOfManufacture: must be an ISO-3166-1 code`);
		if (!carrierFiles) return;
		const info = isRecord(item.electronicExportCommodityInformation) ? item.electronicExportCommodityInformation : undefined;
		if (!info) {
			issues.push(`${p}.electronicExportCommodityInformation: is required when the carrier files the EEI`);
			return;
		}
		if (info.exportType !== 'domestic' && info.exportType !== 'foreign') {
			issues.push(`${p}.electronicExportCommodityInformation.exportType: must be domestic or foreign`);
		}
		if (!/^[A-Z0-9]{2}$/.test(String(info.exportInformationCode ?? ''))) {
			issues.push(`${p}.electronicExportCommodityInformation.exportInformationCode: must be 2 characters`);
		}
		const scheduleB = isRecord(info.scheduleBInformation) ? info.scheduleBInformation : {};
		if (!/^\d{10}$/.test(String(scheduleB.scheduleBNumber ?? ''))) {
			issues.push(`${p}.electronicExportCommodityInformation.scheduleBInformation.scheduleBNumber: must have 10 digits`);
		}
		if (!isNonEmptyText(info.eccnNumber)) issues.push(`${p}.electronicExportCommodityInformation.eccnNumber: is required`);
		const license = isRecord(info.exportLicenseInformation) ? info.exportLicenseInformation : {};
		if (!isNonEmptyText(license.licenseType)) {
			issues.push(`${p}.electronicExportCommodityInformation.exportLicenseInformation.licenseType: is required`);
		}
	});
	return issues;
}

function uuid(prng: Prng): string {
	const hex = prng.bytes(16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function document(type: string, expiration: string, electronicallySubmitted: boolean): Record<string, unknown> {
	return {
		documentType: type,
		documentExpiration: expiration,
		documentFormat: 'PDF',
		documentImage: {
			documentEncoding: 'base64',
			documentContents: Buffer.from(`%PDF-1.4 sandbox ${type}`).toString('base64'),
		},
		electronicallySubmitted,
	};
}

function label(req: SandboxRequest, ctx: ShipiumContext): SandboxResponse {
	const now = ctx.now();
	const body = parseJson(req.body);
	if (!isRecord(body)) return shipiumError(400, 'Request body must be a JSON object', req.fullPath, now);
	const shipment = isRecord(body.shipmentParameters) ? body.shipmentParameters : undefined;
	if (!shipment) return shipiumError(400, 'shipmentParameters: is required', req.fullPath, now);
	const customs = isRecord(shipment.customsInfo) ? shipment.customsInfo : undefined;
	const issues = customs ? customsIssues(customs) : [];
	if (issues.length > 0) return shipiumError(400, issues.join('; '), req.fullPath, now);

	const itn = customs?.aesInternalTransactionNumber as string | undefined;
	const eei: ShipiumEeiMode = itn ? 'itn' : customs?.electronicExportInformation ? 'carrier-filed' : 'none';
	const expiration = new Date(now + 7 * 24 * 3600 * 1000).toISOString();
	const testMode = String(body.testMode ?? (isRecord(body.labelParameters) ? body.labelParameters.testMode : '')) === 'true';
	const labelParameters = isRecord(body.labelParameters) ? body.labelParameters : {};
	const format = isNonEmptyText(labelParameters.labelFormat) ? labelParameters.labelFormat : 'ZPL';
	const shipiumShipmentId = uuid(ctx.prng);
	const trackingId = `7${String(ctx.prng.int(10_000_000, 99_999_999))}${String(ctx.prng.int(1000, 9999))}`;
	const internationalDocuments = customs ? [document('commercial_invoice', expiration, false)] : [];
	if (eei === 'carrier-filed') internationalDocuments.push(document('electronic_export_information', expiration, true));
	ctx.state.labels.push({ shipiumShipmentId, at: new Date(now).toISOString(), eei, ...(itn ? { itn } : {}), testMode });
	return {
		status: 200,
		body: {
			shipiumShipmentId,
			partnerShipmentId: body.partnerShipmentId ?? null,
			testMode,
			carrierSelection: {
				carrier: 'fedex',
				carrierServiceMethodId: 'fedex-international-economy',
				shipOption: shipment.shipOption ?? null,
			},
			carrierLabel: {
				carrierTrackingId: trackingId,
				documents: [
					{
						labelExpiration: expiration,
						labelFormat: format,
						labelImage: {
							imageContents: Buffer.from(`^XA^FO50,50^FDSANDBOX ${trackingId}^FS^XZ`).toString('base64'),
							imageEncoding: 'base64',
						},
						labelUrl: `${req.origin}/shipium/labels/${shipiumShipmentId}.${String(format).toLowerCase()}`,
					},
				],
				internationalDocuments,
			},
		},
	};
}

export function handleShipium(req: SandboxRequest, ctx: ShipiumContext): SandboxResponse {
	const now = ctx.now();
	const routes: Record<string, string> = {
		'/api/v1/deliveryexperience/ping': 'GET',
		'/api/v1/shipment/carrierselection/label': 'POST',
	};
	const method = routes[req.path];
	if (!method) return shipiumError(404, `No route for ${req.method} ${req.path} in the sandbox`, req.fullPath, now);
	if (req.method !== method) return shipiumError(405, `Request method '${req.method}' is not supported`, req.fullPath, now);
	const credentials = basicCredentials(req.headers);
	if (!credentials || credentials.user !== ctx.keys.shipiumApiKey) {
		return shipiumError(401, 'Full authentication is required to access this resource', req.fullPath, now);
	}
	if (method === 'GET') {
		ctx.state.pings += 1;
		return { status: 200, body: { status: 1, info: 'pong' } };
	}
	return label(req, ctx);
}
