import { describe, expect, it } from 'vitest';
import { isCaseAlias, nextCaseAlias } from './caseAlias';

describe('case alias', () => {
  it('recognises the SO-year-number form only', () => {
    expect(isCaseAlias('SO-2026-014')).toBe(true);
    expect(isCaseAlias('SO-2026-14')).toBe(false);
    expect(isCaseAlias('so-2026-014')).toBe(false);
    expect(isCaseAlias('SO-2026-014.json')).toBe(false);
  });

  it('continues after the highest number of the same year', () => {
    expect(nextCaseAlias(['SO-2026-014', 'SO-2026-021', 'SO-2025-099'], 2026)).toBe('SO-2026-022');
  });

  it('starts at 001 in a new year and ignores other names', () => {
    expect(nextCaseAlias(['SO-2026-021', 'notities.txt'], 2027)).toBe('SO-2027-001');
    expect(nextCaseAlias([], 2026)).toBe('SO-2026-001');
  });

  it('keeps counting past 999', () => {
    expect(nextCaseAlias(['SO-2026-999'], 2026)).toBe('SO-2026-1000');
  });
});
