import { Button, Field, Textarea } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { addWant, changeWant, checkWantText, isWantInUse, moveWant, removeWant } from '../../../domain';
import type { Want } from '../../../domain';
import { t } from '../../messages';
import { ConfirmButton } from './ConfirmButton';
import { fieldValidation, textRows, useCommittedText, usePlanStyles } from './planUi';
import type { PlanEditor } from './planUi';

type FocusKey = `${string}:up` | `${string}:down` | 'new';

interface ItemProps {
  editor: PlanEditor;
  want: Want;
  index: number;
  count: number;
  inUse: boolean;
  buttonRef(key: FocusKey, element: HTMLElement | null): void;
  onMove(id: string, offset: -1 | 1): void;
  onRemove(id: string): void;
}

function WantItem({ editor, want, index, count, inUse, buttonRef, onMove, onRemove }: ItemProps) {
  const styles = usePlanStyles();
  const n = index + 1;
  const text = useCommittedText(want.text, checkWantText, (value) => editor.edit((p) => changeWant(p, want.id, { text: value }, editor.now())));
  const target = useCommittedText(want.target, () => [], (value) => editor.edit((p) => changeWant(p, want.id, { target: value }, editor.now())));
  return (
    <li>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}><h3 className={styles.legendHeading}>{t('plan.wants.point', { n })}</h3></legend>
        <Field label={t('plan.wants.text')} {...fieldValidation(text.problems, text.value)}>
          <Textarea className={styles.control} resize="vertical" rows={textRows(text.value)} value={text.value} onChange={(_, data) => text.onChange(data.value)} />
        </Field>
        <Field label={t('plan.wants.target')} {...fieldValidation(target.problems, target.value)}>
          <Textarea className={styles.control} resize="vertical" rows={textRows(target.value)} value={target.value} onChange={(_, data) => target.onChange(data.value)} />
        </Field>
        <div className={styles.actions}>
          {/* Focusable at the ends too, so focus stays put when a point reaches the top or bottom. */}
          <Button ref={(el) => buttonRef(`${want.id}:up`, el)} disabledFocusable={index === 0} onClick={() => onMove(want.id, -1)}>
            {t('plan.wants.up', { n })}
          </Button>
          <Button ref={(el) => buttonRef(`${want.id}:down`, el)} disabledFocusable={index === count - 1} onClick={() => onMove(want.id, 1)}>
            {t('plan.wants.down', { n })}
          </Button>
          {inUse ? (
            <p className={styles.note}>{t('plan.wants.inUse')}</p>
          ) : (
            <ConfirmButton
              label={t('plan.wants.remove', { n })}
              title={t('plan.wants.removeTitle', { n })}
              text={t('plan.wants.removeText')}
              confirmLabel={t('plan.remove')}
              onConfirm={() => onRemove(want.id)}
            />
          )}
        </div>
      </fieldset>
    </li>
  );
}

function NewWant({ editor, textRef }: { editor: PlanEditor; textRef: (el: HTMLTextAreaElement | null) => void }) {
  const styles = usePlanStyles();
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const problems = submitted ? checkWantText(text) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (checkWantText(text).length > 0) {
      setSubmitted(true);
      return;
    }
    const want = { id: editor.newId(), text: text.trim(), target: target.trim() };
    editor.edit((p) => addWant(p, want, editor.now()));
    setText('');
    setTarget('');
    setSubmitted(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}><h3 className={styles.legendHeading}>{t('plan.wants.new')}</h3></legend>
        <Field label={t('plan.wants.text')} hint={t('plan.wants.textHint')} {...fieldValidation(problems, text)}>
          <Textarea ref={textRef} className={styles.control} resize="vertical" value={text} placeholder={t('plan.wants.textPlaceholder')} onChange={(_, data) => setText(data.value)} />
        </Field>
        <Field label={t('plan.wants.target')} hint={t('plan.wants.targetHint')} {...fieldValidation([], target)}>
          <Textarea className={styles.control} resize="vertical" value={target} onChange={(_, data) => setTarget(data.value)} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary">{t('plan.wants.add')}</Button>
        </div>
      </fieldset>
    </form>
  );
}

/** "Ik wil": the question behind the question, each with where the resident wants to get to. */
export function WantsSection({ editor }: { editor: PlanEditor }) {
  const styles = usePlanStyles();
  const { plan } = editor;
  const elements = useRef(new Map<FocusKey, HTMLElement>());
  const pendingFocus = useRef<FocusKey | undefined>(undefined);

  // A moved point is re-inserted in the DOM, which drops focus: put it back on the same button.
  useEffect(() => {
    const key = pendingFocus.current;
    if (key === undefined) return;
    pendingFocus.current = undefined;
    elements.current.get(key)?.focus();
  }, [plan.wants]);

  const register = (key: FocusKey, element: HTMLElement | null) => {
    if (element) elements.current.set(key, element);
    else elements.current.delete(key);
  };

  const move = (id: string, offset: -1 | 1) => {
    pendingFocus.current = `${id}:${offset < 0 ? 'up' : 'down'}`;
    editor.edit((p) => moveWant(p, id, offset));
  };

  const remove = (id: string) => {
    pendingFocus.current = 'new';
    editor.edit((p) => removeWant(p, id));
  };

  return (
    <section className={styles.section} aria-labelledby="plan-wants">
      <h2 id="plan-wants" className={styles.heading}>{t('plan.wants.heading')}</h2>
      <p className={styles.intro}>{t('plan.wants.intro')}</p>
      {plan.wants.length === 0 ? (
        <p>{t('plan.wants.empty')}</p>
      ) : (
        <ol className={styles.list} role="list">
          {plan.wants.map((want, index) => (
            <WantItem
              key={want.id}
              editor={editor}
              want={want}
              index={index}
              count={plan.wants.length}
              inUse={isWantInUse(plan, want.id)}
              buttonRef={register}
              onMove={move}
              onRemove={remove}
            />
          ))}
        </ol>
      )}
      <NewWant editor={editor} textRef={(el) => register('new', el)} />
    </section>
  );
}
