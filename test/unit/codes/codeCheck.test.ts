/**
 * The code check shared by File EEI and Check EEI Requirement: a code missing from an
 * authoritative table is an error naming the field, the value and the table; from a possibly
 * incomplete table, a warning; a code accepted on purpose, a warning. Cases from seed 001
 * (EasyPost AES field notes and examples) and seed 003 (Shipium customs info).
 */
import simpleFiling from '../../fixtures/easypost/simple-filing.json';
import multipleReporting from '../../fixtures/easypost/multiple-reporting-quantity.json';
import carrierLabelRequest from '../../fixtures/shipium/label-request-carrier-eei.json';
import {
	aesDeliveryCodeFields,
	checkCodes,
	codeWarningsForInput,
	deliveryModeOptions,
	shipiumCodeFields,
	type CodeCheckOptions,
} from '../../../src/codes';
import { parseShipment } from '../../../src/shipment/model';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function delivery(change: (d: Loose) => void = () => {}): Loose {
	const copy = structuredClone(simpleFiling) as { Delivery: Loose };
	change(copy.Delivery);
	return copy.Delivery;
}

function checkDelivery(d: Loose, options: CodeCheckOptions = {}) {
	return checkCodes(aesDeliveryCodeFields(d), { ...deliveryModeOptions(d, options.modeOfTransport), ...options });
}

function shipiumRequest(change: (commodity: Loose) => void = () => {}): Loose {
	const copy = structuredClone(carrierLabelRequest) as Loose;
	change(copy.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation);
	return copy;
}

describe('the seed examples pass the code tables', () => {
	it('the simple filing of seed 001 (port 2095, FX, 6910.10.0010, EA) has no code problem', () => {
		expect(checkDelivery(delivery())).toEqual({ errors: [], warnings: [] });
	});

	it('the multiple reporting quantity filing of seed 001 ("doz.", "kg") has no code problem', () => {
		const d = (structuredClone(multipleReporting) as { Delivery: Loose }).Delivery;
		expect(checkDelivery(d)).toEqual({ errors: [], warnings: [] });
	});

	it('the carrier-filed EEI of seed 003 (LC, 6404195500, C33, NLR) has no error', () => {
		expect(checkCodes(shipiumCodeFields(carrierLabelRequest)).errors).toEqual([]);
	});
});

describe('ports of export (Schedule D, authoritative)', () => {
	it('refuses a port not in Schedule D, naming the field, the value and the table', () => {
		const { errors } = checkDelivery(delivery((d) => (d.International.PortOfExportCode = '9999')));
		expect(errors).toEqual([
			{
				field: 'Delivery.International.PortOfExportCode',
				value: '9999',
				table: 'portsOfExport',
				message: expect.stringMatching(/"9999" is not in the Schedule D ports of export .*table of \d{4}-\d{2}-\d{2}/),
			},
		]);
	});

	it('reads the port from PortOfExport, the spelling of the second seed 001 example', () => {
		const d = delivery((x) => {
			delete x.International.PortOfExportCode;
			x.International.PortOfExport = '9999';
		});
		expect(checkDelivery(d).errors.map((e) => e.field)).toEqual(['Delivery.International.PortOfExport']);
	});

	it('lets a port through on purpose, as a warning, when the user lists it under Accept Unlisted Codes', () => {
		const result = checkDelivery(delivery((d) => (d.International.PortOfExportCode = '9999')), { acceptUnlisted: ['9999'] });
		expect(result.errors).toEqual([]);
		expect(result.warnings).toEqual([expect.objectContaining({ value: '9999', message: expect.stringMatching(/accepted on purpose/) })]);
	});
});

describe('the port fits the mode of transport (seed 001: "no shipyards for an air shipment")', () => {
	it('refuses an express courier facility (2095 FEDERAL EXPRESS) for a vessel shipment', () => {
		const { errors } = checkDelivery(delivery(), { modeOfTransport: 'vessel' });
		expect(errors).toEqual([expect.objectContaining({ field: 'Delivery.International.PortOfExportCode', message: expect.stringMatching(/express courier facility.*not vessel/) })]);
	});

	it('refuses the mail port 8000 for an air shipment', () => {
		const { errors } = checkDelivery(delivery((d) => (d.International.PortOfExportCode = '8000')), { modeOfTransport: 'air' });
		expect(errors[0].message).toMatch(/mail exports.*air/);
	});

	it('reads the mode from the ConveyanceCode when none is given: a 4-letter SCAC at an airport is refused', () => {
		const d = delivery((x) => {
			x.International.PortOfExportCode = '2720';
			x.ShippingOptions.ConveyanceCode = 'ABCD';
		});
		expect(checkDelivery(d).errors[0].message).toMatch(/is an airport: it fits air shipments, not truck \(mode read from ShippingOptions.ConveyanceCode "ABCD"\)/);
	});

	it('does not judge a port whose kind the table does not know (3901 Chicago) for a vessel shipment', () => {
		expect(checkDelivery(delivery((d) => (d.International.PortOfExportCode = '3901')), { modeOfTransport: 'vessel' })).toEqual({ errors: [], warnings: [] });
	});
});

