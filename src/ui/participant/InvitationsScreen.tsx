// "Mijn uitnodigingen": the SO invitations in my calendar for the coming weeks; each opens "Waarom ben ik uitgenodigd?".
import { Badge, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { INVITATION_WINDOW_DAYS, listMyInvitations, openInvitation } from '../../app/participant';
import type { CalendarInvitation, Services } from '../../app/ports';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import { InvitationDetail } from './InvitationDetail';
import { formatSpan, RESPONSE_LABEL } from './participantText';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  open: { justifyContent: 'flex-start', textAlign: 'start', paddingLeft: 0, minWidth: 0, fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline', height: 'auto', whiteSpace: 'normal' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Load = { state: 'loading' } | { state: 'ready'; invitations: CalendarInvitation[] } | { state: 'failed'; error: unknown };

export function InvitationsScreen({ services }: { services: Services }) {
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [open, setOpen] = useState<CalendarInvitation>();
  const heading = useRef<HTMLHeadingElement>(null);
  const returnFocusTo = useRef<string>(undefined);

  const refresh = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', invitations: await listMyInvitations(services) });
    } catch (error) {
      setLoad({ state: 'failed', error });
    }
  }, [services]);

  useEffect(() => { void refresh(); }, [refresh]);

  // Back from an invitation: focus returns to the button that opened it (or the heading when it is gone).
  useEffect(() => {
    if (open || load.state !== 'ready' || !returnFocusTo.current) return;
    const button = document.getElementById(returnFocusTo.current);
    (button ?? heading.current)?.focus();
    returnFocusTo.current = undefined;
  }, [open, load.state]);

  if (open) {
    return (
      <InvitationDetail
        services={services}
        load={() => openInvitation(services, open.eventId)}
        onBack={() => {
          returnFocusTo.current = `invitation-${open.eventId}`;
          setOpen(undefined);
          void refresh();
        }}
      />
    );
  }

  return (
    <div className={styles.stack}>
      <h1 ref={heading} tabIndex={-1}>{t('participant.list.heading')}</h1>
      <p>{t('participant.list.intro', { days: INVITATION_WINDOW_DAYS })}</p>
      <div className={styles.toolbar}>
        <Button onClick={() => void refresh()} disabledFocusable={load.state === 'loading'}>{t('participant.list.refresh')}</Button>
      </div>
      {load.state === 'loading' && <Spinner label={t('participant.list.loading')} />}
      {load.state === 'failed' && <ErrorNotice error={load.error} onRetry={() => void refresh()} />}
      {load.state === 'ready' && load.invitations.length === 0 && <p>{t('participant.list.empty', { days: INVITATION_WINDOW_DAYS })}</p>}
      {load.state === 'ready' && load.invitations.length > 0 && (
        <ul className={styles.list} aria-label={t('participant.list.label')}>
          {load.invitations.map((invitation) => (
            <li key={invitation.eventId} className={styles.item}>
              <Button
                id={`invitation-${invitation.eventId}`}
                appearance="transparent"
                className={styles.open}
                onClick={() => setOpen(invitation)}
              >
                {invitation.subject}
              </Button>
              <p className={styles.meta}>{formatSpan(invitation.start, invitation.end)}{invitation.location ? ` · ${invitation.location}` : ''}</p>
              <p className={styles.meta}>{t('participant.organizer', { name: invitation.organizer.name || invitation.organizer.email })}</p>
              <div className={styles.badges}>
                <Badge appearance="tint" color={invitation.response === 'accepted' ? 'success' : invitation.response === 'declined' ? 'danger' : 'informative'}>
                  {t(RESPONSE_LABEL[invitation.response])}
                </Badge>
                {invitation.isCancelled && <Badge appearance="tint" color="danger">{t('participant.cancelled.badge')}</Badge>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
