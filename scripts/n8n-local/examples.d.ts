/** Types for examples.js: the example workflows, pointed at a sandbox and imported. */
import type { N8nCommandOptions } from './n8nLocal';

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; disabled?: boolean; [key: string]: unknown }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}
export const EXAMPLES_DIR: string;
export const EXAMPLE_SANDBOX_ORIGIN: string;
export function readExamples(dir?: string): Array<{ file: string; workflow: ExampleWorkflow }>;
export function pointAtSandbox(workflow: ExampleWorkflow, origin: string): ExampleWorkflow;
export function needsPublishing(workflow: ExampleWorkflow): boolean;
export function importWorkflows(
	userFolder: string,
	workflows: ExampleWorkflow[],
	options?: N8nCommandOptions & { publish?: string[] },
): Promise<string[]>;
