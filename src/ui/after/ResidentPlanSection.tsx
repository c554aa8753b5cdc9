// The resident's plan, for the resident and the network: the printable page and a real PDF to download (the
// PDF code loads only when asked for). Both come from the domain's residentPlan, in B1 words.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { printablePlanHtml, residentPlan } from '../../domain';
import type { Plan } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import { PrintView } from '../meeting/record/PrintView';
import { useFocusReturn, useRecordStyles } from '../meeting/record/recordUi';
import type { RecordDocument } from '../meeting/record/recordUi';

/** The SO the plan was made in: the first one held (with agreements, if any has them). */
export function planMeetingId(plan: Plan): string | undefined {
  const held = plan.meetings.filter((m) => m.status === 'held' || m.closedAt !== undefined).sort((a, b) => (a.start < b.start ? -1 : 1));
  return (held.find((m) => plan.agreements.some((a) => a.meetingId === m.id)) ?? held[0] ?? plan.meetings[0])?.id;
}

export function ResidentPlanSection({ document }: { document: RecordDocument }) {
  const styles = useRecordStyles();
  const [printing, setPrinting] = useState<string>();
  const [pdfState, setPdfState] = useState<'idle' | 'making' | 'done'>('idle');
  const [failure, setFailure] = useState<unknown>();
  const printFocus = useFocusReturn(printing !== undefined);
  const meetingId = planMeetingId(document.plan);

  const download = async () => {
    if (meetingId === undefined) return;
    setPdfState('making');
    setFailure(undefined);
    try {
      const { residentPlanPdf } = await import(/* webpackChunkName: "resident-pdf" */ './residentPdf');
      const bytes = await residentPlanPdf(residentPlan(document.plan, meetingId));
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      const link = globalThis.document.createElement('a');
      link.href = url;
      link.download = `Samenwerkplan-${document.plan.caseAlias}.pdf`;
      globalThis.document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setPdfState('done');
    } catch (error) {
      setFailure(error);
      setPdfState('idle');
    }
  };

  return (
    <section className={styles.section} aria-labelledby="after-resident">
      <h2 id="after-resident" className={styles.heading}>{t('after.resident.heading')}</h2>
      <p className={styles.intro}>{t('after.resident.intro')}</p>
      {meetingId === undefined ? (
        <p className={styles.intro}>{t('after.resident.noMeeting')}</p>
      ) : (
        <div className={styles.actions}>
          <Button onClick={() => { printFocus.remember(); setPrinting(printablePlanHtml(document.plan, meetingId)); }}>{t('after.resident.print')}</Button>
          <Button appearance="primary" disabledFocusable={pdfState === 'making'} onClick={() => { download().catch(() => undefined); }}>
            {pdfState === 'making' ? t('after.resident.making') : t('after.resident.pdf')}
          </Button>
        </div>
      )}
      <p className={styles.note} role="status" aria-live="polite">{pdfState === 'done' ? t('after.resident.downloaded') : ''}</p>
      {failure !== undefined && <ErrorNotice error={failure} onRetry={() => { download().catch(() => undefined); }} />}
      {printing !== undefined && <PrintView html={printing} onClose={() => setPrinting(undefined)} />}
    </section>
  );
}
