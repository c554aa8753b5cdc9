// Step 11 of the SO and after: closing it. The chair confirms a summary (agreements, casusregie,
// procesregie, evaluation); then the SO is closed and the completed plan goes to everyone present:
// professionals get the shared plan and a summary mail (when the resident consents), the resident and the
// network a printed version the case director hands over. A retry never mails anyone twice (the app
// records each delivery in the plan).
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, MessageBarTitle, Spinner,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { distributeMeeting } from '../../../app/closeMeeting';
import type { DistributionOutcome, PrintReason } from '../../../app/closeMeeting';
import type { Services } from '../../../app/ports';
import { agreementOwnerName, checkPresent, closeMeeting, expectedAtTable, presentAtMeeting, printablePlanHtml, summariseMeeting } from '../../../domain';
import type { Meeting, MeetingSummary, Plan, Problem } from '../../../domain';
import { ErrorNotice } from '../../ErrorNotice';
import { formatDateTime, formatDay } from '../../format';
import { errorMessage, t } from '../../messages';
import type { MessageKey } from '../../messages';
import { PrintView } from './PrintView';
import { useFocusReturn, useRecordStyles, useStamp } from './recordUi';
import type { RecordDocument } from './recordUi';

type Distribution = { state: 'idle' } | { state: 'running' } | { state: 'done'; outcomes: DistributionOutcome[] } | { state: 'failed'; error: unknown };

function processText(summary: MeetingSummary): string {
  const { needed, aveLevel, name } = summary.processDirector;
  const level = aveLevel === undefined ? '' : ` ${t('close.summary.aveLevel', { level: aveLevel })}`;
  if (!needed) return `${t('close.summary.processNotNeeded')}${level}`;
  return `${name === undefined ? t('close.summary.processNeededOpen') : t('close.summary.processNeeded', { name })}${level}`;
}

function evaluationText(summary: MeetingSummary): string {
  const e = summary.evaluation;
  if (e === undefined) return t('close.summary.noEvaluation');
  const key = e.how === 'mail' ? 'close.summary.evaluationMail' : 'close.summary.evaluationMeeting';
  return t(key, { date: formatDay(e.date), organiser: e.organiser ?? t('record.evaluation.noOrganiser') });
}

/** What the chair confirms before closing. */
function SummaryView({ summary }: { summary: MeetingSummary }) {
  const styles = useRecordStyles();
  const missing = [
    summary.agreements.length === 0 ? t('close.missing.agreements') : undefined,
    summary.caseDirector === undefined ? t('close.missing.caseDirector') : undefined,
    summary.evaluation === undefined ? t('close.missing.evaluation') : undefined,
  ].filter((m): m is string => m !== undefined);
  return (
    <div className={styles.section}>
      {missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('close.missing.title')}</MessageBarTitle>
            {missing.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <h3 className={styles.subheading} id="close-summary-agreements">{t('close.summary.agreements', { count: summary.agreements.length })}</h3>
      {summary.agreements.length === 0 ? (
        <p className={styles.intro}>{t('close.summary.noAgreements')}</p>
      ) : (
        <ul className={styles.summaryList} aria-labelledby="close-summary-agreements">
          {summary.agreements.map((a) => (
            <li key={a.id}>
              <strong>{a.who}</strong>: {a.what} – {t('record.list.due', { date: formatDay(a.due) })}
              {a.perspectiveOnly && ` (${t('record.list.perspective')})`}
              {a.status === 'done' && ` (${t('close.summary.done')})`}
            </li>
          ))}
        </ul>
      )}
      <dl className={styles.dl}>
        <dt className={styles.dt}>{t('close.summary.caseDirector')}</dt>
        <dd className={styles.dd}>{summary.caseDirector ?? t('close.summary.noCaseDirector')}</dd>
        <dt className={styles.dt}>{t('close.summary.process')}</dt>
        <dd className={styles.dd}>{processText(summary)}</dd>
        <dt className={styles.dt}>{t('close.summary.evaluation')}</dt>
        <dd className={styles.dd}>{evaluationText(summary)}</dd>
        {summary.closingNotes !== undefined && (
          <>
            <dt className={styles.dt}>{t('close.summary.closingNotes')}</dt>
            <dd className={styles.dd}>{summary.closingNotes}</dd>
          </>
        )}
      </dl>
      <p className={styles.note}>{t('close.summary.distribution')}</p>
    </div>
  );
}

const ROLE_LABEL: Record<Plan['participants'][number]['role'], MessageKey> = {
  resident: 'record.who.group.resident',
  network: 'record.who.group.network',
  professional: 'record.who.group.professional',
};

/**
 * "Wie waren er?": everyone in the plan, ticked when expected at the table (the responses decide). The plan goes
 * to whoever is ticked, as the handbook says: to those present.
 */
function PresentChoice({ plan, present, problems, onChange }: { plan: Plan; present: ReadonlySet<string>; problems: readonly Problem[]; onChange(next: Set<string>): void }) {
  const styles = useRecordStyles();
  const error = problems.find((p) => p.path === 'presentParticipantIds');
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? 'close-present-error' : undefined}>
      <legend className={styles.legend}>{t('close.present.legend')}</legend>
      <p className={styles.note}>{t('close.present.hint')}</p>
      {plan.participants.map((p) => (
        <Checkbox
          key={p.id}
          checked={present.has(p.id)}
          label={`${agreementOwnerName(plan, p.id)} (${t(ROLE_LABEL[p.role]).toLowerCase()})`}
          onChange={(_, data) => {
            const next = new Set(present);
            if (data.checked === true) next.add(p.id);
            else next.delete(p.id);
            onChange(next);
          }}
        />
      ))}
      {error && <p id="close-present-error" className={styles.problem} role="alert">{error.message}</p>}
    </fieldset>
  );
}

