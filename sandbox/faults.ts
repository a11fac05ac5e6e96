/**
 * Scripted faults: the next N requests matching a path (and method) get a 429 with Retry-After,
 * a 5xx, a reset connection, or are handled normally but lose their response. Rules are
 * consumed in the order they were added.
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
}

export type FaultAction =
	| { kind: 'status'; status: number; retryAfter?: number }
	| { kind: 'reset' }
	| { kind: 'dropResponse' };

interface ActiveRule extends FaultRule {
	remaining: number;
}

export class FaultPlan {
	private rules: ActiveRule[] = [];

	add(rule: FaultRule): void {
		if (!rule.reset && !rule.dropResponse && (rule.status === undefined || rule.status < 400 || rule.status > 599)) {
			throw new Error('failNext needs a status from 400 to 599, or reset / dropResponse');
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
		if (rule.reset) return { kind: 'reset' };
		if (rule.dropResponse) return { kind: 'dropResponse' };
		return { kind: 'status', status: rule.status as number, retryAfter: rule.retryAfter };
	}
}
