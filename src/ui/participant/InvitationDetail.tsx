// "Waarom ben ik uitgenodigd?": my reasons and what is expected of me, read from the invitation itself, with the
// hand-out, the organiser, time and place, and the two things I can do: answer, or pass my seat to a colleague.
// Shared by the personal tab (the event from Graph) and the Outlook add-in on a received meeting.
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvitationView } from '../../app/participant';
import type { AttendeeResponseStatus, Services } from '../../app/ports';
import type { InvitedPerson } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { useDetailStyles } from './detailStyles';
import { t } from '../messages';
import { ForwardSeatPanel } from './ForwardSeatPanel';
import { HandoutButton } from './HandoutButton';
import { formatSpan, REASON_LABEL, REASON_OF_LABEL, RESPONSE_LABEL } from './participantText';
import { RespondPanel } from './RespondPanel';

function Facts({ view }: { view: InvitationView }) {
  const styles = useDetailStyles();
  const rows: [string, string][] = [
    [t('participant.fact.when'), formatSpan(view.start, view.end) || view.reading.date || t('participant.fact.unknown')],
    [t('participant.fact.where'), view.location || view.reading.place || t('participant.fact.unknown')],
    [t('participant.fact.organizer'), view.organizer.name || view.organizer.email || t('participant.fact.unknown')],
  ];
  if (view.reading.respondBy) rows.push([t('participant.fact.respondBy'), view.reading.respondBy]);
  rows.push([t('participant.fact.myAnswer'), t(RESPONSE_LABEL[view.response])]);
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function MyRole({ mine }: { mine: InvitedPerson }) {
  const styles = useDetailStyles();
  return (
    <>
      <p className={styles.prose}>{t('participant.mine.as', { title: mine.title })}</p>
      {mine.reasons.length > 0 ? (
        <>
          <p className={styles.prose}>{t('participant.mine.reasons')}</p>
          <ul className={styles.list}>
            {mine.reasons.map((r) => <li key={r}>{t(REASON_LABEL[r])}</li>)}
          </ul>
        </>
      ) : (
        <p className={styles.prose}>{t('participant.mine.noReasons')}</p>
      )}
      <h3 className={styles.h2}>{t('participant.mine.expectationHeading')}</h3>
      <p className={styles.prose}>{mine.expectation ?? t('participant.mine.noExpectation')}</p>
    </>
  );
}

function People({ people, label }: { people: InvitedPerson[]; label: string }) {
  const styles = useDetailStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {people.map((p, i) => (
        <li key={`${p.title}-${i}`}>
          {p.title}
          {p.reasons.length > 0 && ` – ${p.reasons.map((r) => t(REASON_OF_LABEL[r])).join(', ')}`}
        </li>
      ))}
    </ul>
  );
}

type Load = { state: 'loading' } | { state: 'ready'; view: InvitationView } | { state: 'failed'; error: unknown };

export function InvitationDetail({ services, load, onBack }: { services: Services; load: () => Promise<InvitationView>; onBack?: () => void }) {
  const styles = useDetailStyles();
  const [state, setState] = useState<Load>({ state: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);
  const loadRef = useRef(load);
  useEffect(() => { loadRef.current = load; }, [load]);

  const refresh = useCallback(async () => {
    setState({ state: 'loading' });
    try {
      setState({ state: 'ready', view: await loadRef.current() });
    } catch (error) {
      setState({ state: 'failed', error });
    }
  }, []);

  useEffect(() => { void refresh(); }, [refresh]);
  // Opening an invitation from the list moves focus to its heading, so screen readers start at the top.
  const fromList = onBack !== undefined;
  useEffect(() => { if (state.state === 'ready' && fromList) heading.current?.focus(); }, [state.state, fromList]);

  const answered = (response: AttendeeResponseStatus) => {
    if (state.state === 'ready') setState({ state: 'ready', view: { ...state.view, response } });
  };

  const back = onBack && <Button className={styles.back} appearance="subtle" onClick={onBack}>{t('participant.back')}</Button>;
  if (state.state === 'loading') return <div className={styles.page}>{back}<Spinner label={t('participant.detail.loading')} /></div>;
  if (state.state === 'failed') return <div className={styles.page}>{back}<ErrorNotice error={state.error} onRetry={() => void refresh()} /></div>;

  const { view } = state;
  const { reading } = view;
  const others = reading.people.filter((p) => p !== reading.mine);
  return (
    <div className={styles.page}>
      {back}
      <div className={styles.section}>
        <h1 ref={heading} tabIndex={-1} style={{ margin: 0 }}>{t('participant.detail.heading')}</h1>
        <p className={styles.subject}>{view.subject}</p>
      </div>
      {view.isCancelled && <MessageBar intent="warning"><MessageBarBody>{t('participant.cancelled')}</MessageBarBody></MessageBar>}
      {!reading.recognised && <MessageBar intent="info"><MessageBarBody>{t('participant.notRecognised')}</MessageBarBody></MessageBar>}
      <Facts view={view} />

      {reading.recognised && (
        <section className={styles.section} aria-labelledby="invitation-mine">
          <h2 id="invitation-mine" className={styles.h2}>{t('participant.mine.heading')}</h2>
          {reading.mine ? <MyRole mine={reading.mine} /> : (
            <>
              <MessageBar intent="info"><MessageBarBody>{t('participant.mine.notFound')}</MessageBarBody></MessageBar>
              <People people={reading.people} label={t('participant.people.label')} />
            </>
          )}
        </section>
      )}

      {reading.goal && (
        <section className={styles.section} aria-labelledby="invitation-goal">
          <h2 id="invitation-goal" className={styles.h2}>{t('participant.goal.heading')}</h2>
          <p className={styles.prose}>{reading.goal}</p>
        </section>
      )}

      <section className={styles.section} aria-labelledby="invitation-handout">
        <h2 id="invitation-handout" className={styles.h2}>{t('participant.handout.heading')}</h2>
        {view.attachmentNames.length > 0
          ? view.attachmentNames.map((name) => (
            <div key={name}>
              <p className={styles.prose}>{t('participant.handout.attached', { name })}</p>
              {view.eventId && <HandoutButton services={services} eventId={view.eventId} name={name} />}
            </div>
          ))
          : <p className={styles.prose}>{t('participant.handout.missing')}</p>}
      </section>

      {reading.mine && others.length > 0 && (
        <section className={styles.section} aria-labelledby="invitation-others">
          <h2 id="invitation-others" className={styles.h2}>{t('participant.others.heading')}</h2>
          <People people={others} label={t('participant.others.heading')} />
        </section>
      )}

      {view.eventId ? (
        <>
          <RespondPanel services={services} eventId={view.eventId} organizer={view.organizer.name || view.organizer.email} disabled={view.isCancelled} onAnswered={answered} />
          <ForwardSeatPanel services={services} eventId={view.eventId} disabled={view.isCancelled} />
        </>
      ) : (
        <MessageBar intent="info"><MessageBarBody>{t('participant.noEventId')}</MessageBarBody></MessageBar>
      )}
    </div>
  );
}
