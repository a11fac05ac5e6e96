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

/**
 * Every form in which a secret may appear: as stored and as sent (trimmed, see
 * `http/credentialGuard.ts`), each as is and as base64 of "secret" and "secret:" (Basic auth).
 */
function secretForms(secrets: ReadonlyArray<string | undefined | null>): string[] {
	const forms = new Set<string>();
	for (const stored of secrets) {
		if (typeof stored !== 'string' || stored.trim().length < MIN_SECRET_LENGTH) continue;
		for (const secret of new Set([stored, stored.trim()])) {
			forms.add(secret);
			forms.add(base64(secret));
			forms.add(base64(`${secret}:`));
			forms.add(base64(`${secret}:`).replace(/=+$/, ''));
			forms.add(base64(secret).replace(/=+$/, ''));
		}
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

/** A list or object being copied: where the walk is in it, and its copy once something changed. */
type Frame =
	| { kind: 'list'; source: unknown[]; index: number; copy?: unknown[] }
	| { kind: 'record'; source: Record<string, unknown>; keys: string[]; index: number; pairs?: Array<[string, unknown]> };

const PENDING = Symbol('pending');

/**
 * `value` with secrets redacted in every string, keys included; Errors become strings. Copy on
 * write: a plain object or array in which nothing changed is returned as it was (a 10,000-entry
 * listing read page by page would otherwise be copied whole, doubling its memory); other objects
 * are copied into plain ones. The walk keeps its own stack, not the call stack: no depth limit
 * that an answer nested deeper could get past, and no stack overflow (an object that contains
 * itself is written `[Circular]`).
 */
export function redactSecretsDeep<T>(value: T, secrets: ReadonlyArray<string | undefined | null>): T {
	const forms = secretForms(secrets);
	if (forms.length === 0) return value;
	const clean = (text: string) => {
		let out = text;
		for (const form of forms) out = replaceAll(out, form);
		return out;
	};
	const stack: Frame[] = [];
	const open = new Set<object>();

	/** A leaf's redacted value, or PENDING after pushing the frame of a list or object. */
	const enter = (node: unknown): unknown => {
		if (typeof node === 'string') return clean(node);
		if (node === null || typeof node !== 'object') return node;
		if (node instanceof Error) return clean(`${node.name}: ${node.message}`);
		if (open.has(node)) return '[Circular]';
		open.add(node);
		if (Array.isArray(node)) {
			stack.push({ kind: 'list', source: node, index: 0 });
		} else {
			const record = node as Record<string, unknown>;
			// Only a plain object may be returned as it was; anything else is copied into one.
			const plain = Object.getPrototypeOf(node) === Object.prototype;
			stack.push({ kind: 'record', source: record, keys: Object.keys(record), index: 0, ...(plain ? {} : { pairs: [] }) });
		}
		return PENDING;
	};

	/** Takes the walked value of the frame's current entry and moves on. */
	const accept = (frame: Frame, walked: unknown): void => {
		if (frame.kind === 'list') {
			const before = frame.source[frame.index];
			if (frame.copy === undefined && walked !== before) frame.copy = frame.source.slice(0, frame.index);
			frame.copy?.push(walked);
		} else {
			const key = frame.keys[frame.index];
			const cleanKey = clean(key);
			if (frame.pairs === undefined && (cleanKey !== key || walked !== frame.source[key])) {
				// The first change: the entries before it are kept as they were.
				frame.pairs = frame.keys.slice(0, frame.index).map((before): [string, unknown] => [before, frame.source[before]]);
			}
			frame.pairs?.push([cleanKey, walked]);
		}
		frame.index++;
	};

	const finish = (frame: Frame): unknown => {
		open.delete(frame.source);
		if (frame.kind === 'list') return frame.copy ?? frame.source;
		return frame.pairs === undefined ? frame.source : Object.fromEntries(frame.pairs);
	};

	const first = enter(value);
	if (first !== PENDING) return first as T;
	for (;;) {
		const frame = stack[stack.length - 1];
		const size = frame.kind === 'list' ? frame.source.length : frame.keys.length;
		if (frame.index < size) {
			const child = frame.kind === 'list' ? frame.source[frame.index] : frame.source[frame.keys[frame.index]];
			const walked = enter(child);
			if (walked !== PENDING) accept(frame, walked);
			continue;
		}
		stack.pop();
		const done = finish(frame);
		if (stack.length === 0) return done as T;
		accept(stack[stack.length - 1], done);
	}
}
