import type { RetryOptions } from '../http/retry';

/** Reference to the shipment a customs entry belongs to (Flexport `/api/refs/object`). */
export interface FlexportShipmentRef {
	_object?: string;
	ref_type?: string;
	link?: string;
	/** Numeric in Flexport's examples; kept as sent. */
	id?: number | string | null;
	[key: string]: unknown;
}

/**
 * A US import customs entry filed by Flexport as broker. Field names are Flexport's own.
 * `release_status` is an open string (documented `cleared | customs_hold | pending`, examples also
 * show `released`); `null` means CBP has not decided yet. Unknown extra fields are kept.
 */
export interface CustomsEntry {
	_object?: string;
	id: string;
	entry_number: string | null;
	release_status: string | null;
	release_date: string | null;
	shipment: FlexportShipmentRef | null;
	[key: string]: unknown;
}

/** One page of `GET /customs_entries`. `next`/`prev` are absolute URLs as Flexport sent them. */
export interface CustomsEntriesPage {
	entries: CustomsEntry[];
	totalCount?: number;
	next?: string;
	prev?: string;
}

/** Backoff settings; the policy is always 'idempotent' (GETs are safe to repeat). */
export type FlexportRetryConfig = Omit<RetryOptions, 'policy'>;

export interface FlexportConfig {
	/** e.g. `https://api.flexport.com`; a `next` link to another origin is refused. */
	baseUrl: string;
	/** Sent as `Flexport-Version`; default '2'. */
	apiVersion?: string;
	/** Page size for listings, 1..100; default 100. */
	perPage?: number;
	/** Pages fetched at once when `total_count` is known; default 4. */
	concurrency?: number;
	/** Runaway guard: a listing longer than this many pages fails; default 10,000. */
	maxPages?: number;
	/** Per-request timeout in ms; default 30,000. */
	timeoutMs?: number;
	/** Backoff for GETs (always the idempotent policy). */
	retry?: FlexportRetryConfig;
}

/** Lets a long listing stop early: `deadline` is in the port's clock (`port.now()`). */
export interface FlexportListControl {
	deadline?: number;
	signal?: { readonly aborted: boolean };
}
