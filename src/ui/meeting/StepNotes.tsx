// Notes per step. Typing stays in this component (a keystroke redraws only the text box); the note goes
// into the plan shortly after typing stops and when the box loses focus.
import { Field, Textarea } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clock } from '../../app/ports';
import { meetingNoteText, setMeetingNote } from '../../domain';
import type { Plan } from '../../domain';
import { t } from '../messages';

const SAVE_AFTER_MS = 600;

export interface StepNotesProps {
  plan: Plan;
  update(recipe: (plan: Plan) => Plan): void;
  clock: Clock;
  meetingId: string;
  stepKey: string;
}

export function StepNotes({ plan, update, clock, meetingId, stepKey }: StepNotesProps) {
  const stored = meetingNoteText(plan, meetingId, stepKey);
  // What is typed and not yet in the plan; undefined shows the plan's note (which may come from a colleague).
  const [draft, setDraft] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const text = pending.current;
    if (text === undefined) return;
    pending.current = undefined;
    update((p) => (meetingNoteText(p, meetingId, stepKey) === text
      ? p
      : setMeetingNote(p, { meetingId, itemKey: stepKey, text }, clock.now().toISOString())));
    setDraft(undefined);
  }, [update, clock, meetingId, stepKey]);

  // Leaving the step (or the screen) saves what was typed.
  useEffect(() => flush, [flush]);

  const id = `run-notes-${stepKey}`;
  return (
    <Field label={t('run.notes.label')} hint={t('run.notes.hint')}>
      <Textarea
        id={id}
        resize="vertical"
        rows={4}
        value={draft ?? stored}
        onChange={(_, data) => {
          setDraft(data.value);
          pending.current = data.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, SAVE_AFTER_MS);
        }}
        onBlur={flush}
      />
    </Field>
  );
}
