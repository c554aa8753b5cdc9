// Types for scripts/make-handout.mjs, so the hand-out test can import it.
export const DEFAULT_OUT: string;
export const FIXED_DATE: Date;
export const PRINCIPLE_HEADINGS: string[];
export type HandoutBlock =
  | { kind: 'title' | 'subtitle' | 'heading' | 'paragraph'; text: string }
  | { kind: 'principle'; number: number; heading: string; text: string }
  | { kind: 'bullets'; items: string[] };
export function winAnsi(text: string, canEncode: (ch: string) => boolean): string;
export function townName(municipality?: string): string;
export function handoutText(municipality?: string): { blocks: HandoutBlock[]; footer: string; town: string };
export function handoutPlainText(municipality?: string): string;
export function buildHandout(options?: { municipality?: string }): Promise<Uint8Array>;
export function municipalityFromKeywords(keywords: string | undefined): string;
