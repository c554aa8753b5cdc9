import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, MessageBar,
  MessageBarBody, Radio, RadioGroup, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { loadMyCases, startCase } from '../app/cases';
import type { CaseListEntry, Services } from '../app/ports';
import type { CaseStatus } from '../domain';
import { ErrorNotice } from './ErrorNotice';
import { formatDate, formatDateTime } from './format';
import { t } from './messages';
import type { MessageKey } from './messages';

const STATUS_LABEL: Record<CaseStatus, MessageKey> = {
  draft: 'status.draft',
  preparing: 'status.preparing',
  planned: 'status.planned',
  running: 'status.running',
  evaluating: 'status.evaluating',
  closed: 'status.closed',
};

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0` },
  // A 320 px side panel scrolls the table sideways; the region is focusable so keyboards can scroll too.
  tableWrap: { overflowX: 'auto' },
  table: { minWidth: '36rem' },
  openCase: { textDecorationLine: 'underline', paddingLeft: 0, minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The areas a case can be in (one per area champion), each once. */
function knownAreas(services: Services): { areaId: string; areaName: string }[] {
  const all = services.areaChampions.all();
  return all.filter((a, i) => all.findIndex((b) => b.areaId === a.areaId) === i).map(({ areaId, areaName }) => ({ areaId, areaName }));
}

/**
 * "Nieuwe casus" asks for the area first: it decides who the area champion is after a decline. Without any
 * area configured, the dialog only confirms.
 */
function NewCaseDialog({ services, busy, onCreate }: { services: Services; busy: boolean; onCreate: (areaId: string | undefined) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const areas = useMemo(() => (open ? knownAreas(services) : []), [services, open]);
  const [areaId, setAreaId] = useState<string>();
  const [missing, setMissing] = useState(false);

  const submit = async () => {
    // Enter in the form submits it even while the button is unavailable: one case per press of "Casus aanmaken".
    if (busy) return;
    if (areas.length > 0 && !areaId) {
      setMissing(true);
      return;
    }
    if (await onCreate(areaId)) setOpen(false);
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => { setOpen(data.open); if (data.open) { setAreaId(undefined); setMissing(false); } }}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" disabledFocusable={busy}>{t('cases.new')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
          <DialogBody>
            <DialogTitle>{t('newCase.title')}</DialogTitle>
            <DialogContent>
              {areas.length === 0 ? <p>{t('newCase.noAreas')}</p> : (
                <>
                  <p>{t('newCase.intro')}</p>
                  <Field label={t('newCase.area')} required validationMessage={missing ? t('newCase.areaMissing') : undefined}>
                    <RadioGroup value={areaId ?? ''} onChange={(_, data) => { setAreaId(data.value); setMissing(false); }}>
                      {areas.map((a) => <Radio key={a.areaId} value={a.areaId} label={a.areaName} />)}
                    </RadioGroup>
                  </Field>
                </>
              )}
              {busy && <Spinner size="tiny" label={t('cases.creating')} />}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('newCase.cancel')}</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>{t('newCase.create')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

type Load = { state: 'loading' } | { state: 'ready'; cases: CaseListEntry[]; savedAt?: string } | { state: 'failed'; error: unknown };

/** The case list; opening or creating a case hands it to `onOpen` (the address then names it). */
export function CasesScreen({ services, onOpen }: { services: Services; onOpen: (entry: CaseListEntry, how?: { created?: boolean }) => void }) {
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; areaId: string | undefined }>();

  const refresh = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', ...(await loadMyCases(services)) });
    } catch (error) {
      setLoad({ state: 'failed', error });
    }
  }, [services]);

  useEffect(() => { void refresh(); }, [refresh]);

  /** Creates the case and opens it; false (the dialog stays open) when it could not be created. */
  const create = async (areaId: string | undefined): Promise<boolean> => {
    if (load.state !== 'ready') return false;
    setCreating(true);
    setFailure(undefined);
    try {
      const created = await startCase(services, load.cases, areaId === undefined ? {} : { areaId });
      setLoad({ state: 'ready', cases: [...load.cases, created].sort((a, b) => a.caseAlias.localeCompare(b.caseAlias)) });
      onOpen(created, { created: true });
      return true;
    } catch (error) {
      setFailure({ error, areaId });
      return true;
    } finally {
      setCreating(false);
    }
  };

  return (
    <div className={styles.stack}>
      <h1>{t('cases.heading')}</h1>
      <p>{t('cases.intro')}</p>
      <div className={styles.toolbar}>
        <NewCaseDialog services={services} busy={creating || load.state !== 'ready'} onCreate={create} />
        <Button onClick={() => void refresh()} disabledFocusable={load.state === 'loading'}>{t('cases.refresh')}</Button>
      </div>
      {failure !== undefined && <ErrorNotice error={failure.error} onRetry={() => void create(failure.areaId)} />}
      {load.state === 'loading' && <Spinner label={t('cases.loading')} />}
      {load.state === 'failed' && <ErrorNotice error={load.error} onRetry={() => void refresh()} />}
      {load.state === 'ready' && load.savedAt !== undefined && (
        <MessageBar intent="warning"><MessageBarBody>{t('cases.offlineCopy', { time: formatDateTime(load.savedAt) })}</MessageBarBody></MessageBar>
      )}
      {load.state === 'ready' && load.cases.length === 0 && <p>{t('cases.empty')}</p>}
      {load.state === 'ready' && load.cases.length > 0 && (
        <div className={styles.tableWrap} role="region" aria-label={t('cases.table.label')} tabIndex={0}>
          <Table aria-label={t('cases.table.label')} size="small" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('cases.col.alias')}</TableHeaderCell>
                <TableHeaderCell>{t('cases.col.status')}</TableHeaderCell>
                <TableHeaderCell>{t('cases.col.nextMeeting')}</TableHeaderCell>
                <TableHeaderCell>{t('cases.col.openAgreements')}</TableHeaderCell>
                <TableHeaderCell>{t('cases.col.lastModified')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {load.cases.map((c) => (
                <TableRow key={c.documentId}>
                  <TableCell>
                    <Button appearance="transparent" onClick={() => onOpen(c)} aria-label={t('cases.open', { alias: c.caseAlias })} className={styles.openCase}>{c.caseAlias}</Button>
                  </TableCell>
                  <TableCell>{t(STATUS_LABEL[c.status])}</TableCell>
                  <TableCell>{c.nextMeeting ? formatDateTime(c.nextMeeting) : t('cases.noMeeting')}</TableCell>
                  <TableCell>{c.openAgreements}</TableCell>
                  <TableCell>{formatDate(c.lastModified)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
