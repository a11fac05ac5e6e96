/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
import simpleFiling from '../../fixtures/easypost/simple-filing.json';
import multipleReporting from '../../fixtures/easypost/multiple-reporting-quantity.json';
import { parseAesRequest } from '../../../src/easypost/aesRequest';
import { InputValidationError } from '../../../src/errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely to make each faulty case
type Json = Record<string, any>;

function simple(): Json {
	return structuredClone(simpleFiling) as Json;
}

/** The issues parseAesRequest reports, as "path: message" lines. */
function issuesOf(input: unknown, options = {}): string[] {
	try {
		parseAesRequest(input, options);
	} catch (error) {
		if (error instanceof InputValidationError) return error.issues.map((i) => `${i.path}: ${i.message}`);
		throw error;
	}
	return [];
}

function issuePaths(input: unknown, options = {}): string[] {
	return issuesOf(input, options).map((line) => line.split(': ')[0]);
}

describe('parseAesRequest: the documented examples (seed 001)', () => {
	it('accepts "A Simple Filing" as published', () => {
		expect(issuesOf(simple())).toEqual([]);
	});

	it('accepts the "Multiple Reporting Quantity Filing" as published', () => {
		expect(issuesOf(structuredClone(multipleReporting))).toEqual([]);
	});

	it('defaults TransactionType to "add" and Environment to "test"', () => {
		const request = parseAesRequest(simple());
		expect(request.TransactionType).toBe('add');
		expect(request.Environment).toBe('test');
	});

	it('reads Environment case-insensitively ("Test" in the notes)', () => {
		expect(parseAesRequest({ ...simple(), Environment: 'Test' }).Environment).toBe('test');
	});

	it('rejects an Environment other than test or production', () => {
		expect(issuePaths({ ...simple(), Environment: 'sandbox' })).toEqual(['Environment']);
	});

	it('rejects an unknown TransactionType', () => {
		expect(issuePaths({ ...simple(), TransactionType: 'update' })).toEqual(['TransactionType']);
	});

	it('keeps fields the notes do not describe, as sent', () => {
		const input = simple();
		input.Delivery.International.Exporter = { Company: 'Forwarder LLC' };
		const request = parseAesRequest(input);
		expect((request.Delivery.International as Json).Exporter).toEqual({ Company: 'Forwarder LLC' });
	});

	it('names every offending field path in the error message', () => {
		const input = simple();
		input.Delivery.Items[0].HarmonizedCode = '6910.10';
		input.Delivery.ShipTo.Country = 'XX';
		expect(() => parseAesRequest(input)).toThrow(
			/Delivery\.ShipTo\.Country: .*Delivery\.Items\[0\]\.HarmonizedCode: /s,
		);
	});
});

describe('parseAesRequest: HarmonizedCode (seed 001; 15 CFR 30.6(a)(12))', () => {
	it('ignores punctuation and sends the ten digits', () => {
		expect((parseAesRequest(simple()).Delivery.Items as Json[])[0].HarmonizedCode).toBe('6910100010');
	});

	it('rejects nine digits', () => {
		const input = simple();
		input.Delivery.Items[0].HarmonizedCode = '6910.10.001';
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].HarmonizedCode']);
	});

	it('rejects eleven digits', () => {
		const input = simple();
		input.Delivery.Items[0].HarmonizedCode = '6910.10.00100';
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].HarmonizedCode']);
	});

	it('rejects a number, which would lose leading zeros', () => {
		const input = simple();
		input.Delivery.Items[0].HarmonizedCode = 6910100010;
		expect(issuesOf(input)[0]).toMatch(/leading zeros/);
	});

	it('requires the HarmonizedCode', () => {
		const input = simple();
		delete input.Delivery.Items[0].HarmonizedCode;
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].HarmonizedCode']);
	});
});

