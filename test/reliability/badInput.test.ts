/**
 * Bad input, nothing lost (issue 7, item 1): fast-check generates shipments, EasyPost AES
 * Deliveries, Shipium label requests, void requests and customs entry ids, valid and broken
 * (wrong types, missing and extra fields, huge and negative numbers, unicode, very long
 * strings, thousands of lines). Every node runs them in the real engine with continue on
 * fail, HTTP nodes against the sandbox: no exception escapes, every input item yields exactly
 * one output or error item in order, and an error about the input names the field.
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import canonicalShipment from '../fixtures/easypost/canonical-shipment.json';
import type { CredentialStore } from '../harness';
import { CREDENTIAL_IDS, NODE_TYPES, carrierLabel, derivedFiling, probeSandbox, runNode, sandboxCredentials, table, type NodeRun } from './support';

type Json = unknown;
type Path = Array<string | number>;

const LONG = 'Ω'.repeat(50_000) + 'x'.repeat(50_000);
const UNICODE = ['𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ 💥', 'مرحبا', '\u202eevil\u202c', 'null\u0000byte', 'é'.normalize('NFD'), '\ud83d', '漢字かな'];

/** A value of the wrong kind, out of range or odd: what a careless upstream node produces. */
const junk: fc.Arbitrary<Json> = fc.oneof(
	fc.constantFrom(null, true, false, 0, -1, -0.0001, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 31), 1e21, '', ' ', LONG, ...UNICODE),
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

type Mutation = { kind: 'set'; at: number; value: Json } | { kind: 'delete'; at: number } | { kind: 'extra'; at: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: junk }),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('extra' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'Delivery', 'items')), value: junk }),
);

