/**
 * Units of measure for the Schedule B / HTS quantities (15 CFR 30.6(a)(14), (b)(7)): the units
 * Shipium lists for scheduleBUnitOfMeasurement (seed 003) under their Census abbreviations, "X"
 * for no quantity, and the spellings the EasyPost examples use (seed 001: "EA", "doz.", "kg").
 * Read 2026-11-30. POSSIBLY INCOMPLETE (the Census unit file was not found, and EasyPost's
 * accepted spellings are not documented): a unit missing here is a warning, never an error.
 * Units are compared in upper case without dots and spaces ("doz." = "DOZ").
 */
export const UNITS_AS_OF = '2026-11-30';

export const UNITS_OF_MEASURE: Readonly<Record<string, string>> = {
	BBL: 'barrels',
	CAR: 'carats',
	CKG: 'content kilograms',
	CM2: 'square centimeters',
	CTN: 'content tons',
	CUR: 'curies',
	CYK: 'clean yield kilograms',
	DOZ: 'dozens',
	DPC: 'dozen pieces',
	DPR: 'dozen pairs',
	FBM: 'fiber meters',
	GCN: 'gross containers',
	G: 'grams',
	GM: 'grams',
	GRS: 'gross',
	HUN: 'hundreds',
	KG: 'kilograms',
	KM3: 'thousand cubic meters',
	KTS: 'kilograms total sugars',
	L: 'liters',
	M: 'meters',
	M2: 'square meters',
	M3: 'cubic meters',
	MCI: 'millicuries',
	NO: 'number',
	PCS: 'pieces',
	PFL: 'proof liters',
	PK: 'packs',
	PRS: 'pairs',
	RBA: 'running bales',
	SQ: 'squares',
	T: 'metric tons',
	THS: 'thousands',
	X: 'no quantity required',
	EA: 'each (commercial unit in the EasyPost example, seed 001)',
	KGS: 'kilograms (commercial spelling)',
	LBS: 'pounds (commercial unit)',
};
