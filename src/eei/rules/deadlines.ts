/** When the ITN must be in hand (15 CFR 30.4(b)), by mode of transport. */
import type { DeadlineRules } from './types';

const P30_4_2018 = '2018-04-24'; // 30.4 as last amended by 83 FR 17751

export const DEADLINES: DeadlineRules = {
	byMode: {
		vessel: {
			id: 'ftr.30.4(b)(2)(i)',
			code: 'DEADLINE_VESSEL',
			citation: '15 CFR 30.4(b)(2)(i)',
			effectiveDate: P30_4_2018,
			hoursBefore: 24,
			event: 'loading of the cargo on the vessel at the US port of lading',
			eventIsDepartureTime: true,
		},
		air: {
			id: 'ftr.30.4(b)(2)(ii)',
			code: 'DEADLINE_AIR',
			citation: '15 CFR 30.4(b)(2)(ii)',
			effectiveDate: P30_4_2018,
			hoursBefore: 2,
			event: 'scheduled departure of the aircraft',
		eventIsDepartureTime: true,
		},
		truck: {
			id: 'ftr.30.4(b)(2)(iii)',
			code: 'DEADLINE_TRUCK',
			citation: '15 CFR 30.4(b)(2)(iii)',
			effectiveDate: P30_4_2018,
			hoursBefore: 1,
			event: 'arrival of the truck at the US border',
		eventIsDepartureTime: true,
		},
		rail: {
			id: 'ftr.30.4(b)(2)(iv)',
			code: 'DEADLINE_RAIL',
			citation: '15 CFR 30.4(b)(2)(iv)',
			effectiveDate: P30_4_2018,
			hoursBefore: 2,
			event: 'arrival of the train at the US border',
		eventIsDepartureTime: true,
		},
		mail: {
			id: 'ftr.30.4(b)(2)(v)',
			code: 'DEADLINE_MAIL',
			citation: '15 CFR 30.4(b)(2)(v)',
			effectiveDate: P30_4_2018,
			hoursBefore: 2,
			event: 'exportation',
			eventIsDepartureTime: true,
		},
		other: {
			id: 'ftr.30.4(b)(2)(vi)',
			code: 'DEADLINE_OTHER',
			citation: '15 CFR 30.4(b)(2)(vi)',
			effectiveDate: P30_4_2018,
			hoursBefore: 2,
			event: 'exportation',
			eventIsDepartureTime: true,
		},
	},
	usedVehicles: {
		id: 'ftr.30.4(b)(5)',
		code: 'DEADLINE_USED_VEHICLE',
		citation: '15 CFR 30.4(b)(5)',
		effectiveDate: P30_4_2018,
		hoursBefore: 72,
		event: 'exportation (filing citation given to CBP)',
		eventIsDepartureTime: true,
	},
	usPuertoRico: {
		id: 'ftr.30.4(b)(3)',
		code: 'DEADLINE_US_PUERTO_RICO',
		citation: '15 CFR 30.4(b)(3)',
		effectiveDate: P30_4_2018,
		hoursBefore: 0,
		event: 'arrival of the shipment at the port of unlading',
		// departureTime is not this event, so no fileBy is computed from it.
		eventIsDepartureTime: false,
		between: [
			['US', 'PR'],
			['PR', 'US'],
		],
	},
	usml: {
		id: 'ftr.30.4(b)(1)',
		code: 'DEADLINE_USML',
		citation: '15 CFR 30.4(b)(1)',
		effectiveDate: P30_4_2018,
		hoursBefore: null,
		event: 'the ITAR time frame of 22 CFR 123.22(b)(1)',
		eventIsDepartureTime: true,
	},
	unknownMode: {
		id: 'ftr.30.4(b)(2)',
		code: 'FILING_DEADLINE_UNKNOWN',
		citation: '15 CFR 30.4(b)(2)',
		effectiveDate: P30_4_2018,
		severity: 'warning',
		note: 'The message lists the deadline of every mode from byMode.',
	},
};
