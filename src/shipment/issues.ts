/** Turns zod issues into the package's field issues, with paths like `items[0].commodityCode`. */
import type { ZodIssue } from 'zod';
import type { FieldIssue } from '../errors';

/** `['items', 0, 'commodityCode']` -> `items[0].commodityCode`; `[]` -> `` (the input itself). */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out;
}

function messageOf(issue: ZodIssue): string {
	if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
	if (issue.code === 'unrecognized_keys') return issue.message;
	return issue.message;
}

export function zodIssuesToFieldIssues(issues: readonly ZodIssue[]): FieldIssue[] {
	return issues.map((issue) => ({ path: formatIssuePath(issue.path), message: messageOf(issue) }));
}
