// "Mijn afspraken": what I took on in SOs, across cases, read from my Planner tasks. Overdue ones first and
// marked in words (not by colour alone); each can be marked done here, and the plan follows through Planner.
import { Badge, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { listMyAgreements, markMyAgreementDone } from '../../app/myAgreements';
import type { MyAgreement } from '../../app/myAgreements';
import type { Services } from '../../app/ports';
import { amsterdamDay, sortMyAgreements } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { formatDate } from '../format';
import { t } from '../messages';

type Item = MyAgreement;
type Load = { state: 'loading' } | { state: 'ready'; items: Item[] } | { state: 'failed'; error: unknown };
type Marking = { state: 'saving' } | { state: 'failed'; error: unknown };

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
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
  overdue: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  done: { backgroundColor: tokens.colorNeutralBackground2 },
  what: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  late: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const doneButtonId = (key: string) => `mine-done-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function dueText(due: string | undefined): string {
  return due === undefined ? t('mine.noDue') : t('mine.due', { date: formatDate(due) });
}

export function MyAgreementsScreen({ services }: { services: Services }) {
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [marking, setMarking] = useState<ReadonlyMap<string, Marking>>(new Map());
  const [announce, setAnnounce] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfterDone = useRef<string | undefined>(undefined);

  const refresh = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', items: await listMyAgreements(services) });
    } catch (error) {
      setLoad({ state: 'failed', error });
    }
  }, [services]);

  useEffect(() => { void refresh(); }, [refresh]);

  const today = amsterdamDay(services.clock.now().getTime());
  const items = load.state === 'ready' ? load.items : undefined;
  const sorted = useMemo(() => (items ? sortMyAgreements(items, today) : []), [items, today]);

  // The button of an item marked done is gone (the item moves down): focus goes to the next open one.
  useEffect(() => {
    const after = focusAfterDone.current;
    if (after === undefined) return;
    focusAfterDone.current = undefined;
    const open = sorted.filter((i) => !i.done);
    const next = open.find((i) => i.key === after) ?? open[0];
    const button = next ? globalThis.document.getElementById(doneButtonId(next.key)) : null;
    (button ?? heading.current)?.focus();
  }, [sorted]);

  const setMark = (key: string, state: Marking | undefined) => setMarking((current) => {
    const next = new Map(current);
    if (state) next.set(key, state);
    else next.delete(key);
    return next;
  });

  const markDone = async (item: Item) => {
    setMark(item.key, { state: 'saving' });
    setAnnounce('');
    try {
      const { etag } = await markMyAgreementDone(services, item);
      setMark(item.key, undefined);
      const open = sorted.filter((i) => !i.done);
      focusAfterDone.current = open[open.findIndex((i) => i.key === item.key) + 1]?.key ?? '';
      setAnnounce(t('mine.markedDone', { what: item.what }));
      setLoad((current) => (current.state === 'ready'
        ? { state: 'ready', items: current.items.map((i) => (i.key === item.key ? { ...i, done: true, etag } : i)) }
        : current));
    } catch (error) {
      setMark(item.key, { state: 'failed', error });
    }
  };

  const overdueCount = sorted.filter((i) => i.overdue).length;
  const openCount = sorted.filter((i) => !i.done).length;

  return (
    <div className={styles.stack}>
      <h1 ref={heading} tabIndex={-1}>{t('mine.heading')}</h1>
      <p>{t('mine.intro')}</p>
      <div className={styles.toolbar}>
        <Button onClick={() => void refresh()} disabledFocusable={load.state === 'loading'}>{t('mine.refresh')}</Button>
      </div>
      <div aria-live="polite">
        {load.state === 'loading' && <Spinner label={t('mine.loading')} />}
        {announce !== '' && <p>{announce}</p>}
        {load.state === 'ready' && sorted.length > 0 && (
          <p>{overdueCount > 0 ? t('mine.countOverdue', { open: openCount, overdue: overdueCount }) : t('mine.count', { open: openCount })}</p>
        )}
      </div>
      {load.state === 'failed' && <ErrorNotice error={load.error} onRetry={() => void refresh()} />}
      {load.state === 'ready' && sorted.length === 0 && <p>{t('mine.empty')}</p>}
      {load.state === 'ready' && sorted.length > 0 && (
        <ul className={styles.list} aria-label={t('mine.listLabel')}>
          {sorted.map((item) => {
            const mark = marking.get(item.key);
            const className = [styles.item, item.overdue ? styles.overdue : '', item.done ? styles.done : ''].filter(Boolean).join(' ');
            return (
              <li key={item.key} className={className}>
                <p className={styles.what}>{item.what}</p>
                {item.overdue
                  ? <p className={styles.late}>{t('mine.late', { date: item.due === undefined ? '' : formatDate(item.due) })}</p>
                  : <p className={styles.meta}>{dueText(item.due)}</p>}
                <p className={styles.meta}>{item.caseAlias ? t('mine.case', { alias: item.caseAlias }) : t('mine.noCase')}</p>
                <div className={styles.actions}>
                  {item.done ? (
                    <Badge appearance="tint" color="success">{t('mine.done')}</Badge>
                  ) : (
                    <Button
                      id={doneButtonId(item.key)}
                      size="small"
                      disabledFocusable={mark?.state === 'saving'}
                      onClick={() => void markDone(item)}
                      aria-label={t('mine.markDoneFor', { what: item.what })}
                    >
                      {t('mine.markDone')}
                    </Button>
                  )}
                  <span aria-live="polite">{mark?.state === 'saving' && <Spinner size="tiny" label={t('mine.saving')} />}</span>
                </div>
                {mark?.state === 'failed' && <ErrorNotice error={mark.error} onRetry={() => void markDone(item)} />}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
