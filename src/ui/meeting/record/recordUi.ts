// What the recording sections share: the document they edit, the stamp every edit carries, problems shown
// at the field they concern, and the privacy nudge for text that leaves the plan (Planner titles).
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Services } from '../../../app/ports';
import { amsterdamDay, hasErrors, scanPlanDetails } from '../../../domain';
import type { EditStamp, Plan, PlanDetailKind, Problem } from '../../../domain';
import { sensitiveFound } from '../../case/plan/planUi';
import type { FieldValidation } from '../../case/plan/planUi';
import type { PlanDocument } from '../../case/usePlanDocument';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';

export type RecordDocument = PlanDocument & { plan: Plan };

/**
 * A function that stamps an edit with now and the signed-in user. It is stable across renders (the user
 * and the clock are read when it is called), so memoised rows that receive callbacks built on it stay put.
 */
export function useStamp(services: Services, document: RecordDocument): () => EditStamp {
  const userId = useRef(document.userId);
  userId.current = document.userId;
  const clock = services.clock;
  // Without a signed-in id (still loading) the edit is not lost: it is stamped anonymously.
  return useCallback(() => ({ at: clock.now().toISOString(), byUserId: userId.current ?? '' }), [clock]);
}

/** Today in Amsterdam (YYYY-MM-DD), from the services' clock. */
export function todayOf(services: Services): string {
  return amsterdamDay(services.clock.now().getTime());
}

/** The problems whose path is `path` (or starts with `path.`). */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path || (p.path ?? '').startsWith(`${path}.`));
}

const DETAIL_TEXT: Readonly<Record<PlanDetailKind, MessageKey>> = {
  health: 'record.privacy.health',
  address: 'record.privacy.address',
};

/**
 * What the privacy scanners found in text that becomes a Planner task title, as a nudge; undefined when clean.
 * Besides identifiers, words about health and an address: the title leaves them out (plannerTaskTitle).
 */
export function plannerPrivacyWarning(text: string): string | undefined {
  const found = [sensitiveFound(text), ...[...new Set(scanPlanDetails(text).map((m) => m.kind))].map((kind) => t(DETAIL_TEXT[kind]))]
    .filter((part): part is string => part !== undefined);
  if (found.length === 0) return undefined;
  const what = found.length === 1 ? found[0]! : t('plan.and', { first: found.slice(0, -1).join(', '), last: found[found.length - 1]! });
  return t('record.privacy.what', { what });
}

/** Props for a Fluent Field: errors make it an error, otherwise a warning; every message is shown. */
export function validation(problems: readonly Problem[], extra?: string): FieldValidation {
  const messages = problems.map((p) => p.message);
  if (extra !== undefined) messages.push(extra);
  if (messages.length === 0) return {};
  return { validationState: hasErrors(problems) ? 'error' : 'warning', validationMessage: messages.join(' ') };
}

export const useRecordStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  fieldset: {
    margin: 0,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flex: '1 1 12rem', minWidth: 0 },
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  itemDone: { backgroundColor: tokens.colorNeutralBackground2 },
  what: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  summaryList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  dl: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  dd: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  dt: { fontWeight: tokens.fontWeightSemibold },
  printFrame: { width: '100%', height: '60vh', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: '#ffffff' },
  printSurface: { maxWidth: 'min(60rem, calc(100vw - 2rem))', width: '100%' },
});

/**
 * Focus for a dialog that is rendered only while open: `open()` remembers what had focus (the button that
 * opened it); once `isOpen` turns false again focus goes back there, or to `fallback` when that button is gone.
 */
export function useFocusReturn(isOpen: boolean, fallback?: () => HTMLElement | null | undefined): { remember(): void } {
  const opener = useRef<HTMLElement | null>(null);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  useEffect(() => {
    if (isOpen || opener.current === null) return;
    const target = opener.current.isConnected ? opener.current : fallbackRef.current?.() ?? null;
    opener.current = null;
    target?.focus();
  }, [isOpen]);
  return useMemo(() => ({
    remember() {
      const active = globalThis.document.activeElement;
      opener.current = active instanceof HTMLElement ? active : null;
    },
  }), []);
}
