import type { HttpPort } from '../http/port';
import { FlexportApiError } from './errors';
import type { FlexportListControl } from './types';

/**
 * Wraps a port so that no request starts, and no backoff sleeps, past the deadline or after an
 * abort: a poll that cannot finish in its budget fails fast instead of overrunning the next one.
 */
export function withBudget(port: HttpPort, control: FlexportListControl | undefined): HttpPort {
	if (control?.deadline === undefined && control?.signal === undefined) return port;
	const { deadline, signal } = control;
	const check = (extraMs: number): void => {
		if (signal?.aborted) {
			throw new FlexportApiError({
				reason: 'aborted',
				message: 'The Flexport listing was cancelled before it completed',
				delivery: 'not-sent',
			});
		}
		if (deadline !== undefined && port.now() + extraMs >= deadline) {
			throw new FlexportApiError({
				reason: 'deadline',
				message: 'The time budget ran out before the Flexport listing completed',
				delivery: 'not-sent',
				hint: 'Raise the poll budget, or narrow the scan with a shipment filter.',
			});
		}
	};
	return {
		send: async (request) => {
			check(0);
			if (deadline === undefined) return await port.send(request);
			const remaining = deadline - port.now();
			const timeoutMs = Math.min(request.timeoutMs ?? remaining, remaining);
			return await port.send({ ...request, timeoutMs });
		},
		sleep: async (ms) => {
			// A backoff that would end past the deadline cannot lead to a complete scan: stop now.
			check(ms);
			await port.sleep(ms);
		},
		now: () => port.now(),
		random: () => port.random(),
	};
}
