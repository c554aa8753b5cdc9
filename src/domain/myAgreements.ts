// "Mijn afspraken": every agreement someone took on, across cases, read from their Planner tasks. The task
// title holds the case alias and what is to be done (see plannerTaskTitle); overdue ones come first.
import { isCaseAlias } from './caseAlias';
import { toCalendarDay } from './calendar';
import { TASK_TITLE_SEPARATOR } from './plannerMirror';

export interface MyAgreementItem {
  key: string;
  caseAlias?: string;
  what: string;
  /** YYYY-MM-DD, or an ISO instant (read in Amsterdam). */
  due?: string;
  done: boolean;
}

/** The inverse of plannerTaskTitle: `SO-2026-014 – Belt de huisarts` → alias and what. */
export function parseTaskTitle(title: string): { caseAlias?: string; what: string } {
  const at = title.indexOf(TASK_TITLE_SEPARATOR);
  if (at > 0) {
    const alias = title.slice(0, at).trim();
    if (isCaseAlias(alias)) return { caseAlias: alias, what: title.slice(at + TASK_TITLE_SEPARATOR.length).trim() };
  }
  return { what: title.trim() };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Open overdue agreements first (the oldest first), then the other open ones by due date (those without a
 * date last), then the done ones. Ties keep the order they came in.
 */
export function sortMyAgreements<T extends MyAgreementItem>(items: readonly T[], today: string): (T & { overdue: boolean })[] {
  const todayDay = toCalendarDay(today);
  const rows = items.map((item, index) => {
    const due = item.due === undefined ? undefined : toCalendarDay(item.due);
    const overdue = !item.done && due !== undefined && todayDay !== undefined && due < todayDay;
    const group = item.done ? 2 : overdue ? 0 : 1;
    return { item: { ...item, overdue }, due, group, index };
  });
  rows.sort((a, b) => {
    if (a.group !== b.group) return a.group - b.group;
    if (a.due !== b.due) {
      if (a.due === undefined) return 1;
      if (b.due === undefined) return -1;
      return compare(a.due, b.due);
    }
    return a.index - b.index;
  });
  return rows.map((r) => r.item);
}