export function ClosingSection({ services, document, meeting }: { services: Services; document: RecordDocument; meeting: Meeting }) {
  const styles = useRecordStyles();
  const stamp = useStamp(services, document);
  const [confirming, setConfirming] = useState(false);
  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());
  const [presentProblems, setPresentProblems] = useState<Problem[]>([]);
  const [distribution, setDistribution] = useState<Distribution>({ state: 'idle' });
  const [printing, setPrinting] = useState<string>();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const closed = meeting.closedAt !== undefined;
  // Back from the summary: to the button. Confirmed: that button is gone, so to what happens next.
  const confirmFocus = useFocusReturn(confirming, () => resultHeading.current);
  const printFocus = useFocusReturn(printing !== undefined);

  const distribute = async (resend?: string[]) => {
    setDistribution({ state: 'running' });
    try {
      setDistribution({ state: 'done', outcomes: await distributeMeeting(services, document, meeting.id, resend ? { resend } : {}) });
    } catch (error) {
      setDistribution({ state: 'failed', error });
    }
  };

  const confirm = () => {
    const ids = [...present];
    const problems = checkPresent(document.plan, ids);
    setPresentProblems(problems);
    if (problems.length > 0) return;
    setConfirming(false);
    document.update((p) => closeMeeting(p, meeting.id, stamp(), ids));
    void distribute();
  };

  // The summary is checked together: with what the note taker recorded on another device a moment ago too,
  // not only what the last periodic read brought (the dialog follows the plan as the read comes in).
  const openSummary = () => {
    confirmFocus.remember();
    setPresent(new Set(expectedAtTable(document.plan, meeting).map((p) => p.id)));
    setPresentProblems([]);
    setConfirming(true);
    document.refresh?.();
  };

  const recorded = meeting.distribution ?? [];

  return (
    <section className={styles.section} aria-labelledby="close-heading">
      <h3 id="close-heading" className={styles.heading}>{t('close.heading')}</h3>
      {!closed && <p className={styles.intro}>{t('close.intro')}</p>}
      {!closed && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={openSummary}>{t('close.button')}</Button>
        </div>
      )}
      {closed && (
        <>
          <h4 ref={resultHeading} tabIndex={-1} className={styles.subheading}>
            {t('close.closedAt', { time: formatDateTime(meeting.closedAt!) })}
          </h4>
          <p className={styles.note}>
            {t('close.present.recorded', { names: presentAtMeeting(document.plan, meeting).map((p) => agreementOwnerName(document.plan, p.id)).join(', ') || t('close.present.nobody') })}
          </p>
          <div aria-live="polite">
            {distribution.state === 'running' && <Spinner size="tiny" label={t('close.distributing')} />}
          </div>
          {distribution.state === 'done' && (
            <OutcomeList outcomes={distribution.outcomes} onResend={(id) => void distribute([id])} onRetry={() => void distribute()} />
          )}
          {distribution.state === 'failed' && <ErrorNotice error={distribution.error} onRetry={() => void distribute()} />}
          {distribution.state === 'idle' && recorded.length > 0 && (
            <ul className={styles.summaryList} aria-label={t('close.recorded')}>
              {recorded.map((d) => (
                <li key={`${d.participantId}-${d.channel}`}>
                  {t(d.channel === 'mail' ? 'close.recorded.mail' : 'close.recorded.print', { name: agreementOwnerName(document.plan, d.participantId), time: formatDateTime(d.at) })}
                </li>
              ))}
            </ul>
          )}
          {distribution.state === 'idle' && (
            <div className={styles.actions}>
              <Button onClick={() => void distribute()}>{recorded.length > 0 ? t('close.distributeAgain') : t('close.distribute')}</Button>
            </div>
          )}
        </>
      )}
      <div className={styles.actions}>
        <Button onClick={() => { printFocus.remember(); setPrinting(printablePlanHtml(document.plan, meeting.id)); }}>{t('print.button')}</Button>
      </div>

      <Dialog open={confirming} modalType="modal" onOpenChange={(_, data) => { if (!data.open) setConfirming(false); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('close.dialog.title')}</DialogTitle>
            <DialogContent>
              {confirming && <SummaryView summary={summariseMeeting(document.plan, meeting.id)} />}
              {confirming && <PresentChoice plan={document.plan} present={present} problems={presentProblems} onChange={(next) => { setPresent(next); setPresentProblems([]); }} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={confirm}>{t('close.dialog.confirm')}</Button>
              <Button onClick={() => setConfirming(false)}>{t('close.dialog.back')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {printing !== undefined && <PrintView html={printing} onClose={() => setPrinting(undefined)} />}
    </section>
  );
}

const PRINT_TEXT: Record<PrintReason, MessageKey> = {
  resident: 'close.outcome.print.resident',
  network: 'close.outcome.print.network',
  'no-email': 'close.outcome.print.noEmail',
  'no-consent': 'close.outcome.print.noConsent',
};

function outcomeText(o: DistributionOutcome): string {
  switch (o.status) {
    case 'sent': return o.share === 'already-shared' ? t('close.outcome.mailedShared') : t('close.outcome.mailed');
    case 'already-sent': return t('close.outcome.alreadySent');
    case 'print': return t(PRINT_TEXT[o.printReason ?? 'network']);
    case 'failed': return o.error?.code === 'mail-ambiguous' ? t('close.outcome.ambiguous') : t('close.outcome.failed', { error: errorMessage(o.error?.code ?? 'unexpected') });
  }
}

function OutcomeList({ outcomes, onResend, onRetry }: { outcomes: readonly DistributionOutcome[]; onResend(participantId: string): void; onRetry(): void }) {
  const styles = useRecordStyles();
  const retryable = outcomes.some((o) => o.status === 'failed' && o.error?.code !== 'mail-ambiguous');
  return (
    <>
      <ul className={styles.list} aria-label={t('close.outcomes')}>
        {outcomes.map((o) => (
          <li key={o.participantId} className={styles.item}>
            <p className={styles.what}><strong>{o.name}</strong></p>
            <p className={o.status === 'failed' ? styles.problem : styles.meta}>{outcomeText(o)}</p>
            {o.status === 'failed' && o.error?.code === 'mail-ambiguous' && (
              <div className={styles.actions}>
                <Button size="small" onClick={() => onResend(o.participantId)}>{t('close.outcome.resend', { name: o.name })}</Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {retryable && (
        <div className={styles.actions}>
          <Button onClick={onRetry}>{t('close.retryFailed')}</Button>
        </div>
      )}
    </>
  );
}
