/**
 * Whether a failed Shipium label request can have bought a label (moved from the File EEI node
 * into the core, issue 13). A label is a POST that may be charged: only a refusal proves none exists.
 */
import { ProviderError } from '../../../src/errors';
import { shipiumFailureRecord, shipiumLabelFailureStatus } from '../../../src/shipium/labelOutcome';

function error(status: number | undefined, delivery: 'sent' | 'not-sent' | 'unknown' = 'sent'): ProviderError {
	return new ProviderError({ provider: 'Shipium', message: 'm', status, delivery, hint: 'h' });
}

describe('shipiumLabelFailureStatus', () => {
	it('says no label exists after Shipium refused the request (400, 401, 403, 404, 422, 429)', () => {
		for (const status of [400, 401, 403, 404, 422, 429]) {
			expect({ status, outcome: shipiumLabelFailureStatus(error(status)) }).toEqual({ status, outcome: 'notCreated' });
		}
	});

	it('says no label exists when the request certainly never left', () => {
		expect(shipiumLabelFailureStatus(error(undefined, 'not-sent'))).toBe('notCreated');
	});

	it('says a label may exist after a 5xx, a 409 or a timeout: look it up before sending again', () => {
		for (const [status, delivery] of [[500, 'sent'], [409, 'sent'], [undefined, 'unknown']] as const) {
			expect({ status, outcome: shipiumLabelFailureStatus(error(status, delivery)) }).toEqual({ status, outcome: 'unknown' });
		}
	});
});

describe('shipiumFailureRecord', () => {
	it('gives the shipium object of an error item, with what to do next', () => {
		expect(shipiumFailureRecord(error(422))).toMatchObject({ status: 'notCreated', httpStatus: 422, nextStep: 'h' });
	});

	it('has nothing to say about an error that is not the provider\'s', () => {
		expect(shipiumFailureRecord(new Error('bug'))).toBeUndefined();
	});
});
