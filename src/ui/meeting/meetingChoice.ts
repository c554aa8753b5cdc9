// Which SO the runner opens, and which case a meeting surface names in its URL.
import type { Surface } from '../../app/hostPort';
import type { Meeting, Plan } from '../../domain';

/** The SOs a chair can run or look back on: every meeting that was not cancelled, in time order. */
export function runnableMeetings(plan: Pick<Plan, 'meetings'>): Meeting[] {
  return plan.meetings.filter((m) => m.status !== 'cancelled').sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * The SO to open: the first one still planned (the next to be held), else the latest one held.
 * Undefined when the plan has none.
 */
export function defaultRunMeetingId(plan: Pick<Plan, 'meetings'>): string | undefined {
  const meetings = runnableMeetings(plan);
  return (meetings.find((m) => m.status === 'planned') ?? meetings[meetings.length - 1])?.id;
}

/**
 * The case alias in a meeting tab's URL (`?surface=meeting&case=SO-2026-014`, see app/meetingTab.ts).
 * Undefined when absent or blank.
 */
export function meetingCaseAlias(search: string): string | undefined {
  const alias = new URLSearchParams(search).get('case')?.trim();
  return alias ? alias : undefined;
}

/**
 * The surface index.html asks for (Teams itself decides inside a meeting): `?surface=meeting` the runner (as the
 * meeting content), `?surface=sidePanel` the side panel's layout, `?surface=stage` (or `meetingStage`) the read-only stage view, e.g. for a projector in a
 * meeting room; anything else the personal tab.
 */
export function pageSurface(search: string): Extract<Surface, 'personal' | 'meetingContent' | 'meetingSidePanel' | 'meetingStage'> {
  const surface = new URLSearchParams(search).get('surface');
  if (surface === 'meeting') return 'meetingContent';
  if (surface === 'sidePanel') return 'meetingSidePanel';
  if (surface === 'stage' || surface === 'meetingStage') return 'meetingStage';
  return 'personal';
}
