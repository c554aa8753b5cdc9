// A case alias ("SO-2026-014") stands for the resident everywhere outside the plan itself:
// file names, subjects, task titles. It carries no personal data by construction.

const CASE_ALIAS = /^SO-(\d{4})-(\d{3,})$/;

export function isCaseAlias(value: string): boolean {
  return CASE_ALIAS.test(value);
}

/** The next free alias in the given year: one past the highest number used that year. */
export function nextCaseAlias(existing: readonly string[], year: number): string {
  let highest = 0;
  for (const alias of existing) {
    const match = CASE_ALIAS.exec(alias);
    if (match && Number(match[1]) === year) highest = Math.max(highest, Number(match[2]));
  }
  return `SO-${year}-${String(highest + 1).padStart(3, '0')}`;
}