/** Every path in a document (objects, arrays and leaves), the root excluded. */
function paths(value: Json, prefix: Path = []): Path[] {
	if (value === null || typeof value !== 'object') return [];
	const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
	return entries.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

function parentOf(root: Json, path: Path): Record<string | number, Json> | undefined {
	let node = root as Record<string | number, Json>;
	for (const key of path.slice(0, -1)) {
		if (node === null || typeof node !== 'object') return undefined;
		node = node[key] as Record<string | number, Json>;
	}
	return node !== null && typeof node === 'object' ? node : undefined;
}

/** Applies the mutations to a copy; returns it and the paths touched, in the item's own notation. */
function mutate(base: Json, mutations: Mutation[]): { document: IDataObject; touched: Path[] } {
	const document = structuredClone(base) as IDataObject;
	const touched: Path[] = [];
	for (const change of mutations) {
		const all = paths(document);
		if (all.length === 0) break;
		const path = all[change.at % all.length];
		const parent = parentOf(document, path);
		if (!parent) continue;
		const key = path[path.length - 1];
		if (change.kind === 'set') parent[key] = change.value;
		else if (change.kind === 'delete') {
			if (Array.isArray(parent)) parent.splice(Number(key), 1);
			else delete parent[key];
		} else {
			const target = parent[key];
			if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
				Object.defineProperty(target, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
			}
		}
		touched.push(path);
	}
	return { document, touched };
}

/** Names a field: "<path>: <what is wrong>", the path such as `items[0].value`, `Delivery.Items` or `exportDate` (`(item)`: the whole item). */
const FIELD = /(^|\n|: )(\(item\)|[A-Za-z_$][\w$]*(\[\d+\])*(\.[A-Za-z_$][\w$]*(\[\d+\])*)*): \S/;

interface Tally {
	runs: number;
	items: number;
	ok: number;
	errors: number;
	providerErrors: number;
	/** Input errors that name one of the fields the generator broke. */
	namedBrokenField: number;
}

const tallies = new Map<string, Tally>();

function tally(node: string): Tally {
	let entry = tallies.get(node);
	if (!entry) tallies.set(node, (entry = { runs: 0, items: 0, ok: 0, errors: 0, providerErrors: 0, namedBrokenField: 0 }));
	return entry;
}

/**
 * The promise for one run: no run error, one item out per item in, paired in order, and every
 * error item names a field (provider answers aside: they carry the provider's own words).
 */
function checkRun(node: string, inputs: IDataObject[], result: { error?: unknown; items: INodeExecutionData[] }, touched: Path[][] = []): void {
	const count = tally(node);
	count.runs++;
	count.items += inputs.length;
	expect({ node, escaped: result.error ? String((result.error as Error).message) : undefined }).toEqual({ node, escaped: undefined });
	expect({ node, itemsOut: result.items.length }).toEqual({ node, itemsOut: inputs.length });
	expect({ node, pairedItems: result.items.map((item) => (item.pairedItem as { item: number } | undefined)?.item) }).toEqual({
		node,
		pairedItems: inputs.map((_, index) => index),
	});
	result.items.forEach((item, index) => {
		const json = item.json as IDataObject & { aes?: IDataObject; shipium?: IDataObject };
		if (json.error === undefined) {
			count.ok++;
			return;
		}
		count.errors++;
		if (typeof json.error !== 'string' || json.error.trim() === '') throw new Error(`${node}: error item ${index} without a message`);
		// An answer from the provider (sandbox) is judged by the fault matrix; here the input is.
		if (json.httpCode !== undefined || json.aes?.httpStatus || json.shipium?.httpStatus) {
			count.providerErrors++;
			return;
		}
		const text = `${json.error}\n${String(json.errorDescription ?? '')}`;
		if (!FIELD.test(text)) throw new Error(`${node}: error item ${index} names no field: ${text.slice(0, 300)}`);
		const keys = (touched[index] ?? []).flatMap((path) => path.filter((key): key is string => typeof key === 'string'));
		if (keys.some((key) => key.length > 1 && text.includes(key))) count.namedBrokenField++;
	});
}

/** A fast-check property over batches of 1-4 mutated documents, run through one node. */
function batches(base: () => Json, maxMutations = 3) {
	return fc.array(fc.array(mutation, { maxLength: maxMutations }), { minLength: 1, maxLength: 4 }).map((batch) => batch.map((mutations) => mutate(base(), mutations)));
}

let sandbox: Sandbox;
let store: CredentialStore;
let reference = 0;

beforeAll(async () => {
	sandbox = await probeSandbox({ flexport: { entries: 3 } });
	store = sandboxCredentials(sandbox.urls);
});

afterAll(async () => {
	await sandbox.close();
	const rows = [...tallies.entries()].map(([node, t]) => [node, String(t.runs), String(t.items), String(t.ok), String(t.errors), String(t.providerErrors), String(t.namedBrokenField)]);
	const total = [...tallies.values()].reduce((sum, t) => sum + t.items, 0);
	console.log(`${table('Bad input: generated items per node (continue on fail)', ['node', 'runs', 'items tried', 'ok', 'error items', 'of which provider answers', 'naming a broken field'], rows)}\nitems tried in all: ${total}; escaped exceptions: 0; items lost: 0`);
});

const check = (parameters: INodeParameters = {}): NodeRun => ({ type: NODE_TYPES.check, parameters, continueOnFail: true });
const fileAes: NodeRun = { type: NODE_TYPES.file, parameters: { aesOptions: { timeoutSeconds: 5 } }, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi }, continueOnFail: true };
const fileShipium: NodeRun = {
	type: NODE_TYPES.file,
	parameters: { filingMethod: 'shipium', shipiumOptions: { timeoutSeconds: 5 } },
	credentials: { shipiumApi: CREDENTIAL_IDS.shipiumApi },
	continueOnFail: true,
};

async function property(node: string, run: NodeRun, base: () => Json, numRuns: number): Promise<void> {
	await fc.assert(
		fc.asyncProperty(batches(base), async (batch) => {
			const inputs = batch.map((entry) => entry.document);
			checkRun(
				node,
				inputs,
				await runNode(run, inputs, store),
				batch.map((entry) => entry.touched),
			);
		}),
		{ numRuns, seed: 7, endOnFailure: true },
	);
}

