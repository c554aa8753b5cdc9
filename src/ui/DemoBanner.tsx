import {
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger,
  Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import type { DemoControls, DemoPersona } from '../app/ports';
import { ErrorNotice } from './ErrorNotice';
import { t } from './messages';
import type { MessageKey } from './messages';

const ROLE_LABEL: Record<DemoPersona['role'], MessageKey> = {
  caseDirector: 'demo.role.caseDirector',
  chair: 'demo.role.chair',
  participant: 'demo.role.participant',
};

const useStyles = makeStyles({
  banner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
  },
  text: { flex: '1 1 16rem', margin: 0 },
  persona: { flex: '1 1 18rem', minWidth: 0, maxWidth: '30rem' },
  select: { width: '100%', maxWidth: '100%', minWidth: 0 },
  selectControl: { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
});

interface Props {
  demo: DemoControls;
  /** Rebuilds the session after the persona or the data changed. */
  onChanged(notice?: string): Promise<void>;
}

export function DemoBanner({ demo, onChanged }: Props) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const violations = useSyncExternalStore(
    (listener) => demo.onContractViolation?.(listener) ?? (() => undefined),
    () => demo.contractViolations?.().length ?? 0,
  );

  const run = async (work: () => Promise<void>, notice?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      await onChanged(notice);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.banner} aria-label={t('demo.banner.label')}>
      <Badge appearance="filled" color="warning" size="large">{t('demo.badge')}</Badge>
      <p className={styles.text}>{t('demo.banner.text')}</p>
      <Field label={t('demo.persona.label')} className={styles.persona}>
        <Select
          className={styles.select}
          select={{ className: styles.selectControl }}
          value={demo.currentPersonaId()}
          disabled={busy}
          onChange={(_, data) => void run(() => demo.switchPersona(data.value))}
        >
          {demo.personas.map((p) => (
            <option key={p.userId} value={p.userId}>
              {t('demo.persona.option', { role: t(ROLE_LABEL[p.role]), name: p.displayName, organisation: p.organisation })}
            </option>
          ))}
        </Select>
      </Field>
      <Dialog open={resetOpen} onOpenChange={(_, data) => setResetOpen(data.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button disabled={busy}>{t('demo.reset')}</Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('demo.reset.confirmTitle')}</DialogTitle>
            <DialogContent>{t('demo.reset.confirmText')}</DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('demo.reset.cancel')}</Button>
              </DialogTrigger>
              <Button
                appearance="primary"
                onClick={() => { setResetOpen(false); void run(() => demo.reset(), t('demo.reset.done')); }}
              >
                {t('demo.reset.confirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {busy && <Spinner size="tiny" aria-label={t('app.loading')} />}
      {error !== undefined && <ErrorNotice error={error} />}
      {violations > 0 && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{t('demo.contractViolations', { count: violations })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
