import { Button, Field, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { addLine, changeLine, checkLine, planLines, removeLine } from '../../../domain';
import type { PlanLineList } from '../../../domain';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';
import { fieldValidation, textRows, useCommittedText, usePlanStyles } from './planUi';
import type { PlanEditor } from './planUi';

interface ListProps {
  editor: PlanEditor;
  list: PlanLineList;
  /** The list's heading, in the resident's words ("Wat ik zelf kan doen, met mijn netwerk"). */
  heading: MessageKey;
  /** A short name for the list, used in the names of its fields and buttons. */
  name: MessageKey;
  hint?: MessageKey;
}

function LineItem({ editor, list, name, index, line, onRemove }: { editor: PlanEditor; list: PlanLineList; name: string; index: number; line: string; onRemove(index: number): void }) {
  const styles = usePlanStyles();
  const n = index + 1;
  const text = useCommittedText(
    line,
    (value) => checkLine(editor.plan, list, value, index),
    (value) => editor.edit((p) => changeLine(p, list, index, value)),
  );
  return (
    <li className={styles.row}>
      <Field className={styles.grow} label={t('plan.lines.line', { list: name, n })} {...fieldValidation(text.problems, text.value)}>
        <Textarea className={styles.control} resize="vertical" rows={textRows(text.value)} value={text.value} onChange={(_, data) => text.onChange(data.value)} />
      </Field>
      <Button aria-label={t('plan.lines.remove', { list: name, n })} onClick={() => onRemove(index)}>{t('plan.lines.removeShort', { n })}</Button>
    </li>
  );
}

/** One list of lines in the resident's words, e.g. "Ik heb nodig, op korte termijn". */
export function LineListEditor({ editor, list, heading, name, hint }: ListProps) {
  const styles = usePlanStyles();
  const lines = planLines(editor.plan, list);
  const listName = t(name);
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const newRef = useRef<HTMLTextAreaElement>(null);
  const problems = submitted || text !== '' ? checkLine(editor.plan, list, text).filter((p) => submitted || p.code !== 'line-empty') : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (checkLine(editor.plan, list, text).length > 0) {
      setSubmitted(true);
      newRef.current?.focus();
      return;
    }
    const line = text.trim();
    editor.edit((p) => addLine(p, list, line));
    setText('');
    setSubmitted(false);
  };

  const remove = (index: number) => {
    editor.edit((p) => removeLine(p, list, index));
    newRef.current?.focus();
  };

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}><h3 className={styles.legendHeading}>{t(heading)}</h3></legend>
      {hint !== undefined && <p className={styles.note}>{t(hint)}</p>}
      {lines.length === 0 ? (
        <p className={styles.note}>{t('plan.lines.empty')}</p>
      ) : (
        <ul className={styles.list} role="list">
          {lines.map((line, index) => (
            // Lines have no ids; the index is their identity while this list is on screen.
            <LineItem key={index} editor={editor} list={list} name={listName} index={index} line={line} onRemove={remove} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className={styles.row}>
        <Field className={styles.grow} label={t('plan.lines.new', { list: listName })} {...fieldValidation(problems, text)}>
          <Textarea ref={newRef} className={styles.control} resize="vertical" rows={2} value={text} onChange={(_, data) => setText(data.value)} />
        </Field>
        <Button type="submit">{t('plan.lines.add', { list: listName })}</Button>
      </form>
    </fieldset>
  );
}
