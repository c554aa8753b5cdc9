import {
  Button, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
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

type Load = { state: 'loading' } | { state: 'ready'; cases: CaseListEntry[]; savedAt?: string } | { state: 'failed'; error: unknown };

export function CasesScreen({ services, onOpen }: { services: Services; onOpen: (entry: CaseListEntry) => void }) {
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success'; text: string } | { kind: 'error'; error: unknown }>();

  const refresh = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', ...(await loadMyCases(services)) });
    } catch (error) {
      setLoad({ state: 'failed', error });
    }
  }, [services]);

  useEffect(() => { void refresh(); }, [refresh]);

  const create = async () => {
    if (load.state !== 'ready') return;
    setCreating(true);
    setNotice(undefined);
    try {
      const created = await startCase(services, load.cases);
      setLoad({ state: 'ready', cases: [...load.cases, created].sort((a, b) => a.caseAlias.localeCompare(b.caseAlias)) });
      setNotice({ kind: 'success', text: t('cases.created', { alias: created.caseAlias }) });
    } catch (error) {
      setNotice({ kind: 'error', error });
    } finally {
      setCreating(false);
    }
  };

  return (
    <div className={styles.stack}>
      <h1>{t('cases.heading')}</h1>
      <p>{t('cases.intro')}</p>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void create()} disabledFocusable={creating || load.state !== 'ready'}>
          {t('cases.new')}
        </Button>
        <Button onClick={() => void refresh()} disabledFocusable={load.state === 'loading'}>{t('cases.refresh')}</Button>
        {creating && <Spinner size="tiny" label={t('cases.creating')} />}
      </div>
      <div aria-live="polite">
        {notice?.kind === 'success' && (
          <MessageBar intent="success"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>
        )}
      </div>
      {notice?.kind === 'error' && <ErrorNotice error={notice.error} onRetry={() => void create()} />}
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
