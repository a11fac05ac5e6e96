// EEI requirement engine: rule data, types and the determination.
export * from './determineEeiRequirement';
export * from './types';
export * from './rules';
export { REASON_CODES } from './reasonCodes';
export { compileRuleSet } from './compile';
