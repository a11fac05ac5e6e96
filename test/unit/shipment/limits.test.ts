/**
 * Inputs beyond what the model can hold (issue 12, point 4): each is an error naming the field,
 * never a decision made on Infinity or a "Maximum call stack size exceeded".
 */
import { InputValidationError } from '../../../src/errors';
import { toCanonicalShipment } from '../../../src/adapters';
import { MAX_DOCUMENT_DEPTH } from '../../../src/adapters/documentDepth';
import { parseShipment } from '../../../src/shipment/model';
import { MAX_ECCN_LENGTH } from '../../../src/shipment/normalize';

const base = { origin: { country: 'US' }, destination: { country: 'DE' }, exportDate: '2026-12-01' };

function issuesOf(run: () => unknown): Array<{ path: string; message: string }> {
	try {
		run();
	} catch (error) {
		if (error instanceof InputValidationError) return error.issues;
		throw error;
	}
	throw new Error('no error');
}

describe('line values too large to hold to the cent', () => {
	test('unitValue 1e200 x quantity 1e200 is refused at unitValue, not decided as $Infinity', () => {
		const issues = issuesOf(() => parseShipment({ ...base, items: [{ commodityCode: '8471300100', unitValue: 1e200, quantity: 1e200 }] }));
		expect(issues).toEqual([{ path: 'items[0].unitValue', message: expect.stringMatching(/^unitValue x quantity is over the largest amount/) }]);
	});

	test('a EUR value that overflows after conversion is refused at value', () => {
		const issues = issuesOf(() => parseShipment({ ...base, currency: 'EUR', exchangeRate: 1.08, items: [{ commodityCode: '8471300100', value: 1.7e308 }] }));
		expect(issues).toEqual([{ path: 'items[0].value', message: expect.stringMatching(/after conversion at exchangeRate/) }]);
	});

	test('a value just over 2^53 cents is refused; one at $1 billion is accepted', () => {
		expect(issuesOf(() => parseShipment({ ...base, items: [{ commodityCode: '8471300100', value: 9.1e13 }] }))[0].path).toBe('items[0].value');
		expect(parseShipment({ ...base, items: [{ commodityCode: '8471300100', value: 1e9 }] }).items[0].value).toBe(1e9);
	});

	test('an EasyPost Delivery whose UnitValue x PackQuantity overflows names its own field', () => {
		const delivery = {
			Delivery: {
				Shipper: { Country: 'US' },
				ShipTo: { Country: 'DE' },
				Items: [{ HarmonizedCode: '8471300100', UnitValue: { Amount: 1e200, Currency: 'USD' }, PackQuantity: 1e200, Description: 'x' }],
			},
		};
		const issues = issuesOf(() => toCanonicalShipment(delivery, 'auto', { exportDate: '2026-12-01' }));
		expect(issues.map((issue) => issue.path)).toEqual([expect.stringMatching(/^Delivery\.Items\[0\]\./)]);
	});
});

describe('an ECCN of millions of characters', () => {
	test('is refused naming the field, the value not repeated whole', () => {
		const eccn = `5A992${'.a'.repeat(3_000_000)}`;
		const issues = issuesOf(() => parseShipment({ ...base, items: [{ commodityCode: '8471300100', value: 10, eccn }] }));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toBe('items[0].eccn');
		expect(issues[0].message.length).toBeLessThan(200);
	});

	test(`an ECCN of ${MAX_ECCN_LENGTH} characters in the 738.2 form is accepted`, () => {
		const eccn = `5A992${'.a'.repeat((MAX_ECCN_LENGTH - 5) / 2)}`.slice(0, MAX_ECCN_LENGTH);
		expect(parseShipment({ ...base, items: [{ commodityCode: '8471300100', value: 10, eccn }] }).items[0].eccn).toBe(eccn);
	});
});

describe('documents nested thousands of levels deep', () => {
	function nested(levels: number): Record<string, unknown> {
		const root: Record<string, unknown> = {};
		let node = root;
		for (let i = 0; i < levels; i++) node = node.x = {} as Record<string, unknown>;
		return root;
	}

	test('a Delivery nested 6,000 levels deep is refused at the path where it gets too deep', () => {
		const issues = issuesOf(() => toCanonicalShipment({ Delivery: { Shipper: { Country: 'US', Extra: nested(6000) } } }));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toMatch(/^Delivery\.Shipper\.Extra(\.x)+$/);
		expect(issues[0].path.split('.')).toHaveLength(MAX_DOCUMENT_DEPTH);
		expect(issues[0].message).toMatch(/nested more than 64 levels/);
	});

	test(`a document ${MAX_DOCUMENT_DEPTH - 1} levels deep is read as usual`, () => {
		const shipment = { ...base, items: [{ commodityCode: '8471300100', value: 10 }], usppi: { name: 'A', extra: nested(MAX_DOCUMENT_DEPTH - 3) } };
		expect(toCanonicalShipment(shipment).items).toHaveLength(1);
	});
});
