/**
 * ISO 4217 alphabetic currency codes in current use: List One of the ISO 4217 Maintenance Agency
 * (SIX), publication of 2026-09-17 (docs/rule-coverage.md, "Currency codes"). XTS (reserved for
 * testing) and XXX ("no currency") are left out: a value cannot be stated in them. Withdrawn
 * codes (e.g. HRK, ZWL, BGN, SLL, CUC) are refused.
 */
const ISO_4217_LIST_ONE =
	'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
	'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP ' +
	'GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR ' +
	'KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN ' +
	'MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD ' +
	'SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX ' +
	'USD USN UYI UYU UYW UZS VED VES VND VUV WST XAD XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD ' +
	'XPF XPT XSU XUA YER ZAR ZMW ZWG';

export const CURRENCY_CODES: ReadonlySet<string> = new Set(ISO_4217_LIST_ONE.split(' '));

export function isCurrencyCode(code: string): boolean {
	return CURRENCY_CODES.has(code);
}
