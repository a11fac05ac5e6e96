/* eslint-disable @n8n/community-nodes/require-node-api-error -- the n8n-free core throws its own typed errors; nodes/shared/errors.ts turns them into n8n's */
/**
 * A canonical shipment as an adapter assembles it, before validation: the public field names of
 * the canonical shipment, every value possibly missing or wrong. Validation (parseShipment)
 * turns it into a Shipment or into issues, which the adapter maps back to source paths.
 */
import { InputValidationError, type FieldIssue } from '../errors';
import type { SourcePathMap } from './sourcePaths';
import type { SourceReader } from './sourceReader';

export type ModeOfTransportDraft = 'air' | 'vessel' | 'truck' | 'rail' | 'mail' | 'other';

export interface PartyDraft {
	name?: string;
	ein?: string;
	id?: string;
	country?: string;
}

export interface ItemDraft {
	commodityCode?: string;
	description?: string;
	value?: number;
	unitValue?: number;
	quantity?: number;
	originCountry?: string;
	eccn?: string;
	licenseRequired?: boolean;
	licenseType?: string;
	licenseException?: string;
	itar?: boolean;
}

export interface ShipmentDraft {
	origin: { country?: string; state?: string };
	destination: { country?: string };
	exportDate?: string;
	departureTime?: string;
	modeOfTransport?: ModeOfTransportDraft;
	currency?: string;
	exchangeRate?: number;
	usppi?: PartyDraft;
	consignee?: PartyDraft;
	items: ItemDraft[];
}

/** Facts a provider document does not carry and the caller may supply (node parameters, say). */
export interface AdapterOverrides {
	exportDate?: string;
	departureTime?: string;
	modeOfTransport?: ModeOfTransportDraft;
	/** Needed for values not in USD: never guessed (15 CFR 30.6(a)(17) wants USD). */
	exchangeRate?: number;
}

/** Removes keys whose value is undefined, recursively through plain objects and arrays. */
export function withoutUndefined<T>(value: T): T {
	if (Array.isArray(value)) return value.map((v) => withoutUndefined(v)) as T;
	if (typeof value === 'object' && value !== null) {
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(value)) {
			if (v !== undefined) out[key] = withoutUndefined(v);
		}
		return out as T;
	}
	return value;
}

/**
 * Validates the draft with `validate` and throws one InputValidationError holding every problem:
 * those found while reading the source and those of canonical validation, all at source paths.
 */
export function finishShipment<S>(
	draft: ShipmentDraft,
	validate: (input: unknown) => S,
	reader: SourceReader,
	paths: SourcePathMap,
	subject: string,
): S {
	const clean = withoutUndefined(draft);
	let shipment: S | undefined;
	let canonicalIssues: FieldIssue[] = [];
	try {
		shipment = validate(clean);
	} catch (error) {
		if (!(error instanceof InputValidationError)) throw error;
		canonicalIssues = error.issues.map((issue) => paths.translate(issue));
	}
	// A field the reader already refused (and so left out) would be reported again as missing.
	const readerPaths = new Set(reader.issues.map((issue) => issue.path));
	const fresh = canonicalIssues.filter((issue) => !readerPaths.has(issue.path));
	const issues = uniqueIssues([...reader.issues, ...fresh]);
	if (issues.length > 0 || shipment === undefined) throw new InputValidationError(issues, subject);
	return shipment;
}

function uniqueIssues(issues: FieldIssue[]): FieldIssue[] {
	const seen = new Set<string>();
	return issues.filter((issue) => {
		const key = `${issue.path}\u0000${issue.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