describe('export information codes (AESTIR Appendix E, authoritative)', () => {
	it('refuses a code that is not in Appendix E', () => {
		const { errors } = checkDelivery(delivery((d) => (d.Items[0].ExportInformationCode = 'ZZ')));
		expect(errors).toEqual([expect.objectContaining({ field: 'Delivery.Items[0].ExportInformationCode', value: 'ZZ', table: 'exportInformationCodes' })]);
	});

	it('accepts the codes of the seeds: OS (seed 001 default) and LC (seed 003)', () => {
		for (const code of ['OS', 'LC']) expect(checkDelivery(delivery((d) => (d.Items[0].ExportInformationCode = code))).errors).toEqual([]);
	});
});

describe('HS 2022 subheadings of Schedule B / HTS numbers (authoritative)', () => {
	it('refuses a number whose 6-digit subheading does not exist (6910.99: a typo of 6910.90)', () => {
		const { errors } = checkDelivery(delivery((d) => (d.Items[0].HarmonizedCode = '6910.99.0010')));
		expect(errors).toEqual([
			expect.objectContaining({ field: 'Delivery.Items[0].HarmonizedCode', value: '6910.99.0010', table: 'hsSubheadings', message: expect.stringMatching(/6910\.99 is not a subheading of HS 2022/) }),
		]);
	});

	it('warns, never refuses, on chapter 98 and 99 numbers: US national provisions outside the HS', () => {
		const result = checkDelivery(delivery((d) => (d.Items[0].HarmonizedCode = '9801.10.0000')));
		expect(result.errors).toEqual([]);
		expect(result.warnings).toEqual([expect.objectContaining({ value: '9801.10.0000', message: expect.stringMatching(/national provision/) })]);
	});

	it('checks the Shipium scheduleBNumber of a carrier-filed EEI', () => {
		const { errors } = checkCodes(shipiumCodeFields(shipiumRequest((c) => (c.scheduleBInformation.scheduleBNumber = '6404995500'))));
		expect(errors.map((e) => e.field)).toEqual(['shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation.scheduleBInformation.scheduleBNumber']);
	});
});

describe('possibly incomplete tables warn, never refuse', () => {
	it('warns on a license code not in the table (Appendix F was not available)', () => {
		const result = checkCodes(shipiumCodeFields(shipiumRequest((c) => (c.exportLicenseInformation.licenseType = 'C99'))));
		expect(result.errors).toEqual([]);
		// The seed's harmonizedTariffNumber 9876543210 is in chapter 98: that warning is not this test's subject.
		expect(result.warnings.filter((w) => w.table === 'licenseCodes')).toEqual([
			expect.objectContaining({ value: 'C99', message: expect.stringMatching(/may be incomplete/) }),
		]);
	});

	it('refuses, even from the possibly incomplete license table, C37 (CIV), removed from Appendix F on 2020-06-26', () => {
		const result = checkCodes(shipiumCodeFields(shipiumRequest((c) => (c.exportLicenseInformation.licenseType = 'C37'))));
		expect(result.errors).toEqual([expect.objectContaining({ value: 'C37', table: 'licenseCodes', message: expect.stringMatching(/withdrawn from AES/) })]);
	});

	it('refuses a license code with the shape of an exemption symbol ("GFT" instead of C43)', () => {
		const result = checkCodes(shipiumCodeFields(shipiumRequest((c) => (c.exportLicenseInformation.licenseType = 'GFT'))));
		expect(result.errors.map((e) => [e.value, e.table])).toEqual([['GFT', 'licenseCodes']]);
	});

	it('accepts C43, the GFT license code Appendix F itself uses as its example', () => {
		const result = checkCodes(shipiumCodeFields(shipiumRequest((c) => (c.exportLicenseInformation.licenseType = 'C43'))));
		expect(result.errors).toEqual([]);
		expect(result.warnings.filter((w) => w.table === 'licenseCodes')).toEqual([]);
	});

	it('warns on a license exemption code not in the table', () => {
		const result = checkCodes(shipiumCodeFields(shipiumRequest((c) => (c.exportLicenseInformation.licenseExemptionCode = 'XYZ'))));
		expect(result.errors).toEqual([]);
		expect(result.warnings.filter((w) => w.table === 'licenseExemptionCodes').map((w) => w.value)).toEqual(['XYZ']);
	});

	it('warns on a unit of measure not in the Schedule B units ("BOX")', () => {
		const result = checkDelivery(delivery((d) => (d.Items[0].QuantityUnitOfMeasure = 'BOX')));
		expect(result).toEqual({ errors: [], warnings: [expect.objectContaining({ field: 'Delivery.Items[0].QuantityUnitOfMeasure', table: 'unitsOfMeasure' })] });
	});
});

describe('Check EEI Requirement: the same problems, all as warnings', () => {
	it('reports an unknown port of a Delivery as a warning with its Delivery path', () => {
		const input = { Delivery: delivery((d) => (d.International.PortOfExportCode = '9999')) };
		const shipment = parseShipment({ origin: { country: 'US' }, destination: { country: 'MC' }, items: [{ commodityCode: '6910100010', value: 2510 }] });
		expect(codeWarningsForInput(input, shipment)).toEqual([expect.objectContaining({ field: 'Delivery.International.PortOfExportCode', value: '9999', table: 'portsOfExport' })]);
	});

	it('reports a canonical shipment line whose subheading does not exist', () => {
		const raw = { origin: { country: 'US' }, destination: { country: 'DE' }, items: [{ commodityCode: '8517.12.0050', value: 3000 }] };
		expect(codeWarningsForInput(raw, parseShipment(raw))).toEqual([
			expect.objectContaining({ field: 'items[0].commodityCode', value: '8517120050', table: 'hsSubheadings', message: expect.stringMatching(/8517\.12/) }),
		]);
	});
});
