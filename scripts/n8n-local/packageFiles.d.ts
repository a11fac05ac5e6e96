/** Types for packageFiles.js: what the package ships. */
export interface ShippedType {
	/** e.g. dist/nodes/FileEei/FileEei.node.js */
	file: string;
	/** e.g. fileEei, flexportApi */
	name: string;
	icon?: unknown;
}
export function packedFiles(options?: { build?: boolean }): string[];
export function nodeDescriptions(): ShippedType[];
export function credentialDescriptions(): ShippedType[];
