/**
 * EEI filed elsewhere (e.g. through EasyPost AES) -> Shipium: the ITN goes in
 * `customsInfo.aesInternalTransactionNumber`, and the carrier-filing blocks go away (seed 003:
 * "not needed if an aesInternalTransactionNumber is provided"), so that the carrier cannot
 * file the same shipment a second time.
 */
import { InputValidationError, type FieldIssue } from '../errors';
import { ITN_PATTERN } from '../easypost/aesResponse';
import { CUSTOMS_INFO_PATH, locateCustoms, type ShipiumLabelRequest } from './carrierEei';

/** A copy of the label request carrying the ITN and none of the carrier-filed EEI blocks. */
export function withAesItn<T extends ShipiumLabelRequest>(labelRequest: T, itn: string): T {
	const issues: FieldIssue[] = [];
	const trimmed = typeof itn === 'string' ? itn.trim() : '';
	if (!ITN_PATTERN.test(trimmed)) {
		issues.push({ path: 'itn', message: `must be an ITN: "X" followed by 14 digits, got "${String(itn)}"` });
	}
	const located = locateCustoms(labelRequest, issues);
	if (!located || issues.length > 0) throw new InputValidationError(issues, 'Cannot hand the ITN to Shipium');
	const customsInfo: Record<string, unknown> = { ...located.customsInfo, aesInternalTransactionNumber: trimmed };
	delete customsInfo.electronicExportInformation;
	customsInfo.customsItems = located.items.map((item) => {
		if (item === null || typeof item !== 'object') return item;
		const copy = { ...(item as Record<string, unknown>) };
		delete copy.electronicExportCommodityInformation;
		return copy;
	});
	return {
		...labelRequest,
		shipmentParameters: { ...(labelRequest.shipmentParameters as Record<string, unknown>), customsInfo },
	};
}

export { CUSTOMS_INFO_PATH };