describe('parseAesRequest: ExportHarmonizedCodeSource and ExportInformationCode (seed 001)', () => {
	it('accepts "UsScheduleB" in any letter case and sends the documented spelling', () => {
		const input = simple();
		input.Delivery.Items[0].ExportHarmonizedCodeSource = 'usscheduleb';
		expect((parseAesRequest(input).Delivery.Items as Json[])[0].ExportHarmonizedCodeSource).toBe('UsScheduleB');
	});

	it('leaves the source out when blank, which means HTS', () => {
		const input = simple();
		input.Delivery.Items[0].ExportHarmonizedCodeSource = '';
		expect((parseAesRequest(input).Delivery.Items as Json[])[0].ExportHarmonizedCodeSource).toBeUndefined();
	});

	it('rejects a misspelt source that would silently be read as HTS', () => {
		const input = simple();
		input.Delivery.Items[0].ExportHarmonizedCodeSource = 'ScheduleB';
		expect(issuesOf(input)).toEqual([
			expect.stringMatching(/^Delivery\.Items\[0\]\.ExportHarmonizedCodeSource: .*silently be read as HTS/),
		]);
	});

	it('defaults ExportInformationCode to "OS"', () => {
		expect((parseAesRequest(simple()).Delivery.Items as Json[])[0].ExportInformationCode).toBe('OS');
	});

	it('keeps a given 2-character ExportInformationCode', () => {
		const input = simple();
		input.Delivery.Items[0].ExportInformationCode = 'gs';
		expect((parseAesRequest(input).Delivery.Items as Json[])[0].ExportInformationCode).toBe('GS');
	});

	it('rejects a 3-character ExportInformationCode', () => {
		const input = simple();
		input.Delivery.Items[0].ExportInformationCode = 'OSX';
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].ExportInformationCode']);
	});
});

describe('parseAesRequest: port of export (seed 001; 15 CFR 30.6(a)(9))', () => {
	it('accepts the "PortOfExport" spelling of the second example and sends it as PortOfExportCode', () => {
		const request = parseAesRequest(structuredClone(multipleReporting));
		expect(request.Delivery.International).toEqual({
			PortOfExportCode: '2095',
			EeiTransactionNumber: 'GloballyUniqueNo1',
		});
	});

	it('accepts both spellings when they agree', () => {
		const input = simple();
		input.Delivery.International.PortOfExport = '2095';
		expect(parseAesRequest(input).Delivery.International.PortOfExportCode).toBe('2095');
	});

	it('rejects two different ports of export', () => {
		const input = simple();
		input.Delivery.International.PortOfExport = '4101';
		expect(issuePaths(input)).toEqual(['Delivery.International.PortOfExport']);
	});

	it('requires a port of export', () => {
		const input = simple();
		delete input.Delivery.International.PortOfExportCode;
		expect(issuePaths(input)).toEqual(['Delivery.International.PortOfExportCode']);
	});

	it('rejects a 3-digit port of export', () => {
		const input = simple();
		input.Delivery.International.PortOfExportCode = '209';
		expect(issuePaths(input)).toEqual(['Delivery.International.PortOfExportCode']);
	});

	it('requires port 8000 for mail exports', () => {
		expect(issuePaths(simple(), { modeOfTransport: 'mail' })).toEqual(['Delivery.International.PortOfExportCode']);
	});

	it('accepts port 8000 for mail exports', () => {
		const input = simple();
		input.Delivery.International.PortOfExportCode = '8000';
		expect(issuesOf(input, { modeOfTransport: 'mail' })).toEqual([]);
	});
});

describe('parseAesRequest: PortOfUnloading (seed 001: "required only for US to PR shipments")', () => {
	function toPuertoRico(): Json {
		const input = simple();
		input.Delivery.ShipTo.Country = 'PR';
		return input;
	}

	it('requires it from the US to Puerto Rico', () => {
		expect(issuePaths(toPuertoRico())).toEqual(['Delivery.International.PortOfUnloading']);
	});

	it('accepts a 5-digit port of unloading to Puerto Rico', () => {
		const input = toPuertoRico();
		input.Delivery.International.PortOfUnloading = '49091';
		expect(issuesOf(input)).toEqual([]);
	});

	it('rejects a 4-digit port of unloading', () => {
		const input = toPuertoRico();
		input.Delivery.International.PortOfUnloading = '4909';
		expect(issuePaths(input)).toEqual(['Delivery.International.PortOfUnloading']);
	});

	it('does not require it to a foreign country', () => {
		expect(issuePaths(simple())).toEqual([]);
	});
});

