import type { HttpRequest } from '../../src/http/port';
import type { FakeEntry, FakeHandler, FakeReply } from './flexportFakePort';
import { FakeFlexportApi, makeEntries } from './flexportFakePort';

/**
 * A fake Flexport whose customs entries listing changes between page answers, as a busy account's
 * does: Flexport pages by offset with no sort and no snapshot (providers.md), so an entry
 * inserted, removed or moved ahead of a page not yet read shifts that page.
 *
 * Changes are scheduled after the n-th answered listing request (1-based, all reads counted).
 * Positions count from the head of the listing as it is when the change applies; `at: -1` is the
 * tail. The fake knows which entries were there for the whole scan, the promise's subject.
 */
export type ListingChange =
	| { kind: 'insert'; at: number; id?: string; shipmentId?: number }
	| { kind: 'delete'; at: number }
	| { kind: 'move'; from: number; to: number };

export class ShiftingFlexport {
	readonly api: FakeFlexportApi;
	/** Listing requests answered so far. */
	answered = 0;
	/** Listing reads started (requests for page 1). */
	reads = 0;
	/** Changes applied so far. */
	applied = 0;
	private readonly schedule = new Map<number, ListingChange[]>();
	private readonly initial: Set<string>;
	private readonly removed = new Set<string>();
	private readonly everListed: Set<string>;
	private inserted = 0;
	/** Applied after every answer from this one on (a listing that keeps changing). */
	private everyAnswer?: { from: number; change: (answer: number) => ListingChange };

	constructor(entries: FakeEntry[] | number, options: { withTotalCount?: boolean; origin?: string } = {}) {
		this.api = new FakeFlexportApi(options.origin);
		this.api.entries = typeof entries === 'number' ? makeEntries(entries) : entries;
		this.api.withTotalCount = options.withTotalCount ?? true;
		this.initial = new Set(this.api.entries.map((e) => e.id));
		this.everListed = new Set(this.initial);
	}

	/** Applies `changes` right after the `answer`-th listing answer. */
	after(answer: number, ...changes: ListingChange[]): this {
		this.schedule.set(answer, [...(this.schedule.get(answer) ?? []), ...changes]);
		return this;
	}

	/** From the `from`-th answer on, one change after every answer. */
	afterEvery(from: number, change: (answer: number) => ListingChange): this {
		this.everyAnswer = { from, change };
		return this;
	}

	readonly handle: FakeHandler = (request: HttpRequest, url: URL): FakeReply | Promise<FakeReply> => {
		const reply = this.api.handle(request, url);
		if (url.pathname === '/customs_entries') {
			if ((url.searchParams.get('page') ?? '1') === '1') this.reads++;
			this.answered++;
			for (const change of this.schedule.get(this.answered) ?? []) this.apply(change);
			if (this.everyAnswer && this.answered >= this.everyAnswer.from) this.apply(this.everyAnswer.change(this.answered));
		}
		return reply;
	};

	private position(at: number, length: number): number {
		const position = at < 0 ? length + 1 + at : at;
		return Math.max(0, Math.min(position, length));
	}

	apply(change: ListingChange): void {
		const list = this.api.entries;
		this.applied++;
		if (change.kind === 'insert') {
			const id = change.id ?? `NEW${String(this.inserted++).padStart(4, '0')}`;
			const [template] = makeEntries(1, 'X');
			list.splice(this.position(change.at, list.length), 0, { ...template, id, shipmentId: change.shipmentId ?? template.shipmentId });
			this.everListed.add(id);
		} else if (change.kind === 'delete') {
			if (list.length === 0) return;
			const [gone] = list.splice(Math.min(this.position(change.at, list.length - 1), list.length - 1), 1);
			this.removed.add(gone.id);
		} else {
			if (list.length === 0) return;
			const [moved] = list.splice(Math.min(this.position(change.from, list.length - 1), list.length - 1), 1);
			list.splice(this.position(change.to, list.length), 0, moved);
		}
	}

	/** Entries listed before the scan and never removed during it: each must come back exactly once. */
	presentThroughout(): string[] {
		return [...this.initial].filter((id) => !this.removed.has(id));
	}

	/** True for an id that was in the listing at some moment of the scan. */
	wasListed(id: string): boolean {
		return this.everListed.has(id);
	}
}

/** How a listing result measures against the promise. */
export interface ListingVerdict {
	/** Entries present for the whole scan that the result lacks. */
	missing: string[];
	/** Ids returned more than once. */
	duplicates: string[];
	/** Ids returned that were never listed. */
	phantoms: string[];
}

export function judgeListing(fake: ShiftingFlexport, ids: string[]): ListingVerdict {
	const counts = new Map<string, number>();
	for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	return {
		missing: fake.presentThroughout().filter((id) => !counts.has(id)),
		duplicates: [...counts].filter(([, count]) => count > 1).map(([id]) => id),
		phantoms: [...counts.keys()].filter((id) => !fake.wasListed(id)),
	};
}
