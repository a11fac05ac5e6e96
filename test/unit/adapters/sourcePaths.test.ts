import { finishShipment, type ShipmentDraft } from '../../../src/adapters/draft';
import { SourcePathMap } from '../../../src/adapters/sourcePaths';
import { SourceReader } from '../../../src/adapters/sourceReader';
import { InputValidationError } from '../../../src/errors';

function easyPostPaths(): SourcePathMap {
	const paths = new SourcePathMap('Delivery');
	paths.set('items', 'Delivery.Items');
	paths.set('items[0]', 'Delivery.Items[0]');
	paths.set('items[0].commodityCode', 'Delivery.Items[0].HarmonizedCode');
	paths.set('items[0].value', 'Delivery.Items[0].UnitValue.Amount', 'line value = UnitValue.Amount x PackQuantity');
	return paths;
}

describe('translating canonical validation issues to the paths of the user\'s document', () => {
	it('puts an issue of a mapped field at its source path, message unchanged', () => {
		expect(easyPostPaths().translate({ path: 'items[0].commodityCode', message: 'must have 10 digits' })).toEqual({
			path: 'Delivery.Items[0].HarmonizedCode',
			message: 'must have 10 digits',
		});
	});

	it('explains a derived field with its note', () => {
		expect(easyPostPaths().translate({ path: 'items[0].value', message: 'must be positive' })).toEqual({
			path: 'Delivery.Items[0].UnitValue.Amount',
			message: 'must be positive (line value = UnitValue.Amount x PackQuantity)',
		});
	});

	it('puts an unmapped field at its nearest mapped ancestor and names the canonical field', () => {
		expect(easyPostPaths().translate({ path: 'items[0].eccn', message: 'is not an ECCN' })).toEqual({
			path: 'Delivery.Items[0]',
			message: 'items[0].eccn: is not an ECCN',
		});
	});

	it('puts an issue with no mapped ancestor at the document root', () => {
		expect(easyPostPaths().translate({ path: 'exemption', message: 'is reserved' })).toEqual({
			path: 'Delivery',
			message: 'exemption: is reserved',
		});
	});
});

describe('finishing a draft shipment', () => {
	const draft: ShipmentDraft = { origin: { country: 'US' }, destination: { country: 'MC' }, items: [{ commodityCode: '1' }] };
	const rejectCode = () => {
		throw new InputValidationError([{ path: 'items[0].commodityCode', message: 'must have 10 digits' }]);
	};

	it('returns what validation returns when nothing is wrong', () => {
		expect(finishShipment(draft, (input) => input, new SourceReader(), easyPostPaths(), 'Invalid')).toEqual(draft);
	});

	it('drops undefined fields before validation', () => {
		const seen = finishShipment({ ...draft, exportDate: undefined }, (input) => input, new SourceReader(), easyPostPaths(), 'x');
		expect(Object.keys(seen as object)).not.toContain('exportDate');
	});

	it('reports reading problems and validation problems together, all at source paths', () => {
		const read = new SourceReader();
		read.issue('Delivery.Items[0].PackQuantity', 'must be a number');
		expect(() => finishShipment(draft, rejectCode, read, easyPostPaths(), 'Invalid EasyPost Delivery')).toThrow(
			'Invalid EasyPost Delivery: Delivery.Items[0].PackQuantity: must be a number; ' +
				'Delivery.Items[0].HarmonizedCode: must have 10 digits',
		);
	});

	it('refuses the draft when reading found a problem even if validation passes', () => {
		const read = new SourceReader();
		read.issue('Delivery.Items[0].UnitValue.Currency', 'is EUR but ...');
		expect(() => finishShipment(draft, (input) => input, read, easyPostPaths(), 'x')).toThrow(InputValidationError);
	});

	it('lets errors other than validation errors through unchanged', () => {
		const broken = () => {
			throw new RangeError('bug');
		};
		expect(() => finishShipment(draft, broken, new SourceReader(), easyPostPaths(), 'x')).toThrow(RangeError);
	});
});