describe('bad input: every node, continue on fail, generated items', () => {
	test('Check EEI Requirement: canonical shipments', async () => {
		await property('Check EEI Requirement (shipment)', check(), () => canonicalShipment, 150);
	});

	test('Check EEI Requirement: EasyPost AES Deliveries', async () => {
		await property('Check EEI Requirement (Delivery)', check({ format: 'easypostDelivery' }), () => derivedFiling('SO-1'), 80);
	});

	test('Check EEI Requirement: Shipium label requests', async () => {
		await property('Check EEI Requirement (Shipium)', check({ format: 'shipiumLabelRequest' }), carrierLabel, 80);
	});

	test('Check EEI Requirement: anything at all as an item', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), { minLength: 1, maxLength: 5 }), async (items) => {
				checkRun('Check EEI Requirement (anything)', items as IDataObject[], await runNode(check(), items as IDataObject[], store));
			}),
			{ numRuns: 80, seed: 11 },
		);
	});

	test('File EEI (EasyPost AES): Deliveries, against the sandbox', async () => {
		await property('File EEI (AES)', fileAes, () => derivedFiling(`BAD-${++reference}`), 60);
	});

	test('File EEI (Shipium): label requests, against the sandbox', async () => {
		await property('File EEI (Shipium)', fileShipium, carrierLabel, 50);
	});

	test('Void EEI: items with a number, File EEI output or a Delivery, broken', async () => {
		const base = () => ({ orderId: 'SO-1', aes: { status: 'accepted', transactionNumber: `VOIDBAD${++reference}`, environment: 'test' }, ...derivedFiling(`VB-${reference}`) });
		await property('Void EEI', { type: NODE_TYPES.void, credentials: { easyPostApi: CREDENTIAL_IDS.easyPostApi }, continueOnFail: true }, base, 50);
	});

	test('Get Customs Entry: ids of every type and length, from an expression', async () => {
		const run: NodeRun = {
			type: NODE_TYPES.get,
			parameters: { resource: 'customsEntry', operation: 'get', customsEntryId: '={{ $json.id }}' },
			credentials: { flexportApi: CREDENTIAL_IDS.flexportApi },
			continueOnFail: true,
		};
		await fc.assert(
			fc.asyncProperty(fc.array(fc.oneof(junk, fc.constant(String(sandbox.control.entries()[0].id))), { minLength: 1, maxLength: 4 }), async (ids) => {
				const items = ids.map((id) => ({ id }) as IDataObject);
				checkRun('Get Customs Entry', items, await runNode(run, items, store));
			}),
			{ numRuns: 50, seed: 13 },
		);
	});
});

describe('bad input: thousands of lines and items', () => {
	function lines(count: number, broken: number[]): IDataObject {
		const items = Array.from({ length: count }, (_, index) => ({ commodityCode: '6910.10.0010', value: 10 + (index % 7), quantity: 1, originCountry: 'US' }));
		for (const index of broken) (items[index] as IDataObject).value = index % 2 === 0 ? 'twelve' : -5;
		return { ...structuredClone(canonicalShipment), items } as IDataObject;
	}

	test('a shipment of 5,000 lines is decided; a bad line among them is named by its index', async () => {
		const result = await runNode(check(), [lines(5000, []), lines(5000, [4321])], store);
		checkRun('Check EEI Requirement (5,000 lines)', [{}, {}], result);
		expect((result.items[0].json.eei as IDataObject).required).toBe(true);
		expect(result.items[1].json.error).toMatch(/items\[4321\]\.value/);
	});

	test('3,000 items, one in ten broken, give 3,000 items out in order', async () => {
		const inputs = Array.from({ length: 3000 }, (_, index) => {
			const { document } = mutate(canonicalShipment, index % 10 === 3 ? [{ kind: 'set', at: index * 7, value: index % 3 === 0 ? -1e21 : LONG.slice(0, 300) }] : []);
			return document;
		});
		const result = await runNode(check(), inputs, store);
		checkRun('Check EEI Requirement (3,000 items)', inputs, result);
		expect(result.items).toHaveLength(3000);
	});

	test('a Delivery of 2,000 lines with a wrong HarmonizedCode is refused before sending, naming the line', async () => {
		const filing = derivedFiling('SO-2000-LINES') as { Delivery: { Items: IDataObject[] } };
		const line = filing.Delivery.Items[0];
		filing.Delivery.Items = Array.from({ length: 2000 }, () => ({ ...line }));
		filing.Delivery.Items[1234].HarmonizedCode = '12';
		const before = sandbox.state.requests.length;
		const result = await runNode(fileAes, [filing as unknown as IDataObject], store);
		checkRun('File EEI (AES, 2,000 lines)', [{}], result);
		expect(result.items[0].json.error).toMatch(/Items\[1234\]\.HarmonizedCode/);
		expect(sandbox.state.requests.length).toBe(before);
	});
});

