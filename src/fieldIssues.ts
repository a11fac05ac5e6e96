/** Zod issues as the package's field issues, each located by a path like `items[0].commodityCode`. */
import type { ZodIssue } from 'zod';
import type { FieldIssue } from './errors';

/** `['items', 0, 'commodityCode']` -> `items[0].commodityCode`; `[]` -> `` (the input itself). */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out;
}

function messageOf(issue: ZodIssue): string {
	if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
	return issue.message;
}

/** `prefix` places the issues inside a larger document (e.g. `['Delivery']`). */
export function zodFieldIssues(issues: readonly ZodIssue[], prefix: ReadonlyArray<string | number> = []): FieldIssue[] {
	return issues.map((issue) => ({ path: formatFieldPath([...prefix, ...issue.path]), message: messageOf(issue) }));
}
