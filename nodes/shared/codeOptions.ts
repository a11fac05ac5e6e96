/**
 * The File EEI option that lets a code through on purpose when it is missing from the
 * package's code tables (e.g. a port CBP opened after the table's date). Such a code is filed
 * with a warning in the output, never silently.
 */
import type { INodeProperties } from 'n8n-workflow';

export const acceptUnlistedCodesProperty: INodeProperties = {
	displayName: 'Accept Unlisted Codes',
	name: 'acceptUnlistedCodes',
	type: 'string',
	default: '',
	placeholder: '2095, ZZ',
	description:
		"Codes you know are right although the package's code tables do not list them (ports, export information codes, Schedule B numbers, ...), separated by commas: they are sent with a warning instead of being refused",
};

/** The option's codes, upper case, without blanks. */
export function acceptedCodes(value: unknown): string[] {
	if (typeof value !== 'string') return [];
	return value
		.split(/[\s,;]+/)
		.map((code) => code.trim().toUpperCase())
		.filter((code) => code !== '');
}
