/**
 * License codes and license exemption codes (ACE AESTIR Appendix F; 15 CFR 758.1(g)). No public
 * copy of the whole of Appendix F was found (providers.md), so both tables hold only codes a
 * findable source names, read 2026-11-30, and are POSSIBLY INCOMPLETE: a code missing here is a
 * warning. What IS certain is refused: a license code that is not an agency letter and two
 * digits (the form of every Appendix F code), and a code AES has withdrawn.
 */
export const LICENSE_CODES_AS_OF = '2026-11-30';

/** License codes: source in brackets. */
export const LICENSE_CODES: Readonly<Record<string, string>> = {
	C30: 'BIS license (eei-rules.md section 8)',
	C33: 'No license required, NLR (15 CFR 758.1(g)(3): "FTR license code C33")',
	C43: 'BIS license exception GFT, gift parcels and humanitarian donations (AESTIR Appendix F, Feb 2018, its own example)',
	C35: 'BIS license exception with listed ECCNs (AESTIR summary of changes, 2020-05-12)',
	C45: 'BIS license exception (AESTIR summary of changes, 2020-04-01)',
	C60: 'BIS license exception with listed ECCNs (AESTIR summary of changes, 2020-05-12)',
	C63: 'BIS authorization, added with YFA (AESTIR summary of changes, 2020-06-10)',
	S61: 'DDTC: temporary import of unclassified articles subsequently exported (AESTIR summary of changes, 2021-03-04)',
	S94: 'DDTC: Foreign Military Sales (Census AES bulletin, 2016-09-14)',
	T10: 'OFAC specific license (Census AES bulletin, 2016-09-14)',
};

/** Appendix F license codes are an agency letter and two digits (C33, S05, T10). */
export const LICENSE_CODE_FORM = /^[A-Z][0-9]{2}$/;

/** License codes AES no longer accepts (a filing carrying one is a fatal error): source in brackets. */
export const WITHDRAWN_LICENSE_CODES: Readonly<Record<string, string>> = {
	C32: 'NLR for CCL items, withdrawn by BIS effective 2016-10-01, fatal in AES after 180 days; use C33 (Census AES broadcast of 2016-06-09)',
	C37: 'CIV, removed from Appendix F at BIS request on 2020-06-26 (AESTIR summary of changes, July 2020)',
};

/**
 * License exemption codes: the "NLR" designator (15 CFR 758.1(g)) and the EAR license exception
 * symbols of 15 CFR part 740 (section in brackets), plus VEU (748.15).
 */
export const LICENSE_EXEMPTION_CODES: Readonly<Record<string, string>> = {
	NLR: 'No license required (758.1(g)(3))',
	LVS: 'Shipments of limited value (740.3)',
	GBS: 'Shipments to country group B (740.4)',
	CIV: 'Civil end users (740.5)',
	TSR: 'Technology and software under restriction (740.6)',
	APP: 'Computers (740.7)',
	TMP: 'Temporary imports, exports, reexports and transfers (740.9)',
	RPL: 'Servicing and replacement of parts and equipment (740.10)',
	GOV: 'Governments, international organizations (740.11)',
	GFT: 'Gift parcels and humanitarian donations (740.12)',
	TSU: 'Technology and software, unrestricted (740.13)',
	BAG: 'Baggage (740.14)',
	AVS: 'Aircraft, vessels and spacecraft (740.15)',
	APR: 'Additional permissive reexports (740.16)',
	ENC: 'Encryption commodities, software and technology (740.17)',
	AGR: 'Agricultural commodities (740.18)',
	CCD: 'Consumer communications devices (740.19)',
	STA: 'Strategic trade authorization (740.20)',
	SCP: 'Supplement No. 3 countries (740.21)',
	ACE: 'Authorized cybersecurity exports (740.22)',
	IEC: 'Imports for exhibition or demonstration (740.23)',
	VEU: 'Validated end-user authorization (748.15)',
};
