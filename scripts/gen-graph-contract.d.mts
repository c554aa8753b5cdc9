// Types for scripts/gen-graph-contract.mjs, so the contract test can import it.
export const ROOT_TYPES: string[];
export const ACTIONS: [string, string][];
export const DYNAMIC_VALUES: Record<string, string>;
export const DEFAULT_CSDL: string;
export const DEFAULT_OUT: string;
export function buildContract(csdlText: string): Record<string, unknown>;
export function serialiseContract(contract: Record<string, unknown>): string;
