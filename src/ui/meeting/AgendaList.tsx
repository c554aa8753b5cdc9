// The SO's fixed agenda as a list of buttons: the current step is marked (aria-current="step", in words and
// with a border that survives forced colours). Memoised: it redraws only when the run or the agenda changes.
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { Agenda, AgendaChild } from '../../domain';
import { t } from '../messages';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  nested: { listStyleType: 'none', margin: 0, padding: `0 0 0 ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  group: { margin: `${tokens.spacingVerticalXS} 0`, padding: `0 ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  step: {
    width: '100%', minWidth: 0, justifyContent: 'flex-start', textAlign: 'start', height: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightRegular,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`, borderRadius: tokens.borderRadiusMedium,
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2, borderLeftColor: tokens.colorBrandStroke1, fontWeight: tokens.fontWeightSemibold,
    '@media (forced-colors: active)': { borderLeftColor: 'Highlight', borderTopColor: 'Highlight', borderRightColor: 'Highlight', borderBottomColor: 'Highlight' },
  },
  viewed: { borderLeftColor: tokens.colorNeutralStroke1, '@media (forced-colors: active)': { borderLeftColor: 'CanvasText' } },
  done: { color: tokens.colorNeutralForeground2 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
});

export interface AgendaListProps {
  agenda: Agenda;
  currentKey?: string;
  /** The step on screen (before the start, the chair can look ahead without starting the clock). */
  viewedKey: string;
  doneKeys: ReadonlySet<string>;
  onSelect(stepKey: string): void;
}

export const AgendaList = memo(function AgendaList({ agenda, currentKey, viewedKey, doneKeys, onSelect }: AgendaListProps) {
  const styles = useStyles();
  const step = (part: AgendaChild) => {
    const current = part.key === currentKey;
    const done = doneKeys.has(part.key);
    const meta = [part.clock, t('run.agenda.minutes', { minutes: part.minutes }), current ? t('run.agenda.now') : done ? t('run.agenda.done') : undefined]
      .filter(Boolean).join(' · ');
    return (
      <li key={part.key}>
        <Button
          appearance="subtle"
          className={mergeClasses(styles.step, done && styles.done, part.key === viewedKey && styles.viewed, current && styles.current)}
          aria-current={current ? 'step' : undefined}
          onClick={() => onSelect(part.key)}
        >
          <span className={styles.text}>
            <span>{part.title}</span>
            <span className={styles.meta}>{meta}</span>
          </span>
        </Button>
      </li>
    );
  };
  return (
    <ol className={styles.list}>
      {agenda.items.map((item) => (item.children && item.children.length > 0
        ? (
          <li key={item.key}>
            <p className={styles.group} id={`run-agenda-${item.key}`}>{item.title}</p>
            <ol className={styles.nested} aria-labelledby={`run-agenda-${item.key}`}>{item.children.map(step)}</ol>
          </li>
        )
        : step(item)))}
    </ol>
  );
});
