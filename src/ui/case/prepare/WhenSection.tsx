// Step 4: when. Suggestions from the professionals' calendars within the two-week window, or a time
// chosen by hand; and the date by which invitees should answer.
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { suggestMeetingTimes } from '../../../app/invitations';
import type { MeetingInvitation, TimeSuggestions } from '../../../app/invitations';
import type { Services } from '../../../app/ports';
import { amsterdamInstant, amsterdamLocal, isCalendarDay, SO_DEFAULT_MINUTES, soWindowLastDay, updateMeeting } from '../../../domain';
import type { Meeting, MeetingPatch, Problem } from '../../../domain';
import { ErrorNotice } from '../../ErrorNotice';
import { dateTimeFormat, formatDay } from '../../format';
import { t } from '../../messages';
import { fieldId, problemsAt, validation } from './prepareUi';
import type { PlanEdits } from './prepareUi';
import { useSectionStyles } from './sectionStyles';

const slotFormat = () => dateTimeFormat({ weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
const clockFormat = () => dateTimeFormat({ hour: '2-digit', minute: '2-digit' });

export function formatSlot(start: string, end: string): string {
  return `${slotFormat().format(new Date(start))}–${clockFormat().format(new Date(end))}`;
}

type Search = { state: 'idle' } | { state: 'searching' } | { state: 'done'; found: TimeSuggestions } | { state: 'failed'; error: unknown };

export function WhenSection({ services, edits, meeting, invitation, problems, disabled }: {
  services: Services; edits: PlanEdits; meeting: Meeting; invitation: MeetingInvitation; problems: Problem[]; disabled: boolean;
}) {
  const styles = useSectionStyles();
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  // What is typed but not (yet) a valid value stays here; valid values go straight into the plan.
  const [startDraft, setStartDraft] = useState<{ date: string; time: string }>();
  const [durationDraft, setDurationDraft] = useState<string>();
  const set = (patch: MeetingPatch) => edits.edit((p) => updateMeeting(p, meeting.id, patch, { now: edits.now() }));

  const startMs = Date.parse(meeting.start);
  const local = Number.isNaN(startMs) ? '' : amsterdamLocal(startMs);
  const shown = startDraft ?? { date: local.slice(0, 10), time: local.slice(11, 16) };
  const changeStart = (next: { date: string; time: string }) => {
    const instant = isCalendarDay(next.date) && /^\d{2}:\d{2}$/.test(next.time) ? amsterdamInstant(`${next.date}T${next.time}`) : undefined;
    if (instant) {
      set({ start: instant });
      setStartDraft(undefined);
    } else setStartDraft(next);
  };
  const changeDuration = (value: string) => {
    const minutes = Number(value);
    if (/^\d+$/.test(value) && minutes >= 15 && minutes <= 480) {
      set({ durationMinutes: minutes });
      setDurationDraft(undefined);
    } else setDurationDraft(value);
  };

  const find = async () => {
    setSearch({ state: 'searching' });
    try {
      setSearch({ state: 'done', found: await suggestMeetingTimes(services, edits.plan, meeting.id) });
    } catch (error) {
      setSearch({ state: 'failed', error });
    }
  };

  const lastDay = isCalendarDay(invitation.soNeededSince) ? soWindowLastDay(invitation.soNeededSince) : undefined;
  const chosen = search.state === 'done' ? search.found.suggestions.find((s) => Date.parse(s.start) === startMs)?.start ?? '' : '';

  return (
    <section aria-labelledby="prepare-when" className={styles.section}>
      <h2 id="prepare-when">{t('prepare.when.heading')}</h2>
      <p>
        {Number.isNaN(startMs) ? t('prepare.when.noTime') : t('prepare.when.chosen', { slot: formatSlot(invitation.start, invitation.end) })}
      </p>
      <div className={styles.row}>
        <Field id={fieldId('soNeededSince')} label={t('prepare.when.neededSince')} {...validation(problemsAt(problems, 'soNeededSince'))}>
          <Input type="date" value={invitation.soNeededSince} disabled={disabled}
            onChange={(_, data) => { if (isCalendarDay(data.value)) set({ soNeededSince: data.value }); }} />
        </Field>
        <Field label={t('prepare.when.duration')} {...(durationDraft !== undefined ? { validationState: 'error' as const, validationMessage: t('prepare.when.durationInvalid') } : validation(problemsAt(problems, 'durationMinutes')))}>
          <Input type="number" min={15} max={480} step={15} value={durationDraft ?? String(meeting.durationMinutes)} disabled={disabled}
            onChange={(_, data) => changeDuration(data.value)} />
        </Field>
      </div>
      {lastDay && <p className={styles.hint}>{t('prepare.when.window', { from: formatDay(invitation.soNeededSince), to: formatDay(lastDay) })}</p>}

      <div className={styles.row}>
        <Button onClick={() => void find()} disabled={disabled} disabledFocusable={search.state === 'searching'}>{t('prepare.when.find')}</Button>
        {meeting.durationMinutes !== SO_DEFAULT_MINUTES && <span className={styles.hint}>{t('prepare.when.durationNote', { minutes: meeting.durationMinutes })}</span>}
      </div>
      <div aria-live="polite" className={styles.stack}>
        {search.state === 'searching' && <Spinner size="tiny" label={t('prepare.when.searching')} />}
        {search.state === 'done' && search.found.outsideWindow && (
          <MessageBar intent="warning"><MessageBarBody>{t('prepare.when.outsideWindow')}</MessageBarBody></MessageBar>
        )}
        {search.state === 'done' && search.found.suggestions.length === 0 && <p>{t('prepare.when.none')}</p>}
      </div>
      {search.state === 'failed' && <ErrorNotice error={search.error} onRetry={() => void find()} />}
      {search.state === 'done' && search.found.suggestions.length > 0 && (
        <Field label={t('prepare.when.suggestions')}>
          <RadioGroup value={chosen} disabled={disabled} onChange={(_, data) => set({ start: data.value })}>
            {search.found.suggestions.map((s) => (
              <Radio
                key={s.start}
                value={s.start}
                label={`${formatSlot(s.start, s.end)} · ${t('prepare.when.available', { available: s.available, asked: s.asked })}${s.unavailable.length > 0 ? ` (${t('prepare.when.notAvailable', { names: s.unavailable.join(', ') })})` : ''}`}
              />
            ))}
          </RadioGroup>
        </Field>
      )}

      <fieldset className={styles.fieldset} id={fieldId('start')}>
        <legend>{t('prepare.when.manual')}</legend>
        <div className={styles.row}>
          <Field label={t('prepare.when.date')} {...(startDraft ? { validationState: 'error' as const, validationMessage: t('prepare.when.startInvalid') } : validation(problemsAt(problems, 'start')))}>
            <Input type="date" value={shown.date} disabled={disabled} onChange={(_, data) => changeStart({ ...shown, date: data.value })} />
          </Field>
          <Field label={t('prepare.when.time')}>
            <Input type="time" value={shown.time} step={900} disabled={disabled} onChange={(_, data) => changeStart({ ...shown, time: data.value })} />
          </Field>
        </div>
      </fieldset>

      <Field id={fieldId('respondBy')} label={t('prepare.when.respondBy')} hint={t('prepare.when.respondByHint')} {...validation(problemsAt(problems, 'respondBy'))}>
        <Input type="date" value={invitation.respondBy} disabled={disabled}
          onChange={(_, data) => set({ respondBy: isCalendarDay(data.value) ? data.value : undefined })} />
      </Field>
    </section>
  );
}
