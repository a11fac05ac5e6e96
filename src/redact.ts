/**
 * Removes secrets (API keys, tokens) from text and data before they reach an output, an error
 * or a log. A key also travels base64-encoded in HTTP Basic auth (`base64("key:")`), so those
 * forms are removed too.
 */

export const REDACTED = '[REDACTED]';

/** Shorter values would garble ordinary text and are not plausible keys. */
const MIN_SECRET_LENGTH = 4;

function base64(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64');
}

/** Every form in which a secret may appear: as is, and base64 of "secret" and "secret:" (Basic auth). */
function secretForms(secrets: ReadonlyArray<string | undefined | null>): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.trim().length < MIN_SECRET_LENGTH) continue;
		forms.add(secret);
		forms.add(base64(secret));
		forms.add(base64(`${secret}:`));
		forms.add(base64(`${secret}:`).replace(/=+$/, ''));
		forms.add(base64(secret).replace(/=+$/, ''));
	}
	// Longest first, so that a form containing another is replaced whole.
	return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of every secret (and its Basic-auth encodings) replaced by [REDACTED]. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined | null>): string {
	let out = text;
	for (const form of secretForms(secrets)) out = replaceAll(out, form);
	return out;
}

/** Checked with includes first: most strings hold no secret, and split/join allocates even then. */
function replaceAll(text: string, form: string): string {
	return text.includes(form) ? text.split(form).join(REDACTED) : text;
}

/**
 * `value` with secrets redacted in every string, keys included; Errors become strings. Copy on
 * write: a plain object or array in which nothing changed is returned as it was (a 10,000-entry
 * listing read page by page would otherwise be copied whole, doubling its memory); other objects
 * are copied into plain ones.
 */
export function redactSecretsDeep<T>(value: T, secrets: ReadonlyArray<string | undefined | null>): T {
	const forms = secretForms(secrets);
	if (forms.length === 0) return value;
	const clean = (text: string) => {
		let out = text;
		for (const form of forms) out = replaceAll(out, form);
		return out;
	};
	const walk = (node: unknown, depth: number): unknown => {
		if (typeof node === 'string') return clean(node);
		if (depth > 50 || node === null || typeof node !== 'object') return node;
		if (Array.isArray(node)) {
			let copy: unknown[] | undefined;
			for (let i = 0; i < node.length; i++) {
				const walked = walk(node[i], depth + 1);
				if (copy === undefined && walked !== node[i]) copy = node.slice(0, i);
				copy?.push(walked);
			}
			return copy ?? node;
		}
		if (node instanceof Error) return clean(`${node.name}: ${node.message}`);
		if (Object.getPrototypeOf(node) !== Object.prototype) {
			return Object.fromEntries(Object.entries(node).map(([k, v]) => [clean(k), walk(v, depth + 1)]));
		}
		const record = node as Record<string, unknown>;
		let pairs: Array<[string, unknown]> | undefined;
		for (const k in record) {
			if (!Object.prototype.hasOwnProperty.call(record, k)) continue;
			const v = record[k];
			const key = clean(k);
			const walked = walk(v, depth + 1);
			if (pairs === undefined && (key !== k || walked !== v)) {
				// The first change: the entries before it are kept as they were.
				pairs = [];
				for (const before in record) {
					if (before === k) break;
					if (Object.prototype.hasOwnProperty.call(record, before)) pairs.push([before, record[before]]);
				}
			}
			pairs?.push([key, walked]);
		}
		return pairs === undefined ? node : Object.fromEntries(pairs);
	};
	return walk(value, 0) as T;
}
