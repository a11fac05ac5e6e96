/**
 * Shipments the benchmarks decide: plain JSON as a workflow item would carry it (so validation
 * is part of the measured work), a realistic mix of destinations, codes, values on both sides of
 * $2,500, dotted and plain commodity codes, some ECCNs and a foreign-origin line now and then.
 */
import { prng } from './stats';

const DESTINATIONS = ['DE', 'JP', 'CA', 'MX', 'GB', 'FR', 'CN', 'AU', 'BR', 'KR', 'IN', 'NL'];
const MODES = ['air', 'vessel', 'truck', 'mail'] as const;
const CODES = [
	'8471.30.0100',
	'8517.62.0090',
	'6109.10.0012',
	'6910.10.0010',
	'9403.20.0080',
	'8542.31.0000',
	'3004.90.9210',
	'8708.99.8180',
	'9018.90.7580',
	'4202.92.3131',
	'8443.32.1010',
	'6403.99.9065',
];

export type RawShipment = Record<string, unknown>;

/** `count` shipments of `lines` lines each, the same for the same seed. */
export function makeShipments(count: number, lines: number, seed = lines * 7919 + count): RawShipment[] {
	const random = prng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	const shipments: RawShipment[] = [];
	for (let s = 0; s < count; s++) {
		const items: Record<string, unknown>[] = [];
		for (let l = 0; l < lines; l++) {
			// Dotted codes as shops write them, plain 10 digits as systems do.
			const dotted = pick(CODES);
			const item: Record<string, unknown> = { commodityCode: random() < 0.5 ? dotted : dotted.replace(/\./g, '') };
			if (random() < 0.5) item.value = Math.round(random() * 4_000 * 100) / 100;
			else {
				item.unitValue = Math.round(random() * 400 * 100) / 100;
				item.quantity = 1 + Math.floor(random() * 12);
			}
			if (random() < 0.15) item.originCountry = pick(['CN', 'MX', 'DE']);
			if (random() < 0.2) item.eccn = pick(['EAR99', '5A992.c', '4A994.b']);
			item.description = `Line ${l + 1}`;
			items.push(item);
		}
		const mode = pick(MODES);
		shipments.push({
			orderId: `SO-${seed}-${s}`,
			origin: { country: 'US', state: pick(['IL', 'CA', 'NY', 'TX']) },
			destination: { country: pick(DESTINATIONS) },
			exportDate: '2026-11-23',
			modeOfTransport: mode,
			departureTime: '2026-11-23T18:00:00Z',
			usppi: { name: 'Needful Things, Inc.', ein: '88-1234567' },
			consignee: { name: `Consignee ${s % 50}` },
			items,
		});
	}
	return shipments;
}