describe('parseAesRequest: conveyance (seed 001; 15 CFR 30.6(a)(7)-(8))', () => {
	function withCode(code: string | undefined, name?: string): Json {
		const input = simple();
		input.Delivery.ShippingOptions = { ConveyanceCode: code, ConveyanceName: name };
		return input;
	}

	it('reads a 2-letter code as an IATA air carrier', () => {
		expect(issuesOf(withCode('FX'), { modeOfTransport: 'air' })).toEqual([]);
	});

	it('accepts an IATA designator with a digit (UPS Airlines 5X)', () => {
		expect(issuesOf(withCode('5X'), { modeOfTransport: 'air' })).toEqual([]);
	});

	it('reads a 4-letter code as a truck SCAC', () => {
		expect(issuesOf(withCode('ABFS'), { modeOfTransport: 'truck' })).toEqual([]);
	});

	it('rejects a SCAC for an air shipment', () => {
		expect(issuePaths(withCode('ABFS'), { modeOfTransport: 'air' })).toEqual([
			'Delivery.ShippingOptions.ConveyanceCode',
		]);
	});

	it('rejects an IATA code for a truck shipment', () => {
		expect(issuePaths(withCode('FX'), { modeOfTransport: 'truck' })).toEqual([
			'Delivery.ShippingOptions.ConveyanceCode',
		]);
	});

	it('rejects a 5-letter code when the mode is not known', () => {
		expect(issuePaths(withCode('ABCDE'))).toEqual(['Delivery.ShippingOptions.ConveyanceCode']);
	});

	it('requires the carrier code for air', () => {
		expect(issuePaths(withCode(undefined), { modeOfTransport: 'air' })).toEqual([
			'Delivery.ShippingOptions.ConveyanceCode',
		]);
	});

	it('does not require a carrier code for mail', () => {
		const input = withCode(undefined);
		input.Delivery.International.PortOfExportCode = '8000';
		expect(issuesOf(input, { modeOfTransport: 'mail' })).toEqual([]);
	});

	it('requires the vessel name for vessel shipments', () => {
		expect(issuePaths(withCode('MAEU'), { modeOfTransport: 'vessel' })).toEqual([
			'Delivery.ShippingOptions.ConveyanceName',
		]);
	});

	it('accepts a vessel shipment with its name and SCAC', () => {
		expect(issuesOf(withCode('MAEU', 'MAERSK KENTUCKY'), { modeOfTransport: 'vessel' })).toEqual([]);
	});
});

describe('parseAesRequest: countries (ISO 3166-1 alpha-2; 15 CFR 30.6(a)(5))', () => {
	it('rejects an unknown consignee country', () => {
		const input = simple();
		input.Delivery.ShipTo.Country = 'UK';
		expect(issuePaths(input)).toEqual(['Delivery.ShipTo.Country']);
	});

	it('accepts a lower-case country code and sends it in upper case', () => {
		const input = simple();
		input.Delivery.ShipTo.Country = 'mc';
		expect((parseAesRequest(input).Delivery.ShipTo as Json).Country).toBe('MC');
	});

	it('rejects an unknown country of origin', () => {
		const input = simple();
		input.Delivery.Items[0].Producer.Country = 'USA';
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].Producer.Country']);
	});

	it('rejects a USPPI outside the US, PR and VI (15 CFR 30.2(a)(1))', () => {
		const input = simple();
		input.Delivery.Shipper.Country = 'CA';
		expect(issuePaths(input)).toEqual(['Delivery.Shipper.Country']);
	});

	it('accepts a USPPI in Puerto Rico', () => {
		const input = simple();
		input.Delivery.Shipper.Country = 'PR';
		expect(issuesOf(input)).toEqual([]);
	});
});

