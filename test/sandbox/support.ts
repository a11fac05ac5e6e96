/** Shared fixtures for the sandbox specifications: Basic auth headers, JSON reading and the seed 001 filing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- provider bodies are read and edited freely in specifications
export type Json = any;

export async function json(response: Response): Promise<Json> {
	return response.json();
}

export function basic(user: string, password = ''): string {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

/** "A Simple Filing", the first example of seed 001, with a caller-chosen transaction number. */
export function simpleFiling(eeiTransactionNumber = 'GloballyUniqueNo1', transactionType = 'add'): Record<string, Json> {
	return {
		TransactionType: transactionType,
		Environment: 'test',
		Delivery: {
			Reference: 'ABC123',
			Shipper: {
				Company: 'Needful Things, Inc.',
				StreetAddress: '1060 W Addison',
				City: 'Chicago',
				Subdivision: 'IL',
				PostalCode: '60607',
				Country: 'US',
				Contact: 'Jack D. Shipper',
				Phone: '888-555-1212',
				Payor: { TaxIds: [{ Number: '88-1234567', TaxIdType: 'E' }] },
			},
			ShipTo: {
				Company: 'Boutique Formule 1',
				StreetAddress: "11 bis, Av. d'Ostendeo",
				City: 'Monaco',
				PostalCode: '98000',
				Country: 'MC',
				Contact: 'Kaiser Soze',
				Phone: '+ 377 98 06 69 00',
			},
			International: { PortOfExportCode: '2095', EeiTransactionNumber: eeiTransactionNumber },
			ShippingOptions: { ConveyanceCode: 'FX' },
			Items: [
				{
					HarmonizedCode: '6910.10.0010',
					UnitValue: { Amount: 251, Currency: 'USD' },
					UnitWeight: { Amount: 22.5, Unit: 'LBS' },
					Description: 'Megaflush 2000 Throne',
					Producer: { Country: 'US' },
					PackQuantity: 10,
					QuantityUnitOfMeasure: 'EA',
				},
			],
		},
	};
}
