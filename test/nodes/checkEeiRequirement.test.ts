/**
 * Check EEI Requirement in the real n8n engine (n8n-core WorkflowExecute, package loaded from
 * dist/ like an installed community package).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import simpleFilingDelivery from '../fixtures/easypost/simple-filing.json';
import shipiumLabelRequest from '../fixtures/shipium/label-request.json';
import noEeiCustomsInfo from '../fixtures/shipium/no-eei-required.customs-info.json';
import { runWorkflow, singleNodeWorkflow } from '../harness';

const NODE = 'Check EEI Requirement';

async function check(items: IDataObject[], parameters: INodeParameters = {}, continueOnFail = false) {
	const workflow = singleNodeWorkflow(
		{ name: NODE, type: 'n8n-nodes-us-customs.checkEeiRequirement', parameters, ...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}) },
		items,
	);
	return await runWorkflow(workflow);
}

const laptopsToGermany = {
	orderId: 'SO-1',
	origin: { country: 'US', state: 'IL' },
	destination: { country: 'DE' },
	modeOfTransport: 'air',
	departureTime: '2026-11-23T18:00:00Z',
	items: [{ commodityCode: '8471.30.0100', unitValue: 850, quantity: 4 }],
};

const shirtsToJapan = (value: number, consignee = 'Tokyo Trading KK') => ({
	origin: { country: 'US' },
	destination: { country: 'JP' },
	exportDate: '2026-11-23',
	usppi: { name: 'Needful Things, Inc.', ein: '88-1234567' },
	consignee: { name: consignee, country: 'JP' },
	items: [{ commodityCode: '6109.10.0012', value }],
});

describe('Check EEI Requirement node', () => {
	test('keeps the item and adds the determination under `eei` (15 CFR 30.37(a): $3,400 of one code is reportable)', async () => {
		const result = await check([laptopsToGermany]);
		const [item] = result.output(NODE);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ orderId: 'SO-1', items: laptopsToGermany.items });
		expect(item.json.eei).toMatchObject({
			required: true,
			legend: null,
			reportableLines: [{ commodityCode: '8471300100', originIndicator: 'D', value: 3400, items: [0] }],
			filingDeadline: { mode: 'air', hoursBefore: 2, fileBy: '2026-11-23T16:00:00.000Z', citation: '15 CFR 30.4(b)(2)(ii)' },
		});
		expect((item.json.eei as IDataObject).ruleSet).toHaveProperty('effectiveDate');
	});

	test('an exempt shipment carries its legend so an IF node can branch on eei.required (15 CFR 30.37(a))', async () => {
		const [item] = (await check([shirtsToJapan(2500)])).output(NODE);
		expect(item.json.eei).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)', reportableLines: [] });
		expect((item.json.eei as { reasons: Array<{ citation: string }> }).reasons.map((r) => r.citation)).toContain('15 CFR 30.37(a)');
	});

	test('writes the determination to the configured output field', async () => {
		const [item] = (await check([laptopsToGermany], { outputField: 'exportCheck' })).output(NODE);
		expect(item.json).toHaveProperty('exportCheck.required', true);
		expect(item.json).not.toHaveProperty('eei');
	});

	test('reads the shipment from the JSON parameter, evaluated per item', async () => {
		const items = [{ order: laptopsToGermany }, { order: shirtsToJapan(100) }];
		const output = (await check(items, { source: 'parameter', shipmentJson: '={{ $json.order }}' })).output(NODE);
		expect(output.map((item) => (item.json.eei as IDataObject).required)).toEqual([true, false]);
		expect(output[1].json).toHaveProperty('order');
	});

	test('accepts an EasyPost AES Delivery: 10 × $251 of 6910.10.0010 is $2,510, over $2,500 (seed 001, 15 CFR 30.37(a))', async () => {
		const [item] = (await check([simpleFilingDelivery as IDataObject])).output(NODE);
		expect(item.json).toHaveProperty('Delivery');
		expect(item.json.eei).toMatchObject({ required: true, reportableLines: [{ commodityCode: '6910100010', value: 2510 }] });
	});

	test('accepts a Shipium label request to Canada and applies the Canada exemption (seed 003, 15 CFR 30.36)', async () => {
		const [item] = (await check([shipiumLabelRequest as IDataObject], { format: 'shipiumLabelRequest' })).output(NODE);
		expect(item.json.eei).toHaveProperty('required');
		expect((item.json.eei as { reasons: Array<{ citation: string }> }).reasons.length).toBeGreaterThan(0);
	});

	test('completes a bare Shipium customsInfo with the facts it lacks (origin and destination)', async () => {
		const [item] = (
			await check([noEeiCustomsInfo as IDataObject], {
				format: 'shipiumCustomsInfo',
				facts: { originCountry: 'US', originState: 'CO', destinationCountry: 'DE' },
			})
		).output(NODE);
		expect(item.json.eei).toMatchObject({ required: false, legend: 'NOEEI 30.37(a)' });
	});

	test('bad input stops the run with an error naming the item and the field path', async () => {
		const bad = { ...laptopsToGermany, items: [{ commodityCode: '8471', value: 10 }] };
		const result = await check([laptopsToGermany, bad]);
		expect(result.error?.message).toMatch(/Item 1/);
		expect(result.error?.message).toMatch(/items\[0\]\.commodityCode/);
	});

	test('with continue on fail, every input item yields one output item, bad ones as error items naming the field', async () => {
		const items = [
			laptopsToGermany,
			{ ...laptopsToGermany, destination: {} },
			{ ...laptopsToGermany, items: [] },
			{ ...laptopsToGermany, items: [{ commodityCode: '8471300100', value: -5 }] },
			{ ...laptopsToGermany, destination: { country: 'XX' } },
			{ ...laptopsToGermany, currency: 'EUR' },
			shirtsToJapan(10),
		];
		const output = (await check(items, {}, true)).output(NODE);
		expect(output).toHaveLength(items.length);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, index) => ({ item: index })));
		expect(output[0].json.eei).toHaveProperty('required', true);
		expect(output[6].json.eei).toHaveProperty('required', false);
		const errors = output.slice(1, 6).map((item) => String(item.json.error));
		expect(errors[0]).toMatch(/Item 1.*destination\.country/);
		expect(errors[1]).toMatch(/Item 2.*items/);
		expect(errors[2]).toMatch(/Item 3.*items\[0\]\.value/);
		expect(errors[3]).toMatch(/Item 4.*destination\.country/);
		expect(errors[4]).toMatch(/Item 5.*exchangeRate/);
	});

	test('with "continue (using error output)", bad items go to the error output and good ones to the main output', async () => {
		const workflow = singleNodeWorkflow(
			{ name: NODE, type: 'n8n-nodes-us-customs.checkEeiRequirement', parameters: {}, onError: 'continueErrorOutput' },
			[laptopsToGermany, { ...laptopsToGermany, destination: {} }, shirtsToJapan(10)],
		);
		const result = await runWorkflow(workflow);
		expect(result.output(NODE, 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		const errors = result.output(NODE, 1);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(errors[0].json.error).toMatch(/Item 1.*destination\.country/);
		// n8n adds the input item's fields to an error-output item; the detail stays under `details`.
		expect(errors[0].json).toMatchObject({ orderId: 'SO-1', details: { errorDescription: expect.stringMatching(/destination\.country/) } });
	});

	test('an item that is not JSON of a known format is refused by name', async () => {
		const output = (await check([{ hello: 'world' }], {}, true)).output(NODE);
		expect(output[0].json.error).toMatch(/Item 0.*recognised shipment/i);
	});
});

describe('Check EEI Requirement node, grouping items into shipments (15 CFR 30.1 "shipment")', () => {
	test('two orders to one consignee on one day are summed: $1,500 + $1,500 of one code needs EEI (15 CFR 30.37(a))', async () => {
		const output = (await check([shirtsToJapan(1500), shirtsToJapan(1500)], { groupIntoShipments: true })).output(NODE);
		expect(output).toHaveLength(2);
		for (const item of output) {
			expect(item.json.eei).toMatchObject({ required: true, shipmentGroup: { items: [0, 1] } });
		}
		expect((output[0].json.eei as IDataObject).shipmentGroup).toEqual((output[1].json.eei as IDataObject).shipmentGroup);
		expect(output[0].json.eei).toMatchObject({ reportableLines: [{ value: 3000, items: [0, 1] }] });
	});

	test('the same orders decided per item stay under the threshold', async () => {
		const output = (await check([shirtsToJapan(1500), shirtsToJapan(1500)])).output(NODE);
		expect(output.map((item) => (item.json.eei as IDataObject).required)).toEqual([false, false]);
	});

	test('orders to different consignees are separate shipments, each with its own key', async () => {
		const output = (await check([shirtsToJapan(1500), shirtsToJapan(1500, 'Osaka Imports KK')], { groupIntoShipments: true })).output(NODE);
		const groups = output.map((item) => (item.json.eei as { shipmentGroup: { key: string; items: number[] } }).shipmentGroup);
		expect(groups[0].items).toEqual([0]);
		expect(groups[1].items).toEqual([1]);
		expect(groups[0].key).not.toEqual(groups[1].key);
		expect(output.map((item) => (item.json.eei as IDataObject).required)).toEqual([false, false]);
	});

	test('a bad item becomes an error item and the others are still grouped and decided', async () => {
		const items = [shirtsToJapan(1500), { ...shirtsToJapan(1500), items: [{ commodityCode: 'abc', value: 1 }] }, shirtsToJapan(1500)];
		const output = (await check(items, { groupIntoShipments: true }, true)).output(NODE);
		expect(output).toHaveLength(3);
		expect(output[1].json.error).toMatch(/Item 1.*items\[0\]\.commodityCode/);
		expect(output[0].json.eei).toMatchObject({ required: true, shipmentGroup: { items: [0, 2] } });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('Check EEI Requirement: code problems surface as warnings before filing (eei.codeWarnings)', () => {
	test('an item whose codes are all in the tables carries an empty codeWarnings', async () => {
		const [item] = (await check([laptopsToGermany])).output(NODE);
		expect((item.json.eei as IDataObject).codeWarnings).toEqual([]);
	});

	test('a Schedule B number whose HS subheading does not exist is a warning naming the field, the value and the table, and the item is still decided', async () => {
		const typo = { ...laptopsToGermany, items: [{ commodityCode: '8471.39.0100', unitValue: 850, quantity: 4 }] };
		const [item] = (await check([typo])).output(NODE);
		expect(item.json.eei).toMatchObject({
			required: true,
			codeWarnings: [
				{ field: 'items[0].commodityCode', value: '8471390100', table: 'hsSubheadings', message: expect.stringMatching(/8471\.39 is not a subheading of HS 2022/) },
			],
		});
	});

	test("an EasyPost Delivery's unknown port and export information code are reported at their Delivery paths", async () => {
		const delivery = structuredClone(simpleFilingDelivery) as { Delivery: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
		delivery.Delivery.International.PortOfExportCode = '9999';
		delivery.Delivery.Items[0].ExportInformationCode = 'ZZ';
		const [item] = (await check([delivery as IDataObject], { facts: { exportDate: '2026-11-23' } })).output(NODE);
		expect(((item.json.eei as IDataObject).codeWarnings as IDataObject[]).map((w) => [w.field, w.value, w.table])).toEqual([
			['Delivery.International.PortOfExportCode', '9999', 'portsOfExport'],
			['Delivery.Items[0].ExportInformationCode', 'ZZ', 'exportInformationCodes'],
		]);
	});

	test('grouped into shipments, each item keeps its own code warnings', async () => {
		const typo = { ...shirtsToJapan(1500), items: [{ commodityCode: '6109.99.0012', value: 1500 }] };
		const output = (await check([shirtsToJapan(1500), typo], { groupIntoShipments: true })).output(NODE);
		expect(output.map((item) => ((item.json.eei as IDataObject).codeWarnings as IDataObject[]).length)).toEqual([0, 1]);
	});
});