describe('parseAesRequest: quantities, values and weights (15 CFR 30.6(a)(15)-(17))', () => {
	it('rejects a PackQuantity of 0', () => {
		const input = simple();
		input.Delivery.Items[0].PackQuantity = 0;
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].PackQuantity']);
	});

	it('accepts a PackQuantity of 1', () => {
		const input = simple();
		input.Delivery.Items[0].PackQuantity = 1;
		expect(issuesOf(input)).toEqual([]);
	});

	it('rejects a fractional PackQuantity', () => {
		const input = simple();
		input.Delivery.Items[0].PackQuantity = 2.5;
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].PackQuantity']);
	});

	it('rejects a zero UnitValue', () => {
		const input = simple();
		input.Delivery.Items[0].UnitValue.Amount = 0;
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].UnitValue.Amount']);
	});

	it('accepts a UnitValue of one cent', () => {
		const input = simple();
		input.Delivery.Items[0].UnitValue.Amount = 0.01;
		expect(issuesOf(input)).toEqual([]);
	});

	it('rejects a UnitValue in another currency than USD', () => {
		const input = simple();
		input.Delivery.Items[0].UnitValue.Currency = 'EUR';
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].UnitValue.Currency']);
	});

	it('rejects a negative UnitWeight', () => {
		const input = simple();
		input.Delivery.Items[0].UnitWeight.Amount = -1;
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].UnitWeight.Amount']);
	});

	it('rejects an unknown weight unit', () => {
		const input = simple();
		input.Delivery.Items[0].UnitWeight.Unit = 'stone';
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].UnitWeight.Unit']);
	});

	it('accepts a gross weight equal to the sum of the line weights (10 x 22.5 LBS)', () => {
		const input = simple();
		input.Delivery.GrossWeight = { Amount: 225, Unit: 'LBS' };
		expect(issuesOf(input)).toEqual([]);
	});

	it('accepts the same gross weight given in kilograms', () => {
		const input = simple();
		input.Delivery.GrossWeight = { Amount: 102.0583, Unit: 'KG' };
		expect(issuesOf(input)).toEqual([]);
	});

	it('rejects a gross weight below the sum of the line weights', () => {
		const input = simple();
		input.Delivery.GrossWeight = { Amount: 224.9, Unit: 'LBS' };
		expect(issuePaths(input)).toEqual(['Delivery.GrossWeight']);
	});

	it('requires a description of the goods (15 CFR 30.6(a)(13))', () => {
		const input = simple();
		input.Delivery.Items[0].Description = ' ';
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].Description']);
	});

	it('requires at least one item', () => {
		const input = simple();
		input.Delivery.Items = [];
		expect(issuePaths(input)).toEqual(['Delivery.Items']);
	});
});

describe('parseAesRequest: ReportingQuantity and SecondReportingQuantity (seed 001)', () => {
	it('rejects a ReportingQuantity without a unit', () => {
		const input = structuredClone(multipleReporting) as Json;
		delete input.Delivery.Items[0].ReportingQuantity.Unit;
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].ReportingQuantity.Unit']);
	});

	it('rejects a ReportingQuantity of 0', () => {
		const input = structuredClone(multipleReporting) as Json;
		input.Delivery.Items[0].ReportingQuantity.Amount = 0;
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].ReportingQuantity.Amount']);
	});

	it('rejects a SecondReportingQuantity without a ReportingQuantity', () => {
		const input = structuredClone(multipleReporting) as Json;
		delete input.Delivery.Items[0].ReportingQuantity;
		expect(issuePaths(input)).toEqual(['Delivery.Items[0].SecondReportingQuantity']);
	});

	it('accepts a ReportingQuantity alone', () => {
		const input = structuredClone(multipleReporting) as Json;
		delete input.Delivery.Items[0].SecondReportingQuantity;
		expect(issuesOf(input)).toEqual([]);
	});
});

