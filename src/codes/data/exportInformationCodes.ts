/**
 * Export information codes (ACE AESTIR Appendix E; 15 CFR 30.6(b)). Hand-made from two public
 * copies, read 2026-11-30, each code in both unless noted:
 * - the SED export information codes of a UPS shipping integration on GitHub (24 codes, found
 *   with the search tool: `SEDExportInformationCode`), and UPS WorldShip help "Export Information Codes";
 * - the AES code table of mimirb2b.com ("Export Codes"), which adds DB and HV.
 * Seed 003 (Shipium) uses LC in its example; seed 001 defaults to OS. Treated as authoritative:
 * a code not listed is refused before sending (File EEI option "Accept Unlisted Codes" lets
 * a newer code through on purpose, with a warning).
 */
export const EXPORT_INFORMATION_CODES_AS_OF = '2026-11-30';

export const EXPORT_INFORMATION_CODES: Readonly<Record<string, string>> = {
	CH: 'Goods donated for relief or charity',
	CR: 'Goods moving under a carnet',
	DB: 'Drawback (mimirb2b copy only)',
	DD: 'Other exemptions (currency, tickets, banknotes, stamps, advertising literature, ...)',
	DP: 'Diplomatic pouches and their contents',
	FS: 'Foreign Military Sales program',
	GP: 'Shipments under a US government contract for construction of facilities overseas',
	GS: 'Shipments to US government agencies and their employees for their exclusive use',
	HH: 'Personal and household effects and tools of trade',
	HR: 'Human remains with receptacles and flowers',
	HV: 'Personally owned vehicles exported as household effects (mimirb2b copy only)',
	IC: 'Interplant correspondence, executed invoices and other records',
	IP: 'Goods imported under bond (TIB), exported after processing into a new article',
	IR: 'Goods imported under bond (TIB), exported after repair or alteration',
	IS: 'Goods imported under bond (TIB), returned in the same condition',
	LC: 'Low value: $2,500 or less per Schedule B number, destinations other than groups T and V',
	LV: 'Low value: $2,500 or less per Schedule B number, under a general license',
	MS: 'Commodities consigned to the US armed forces for their exclusive use',
	OS: 'All other exports',
	RJ: 'Inadmissible (rejected) merchandise',
	SC: 'Instruments of international trade (containers, reels, ...) exported without transfer of title',
	SR: 'US carrier stores, to be warehoused overseas',
	TE: 'Temporary exports to be returned in the same condition',
	TL: 'Merchandise exported under a lease of one year or less',
	TP: 'Temporary exports of domestic goods to be processed abroad and returned',
	UG: 'Single gift parcels under a general license',
};
