/**
 * Scripted faults: the next N requests matching a path (and method) get a 429 with Retry-After,
 * a 5xx, a reset connection, or are handled normally but lose their response; or they get a
 * raw body (an HTML page, malformed, truncated or empty JSON), a streamed body (slow, or huge),
 * a late answer (a client timeout), or the fault after the route ran (a gateway that lost the
 * provider's answer). Rules are consumed in the order they were added.
 */
export interface FaultRule {
	/** Matches when the request path (prefix included, e.g. `/flexport/customs_entries`) starts with it; all paths when absent. */
	path?: string;
	/** e.g. 'GET'; any method when absent. */
	method?: string;
	/** HTTP status to answer with (429, 500, 502, 503...). Ignored for `reset` and `dropResponse`. */
	status?: number;
	/** How many matching requests this rule affects; default 1. */
	times?: number;
	/** Seconds, sent as the `Retry-After` header. */
	retryAfter?: number;
	/** Close the connection before answering: the request certainly had no effect. */
	reset?: boolean;
	/** Run the route (a filing IS recorded), then close the connection without answering: the client cannot know. */
	dropResponse?: boolean;
	/** Answer this raw text (with `status`, default 200, and `contentType`) instead of the route's answer. */
	body?: string;
	/** Content type of `body` or `stream`; default application/json. */
	contentType?: string;
	/** With `body`: announce twice its length, send it, then close the connection (an answer cut off). */
	truncate?: boolean;
	/** Answer a generated JSON-looking body of `bytes` bytes, written chunk by chunk (never held whole in memory). */
	stream?: { bytes: number; chunkBytes?: number; chunkDelayMs?: number };
	/** Wait this long first; alone, the request is then handled as usual (beyond the client's timeout, the provider still acts). */
	delayMs?: number;
	/** Run the route first (its effect is recorded), then answer with the fault instead of the route's answer. */
	afterRoute?: boolean;
	/** Write the answer (the route's, or the status fault's) slowly: `chunkBytes` at a time, `chunkDelayMs` apart. */
	drip?: { chunkBytes: number; chunkDelayMs: number };
}

export type FaultAction = (
	| { kind: 'status'; status: number; retryAfter?: number }
	| { kind: 'reset' }
	| { kind: 'dropResponse' }
	| { kind: 'body'; status: number; body: string; contentType: string; truncate: boolean; retryAfter?: number }
	| { kind: 'stream'; status: number; bytes: number; chunkBytes: number; chunkDelayMs: number; contentType: string }
	| { kind: 'none' }
) & { afterRoute?: boolean; delayMs?: number; drip?: { chunkBytes: number; chunkDelayMs: number } };

interface ActiveRule extends FaultRule {
	remaining: number;
}

export class FaultPlan {
	private rules: ActiveRule[] = [];

	add(rule: FaultRule): void {
		const answersItself = rule.body !== undefined || rule.stream !== undefined;
		if (answersItself && rule.status !== undefined && (rule.status < 200 || rule.status > 599)) {
			throw new Error('failNext with a body or stream needs a status from 200 to 599');
		}
		if (!answersItself && !rule.reset && !rule.dropResponse && rule.delayMs === undefined && rule.drip === undefined && (rule.status === undefined || rule.status < 400 || rule.status > 599)) {
			throw new Error('failNext needs a status from 400 to 599, or reset / dropResponse / body / stream / delayMs / drip');
		}
		this.rules.push({ ...rule, remaining: rule.times ?? 1 });
	}

	clear(): void {
		this.rules = [];
	}

	get pending(): number {
		return this.rules.reduce((sum, rule) => sum + rule.remaining, 0);
	}

	/** The fault for this request, if a rule matches; consumes one use of that rule. */
	take(method: string, path: string): FaultAction | undefined {
		const index = this.rules.findIndex(
			(rule) =>
				(rule.path === undefined || path.startsWith(rule.path)) &&
				(rule.method === undefined || rule.method.toUpperCase() === method.toUpperCase()),
		);
		if (index < 0) return undefined;
		const rule = this.rules[index];
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.rules.splice(index, 1);
		const action: FaultAction = this.action(rule);
		if (rule.delayMs !== undefined) action.delayMs = rule.delayMs;
		if (rule.drip !== undefined) action.drip = rule.drip;
		return action;
	}

	private action(rule: FaultRule): FaultAction {
		const afterRoute = rule.afterRoute === true;
		if (rule.reset) return { kind: 'reset' };
		if (rule.dropResponse) return { kind: 'dropResponse' };
		const contentType = rule.contentType ?? 'application/json; charset=utf-8';
		if (rule.body !== undefined) {
			return { kind: 'body', status: rule.status ?? 200, body: rule.body, contentType, truncate: rule.truncate === true, retryAfter: rule.retryAfter, afterRoute };
		}
		if (rule.stream !== undefined) {
			const { bytes, chunkBytes = 64 * 1024, chunkDelayMs = 0 } = rule.stream;
			return { kind: 'stream', status: rule.status ?? 200, bytes, chunkBytes, chunkDelayMs, contentType, afterRoute };
		}
		if (rule.status === undefined) return { kind: 'none' };
		return { kind: 'status', status: rule.status as number, retryAfter: rule.retryAfter, afterRoute };
	}
}