describe('parseAesRequest: parties (seed 001; 15 CFR 30.6(a)(1), (a)(3), (b)(2))', () => {
	it('accepts an EIN of 9 digits without the dash', () => {
		const input = simple();
		input.Delivery.Shipper.Payor.TaxIds[0].Number = '881234567';
		expect(issuesOf(input)).toEqual([]);
	});

	it('rejects an EIN of 8 digits', () => {
		const input = simple();
		input.Delivery.Shipper.Payor.TaxIds[0].Number = '88-123456';
		expect(issuePaths(input)).toEqual(['Delivery.Shipper.Payor.TaxIds[0].Number']);
	});

	it('rejects an EIN with the dash in the wrong place', () => {
		const input = simple();
		input.Delivery.Shipper.Payor.TaxIds[0].Number = '881-234567';
		expect(issuePaths(input)).toEqual(['Delivery.Shipper.Payor.TaxIds[0].Number']);
	});

	it('requires the USPPI tax ids', () => {
		const input = simple();
		delete input.Delivery.Shipper.Payor;
		expect(issuePaths(input)).toEqual(['Delivery.Shipper.Payor.TaxIds']);
	});

	it('requires an EIN among the USPPI tax ids', () => {
		const input = simple();
		input.Delivery.Shipper.Payor.TaxIds[0].TaxIdType = 'D';
		expect(issuePaths(input)).toEqual(['Delivery.Shipper.Payor.TaxIds']);
	});

	it('requires the state of origin of the USPPI (15 CFR 30.6(a)(4))', () => {
		const input = simple();
		delete input.Delivery.Shipper.Subdivision;
		expect(issuePaths(input)).toEqual(['Delivery.Shipper.Subdivision']);
	});

	it('requires a consignee name: Company or Contact', () => {
		const input = simple();
		delete input.Delivery.ShipTo.Company;
		delete input.Delivery.ShipTo.Contact;
		expect(issuePaths(input)).toEqual(['Delivery.ShipTo.Company']);
	});

	it('accepts SoldTo together with ShipTo (ShipTo is then the intermediate consignee)', () => {
		const input = simple();
		input.Delivery.SoldTo = { ...input.Delivery.ShipTo, Company: 'Ultimate SARL', Country: 'FR', City: 'Nice' };
		expect(issuesOf(input)).toEqual([]);
	});

	it('rejects SoldTo without ShipTo', () => {
		const input = simple();
		input.Delivery.SoldTo = input.Delivery.ShipTo;
		delete input.Delivery.ShipTo;
		expect(issuesOf(input)).toEqual([expect.stringMatching(/^Delivery\.ShipTo: is required when SoldTo is given/)]);
	});

	it('requires a ShipTo', () => {
		const input = simple();
		delete input.Delivery.ShipTo;
		expect(issuePaths(input)).toEqual(['Delivery.ShipTo']);
	});
});

describe('parseAesRequest: EeiTransactionNumber (seed 001; 15 CFR 30.6(a)(19))', () => {
	it('requires the EeiTransactionNumber', () => {
		const input = simple();
		delete input.Delivery.International.EeiTransactionNumber;
		expect(issuePaths(input)).toEqual(['Delivery.International.EeiTransactionNumber']);
	});

	it('accepts 17 letters and digits', () => {
		const input = simple();
		input.Delivery.International.EeiTransactionNumber = 'ABCDEFGHIJ1234567';
		expect(issuesOf(input)).toEqual([]);
	});

	it('rejects 18 characters', () => {
		const input = simple();
		input.Delivery.International.EeiTransactionNumber = 'ABCDEFGHIJ12345678';
		expect(issuePaths(input)).toEqual(['Delivery.International.EeiTransactionNumber']);
	});

	it('rejects punctuation', () => {
		const input = simple();
		input.Delivery.International.EeiTransactionNumber = 'ABC-123';
		expect(issuePaths(input)).toEqual(['Delivery.International.EeiTransactionNumber']);
	});
});

describe('parseAesRequest: void', () => {
	it('needs only the transaction number', () => {
		const request = parseAesRequest({
			TransactionType: 'void',
			Delivery: { International: { EeiTransactionNumber: 'GloballyUniqueNo1' } },
		});
		expect(request.Delivery).toEqual({ International: { EeiTransactionNumber: 'GloballyUniqueNo1' } });
	});

	it('is not blocked by faults in the Delivery it cancels', () => {
		const input = simple();
		input.TransactionType = 'void';
		input.Delivery.Items[0].HarmonizedCode = 'bad';
		expect(issuesOf(input)).toEqual([]);
	});

	it('still requires the transaction number', () => {
		expect(issuePaths({ TransactionType: 'void', Delivery: { International: {} } })).toEqual([
			'Delivery.International.EeiTransactionNumber',
		]);
	});
});
