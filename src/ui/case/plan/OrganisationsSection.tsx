import { Button, Field, Input } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { addOrganisation, checkOrganisationName, removeOrganisation, renameOrganisation } from '../../../domain';
import type { Plan } from '../../../domain';
import { t } from '../../messages';
import { fieldValidation, useCommittedText, usePlanStyles } from './planUi';
import type { PlanEditor } from './planUi';

type Organisation = Plan['organisations'][number];

function OrganisationItem({ editor, organisation, index, onRemove }: { editor: PlanEditor; organisation: Organisation; index: number; onRemove(id: string): void }) {
  const styles = usePlanStyles();
  const id = organisation.organisationId;
  const name = useCommittedText(
    organisation.name,
    (value) => checkOrganisationName(editor.plan, value, id),
    (value) => editor.edit((p) => renameOrganisation(p, id, value)),
  );
  return (
    <li className={styles.row}>
      <Field className={styles.grow} label={t('plan.organisations.item', { n: index + 1 })} {...fieldValidation(name.problems, name.value)}>
        <Input className={styles.control} value={name.value} onChange={(_, data) => name.onChange(data.value)} autoComplete="off" />
      </Field>
      <Button onClick={() => onRemove(id)}>
        {organisation.name.trim() === '' ? t('plan.organisations.removeN', { n: index + 1 }) : t('plan.organisations.remove', { name: organisation.name })}
      </Button>
    </li>
  );
}

/** The organisations involved with the resident. */
export function OrganisationsSection({ editor }: { editor: PlanEditor }) {
  const styles = usePlanStyles();
  const { organisations } = editor.plan;
  const [name, setName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const newRef = useRef<HTMLInputElement>(null);
  const problems = checkOrganisationName(editor.plan, name).filter((p) => submitted || p.code !== 'organisation-name-missing');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (checkOrganisationName(editor.plan, name).length > 0) {
      setSubmitted(true);
      newRef.current?.focus();
      return;
    }
    const organisation = { organisationId: editor.newId(), name: name.trim() };
    editor.edit((p) => addOrganisation(p, organisation));
    setName('');
    setSubmitted(false);
  };

  const remove = (id: string) => {
    editor.edit((p) => removeOrganisation(p, id));
    newRef.current?.focus();
  };

  return (
    <section className={styles.section} aria-labelledby="plan-organisations">
      <h2 id="plan-organisations" className={styles.heading}>{t('plan.organisations.heading')}</h2>
      {organisations.length === 0 ? (
        <p>{t('plan.organisations.empty')}</p>
      ) : (
        <ul className={styles.list} role="list">
          {organisations.map((o, index) => (
            <OrganisationItem key={o.organisationId} editor={editor} organisation={o} index={index} onRemove={remove} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className={styles.row}>
        <Field className={styles.grow} label={t('plan.organisations.new')} {...fieldValidation(problems, name)}>
          <Input ref={newRef} className={styles.control} value={name} onChange={(_, data) => setName(data.value)} autoComplete="off" />
        </Field>
        <Button type="submit">{t('plan.organisations.add')}</Button>
      </form>
    </section>
  );
}
