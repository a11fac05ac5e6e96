import type { ZodError } from 'zod';
import type { FieldIssue } from '../errors';

/** `['Delivery', 'Items', 0, 'HarmonizedCode']` -> `Delivery.Items[0].HarmonizedCode`. */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
	return path.reduce<string>((out, segment) => {
		if (typeof segment === 'number') return `${out}[${segment}]`;
		return out === '' ? segment : `${out}.${segment}`;
	}, '');
}

/** Zod issues as the project's FieldIssues, every one located by its full field path. */
export function zodFieldIssues(error: ZodError, prefix: ReadonlyArray<string | number> = []): FieldIssue[] {
	return error.issues.map((issue) => ({
		path: formatFieldPath([...prefix, ...issue.path]),
		message: issue.message,
	}));
}