describe('bad input beyond what the model holds (issue 12, point 4): an error naming the field, nothing else lost', () => {
	const valid = () => structuredClone(canonicalShipment) as IDataObject;
	const withLine = (line: IDataObject, extra: IDataObject = {}): IDataObject => ({ ...valid(), ...extra, items: [{ commodityCode: '6910.10.0010', originCountry: 'US', ...line }] });
	/** `{ x: { x: ... } }`, `levels` objects deep. */
	function nested(levels: number): IDataObject {
		const root: IDataObject = {};
		let node = root;
		for (let i = 0; i < levels; i++) node = node.x = {};
		return root;
	}
	/** A 6,000,000-character ECCN in the 738.2 form: its pattern overflowed the regular-expression stack. */
	const HUGE_ECCN = `5A992${'.a'.repeat(3_000_000)}`;

	test.each([
		['unitValue 1e200 x quantity 1e200', withLine({ unitValue: 1e200, quantity: 1e200 }), /items\[0\]\.unitValue: unitValue x quantity is over/, 'unitValue'],
		['a huge EUR value after conversion', withLine({ value: 1e307 }, { currency: 'EUR', exchangeRate: 1.08 }), /items\[0\]\.value: the line value after conversion/, 'value'],
		['an ECCN of 6 million characters', withLine({ value: 10, eccn: HUGE_ECCN }), /items\[0\]\.eccn: must be an ECCN/, 'eccn'],
		['a Delivery nested 6,000 levels deep', { Delivery: { ...(derivedFiling('DEEP-1').Delivery as IDataObject), Extra: nested(6000) } }, /Delivery\.Extra(\.x)+: is nested more than 64 levels/, 'Extra'],
	])('Check EEI Requirement: %s', async (_name, bad, message, broken) => {
		const inputs = [bad, valid()];
		const result = await runNode(check(), inputs, store);
		checkRun('Check EEI Requirement (beyond limits)', inputs, result, [[[broken]], []]);
		expect(String(result.items[0].json.error)).toMatch(message);
		expect(String(result.items[0].json.error).length).toBeLessThan(2000);
		expect((result.items[1].json.eei as IDataObject).required).toBe(true);
	});

	test('File EEI (AES): a Delivery nested 6,000 levels deep is refused before sending, the next item is filed', async () => {
		const deep = derivedFiling('DEEP-AES-1') as { Delivery: IDataObject };
		(deep.Delivery.Shipper as IDataObject).Extra = nested(6000);
		const inputs = [deep as unknown as IDataObject, derivedFiling('DEEP-AES-2')];
		const before = sandbox.state.requests.length;
		const result = await runNode(fileAes, inputs, store);
		checkRun('File EEI (AES, beyond limits)', inputs, result, [[['Extra']], []]);
		expect(String(result.items[0].json.error)).toMatch(/Delivery\.Shipper\.Extra(\.x)+: is nested more than 64 levels/);
		expect((result.items[1].json.aes as IDataObject).status).toBe('accepted');
		expect(sandbox.state.requests.length).toBe(before + 1);
	});

	test('File EEI (Shipium): an ECCN of 6 million characters and a request nested 6,000 levels deep are refused before sending', async () => {
		const hugeEccn = carrierLabel() as { shipmentParameters: { customsInfo: { customsItems: Array<{ electronicExportCommodityInformation: IDataObject }> } } };
		hugeEccn.shipmentParameters.customsInfo.customsItems[0].electronicExportCommodityInformation.eccnNumber = HUGE_ECCN;
		const deep = { ...carrierLabel(), notes: nested(6000) };
		const inputs = [hugeEccn as unknown as IDataObject, deep, carrierLabel()];
		const before = sandbox.state.requests.length;
		const result = await runNode(fileShipium, inputs, store);
		checkRun('File EEI (Shipium, beyond limits)', inputs, result, [[['eccnNumber']], [['notes']], []]);
		expect(String(result.items[0].json.error)).toMatch(/customsItems\[0\]\.electronicExportCommodityInformation\.eccnNumber: must be an ECCN/);
		expect(String(result.items[1].json.error)).toMatch(/notes(\.x)+: is nested more than 64 levels/);
		expect(result.items[2].json.error).toBeUndefined();
		expect(sandbox.state.requests.length).toBe(before + 1);
	});
});

test('the figures name every node', () => {
	// The tally is printed after all; here it only has to exist for every node that ran.
	expect([...tallies.keys()].length).toBeGreaterThanOrEqual(8);
	for (const [node, t] of tallies) expect({ node, everyItemAccounted: t.ok + t.errors === t.items }).toEqual({ node, everyItemAccounted: true });
});
