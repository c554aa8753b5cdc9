// Step 9 of the SO: who keeps the regie together with the resident (casusregie; not necessarily the chair),
// and whether a procesregisseur is needed, with the case's AVE level. Every choice is written at once.
import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { checkCaseDirection, setCaseDirection } from '../../../domain';
import type { AveLevel, CaseDirection, Problem } from '../../../domain';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';
import { useRecordStyles, validation } from './recordUi';
import type { RecordDocument } from './recordUi';

const AVE_LEVELS: readonly AveLevel[] = [1, 2, 3, 4];
const AVE_TEXT: Record<AveLevel, MessageKey> = {
  1: 'record.ave.1',
  2: 'record.ave.2',
  3: 'record.ave.3',
  4: 'record.ave.4',
};
const FIELDS = ['caseDirectorParticipantId', 'processDirectorNeeded', 'aveLevel', 'processDirectorParticipantId'] as const;
type FieldKey = (typeof FIELDS)[number];

/** The field a problem is about ('caseDirection.aveLevel' and 'aveLevel' alike), or undefined. */
function fieldOf(problem: Problem): FieldKey | undefined {
  const path = (problem.path ?? '').replace(/^caseDirection\./, '');
  return FIELDS.find((f) => path === f || path.startsWith(`${f}.`));
}

export function CaseDirectionSection({ document }: { document: RecordDocument }) {
  const styles = useRecordStyles();
  const { plan } = document;
  const direction = plan.caseDirection;
  const professionals = plan.participants.filter((p) => p.role === 'professional');
  const problems = checkCaseDirection(plan);
  const at = (field: FieldKey) => problems.filter((p) => fieldOf(p) === field);
  const elsewhere = problems.filter((p) => fieldOf(p) === undefined);
  const set = (patch: Partial<CaseDirection>) => document.update((p) => setCaseDirection(p, patch));
  const known = (id: string | undefined) => id !== undefined && professionals.some((p) => p.id === id);

  return (
    <section className={styles.section} aria-labelledby="record-direction">
      <h3 id="record-direction" className={styles.heading}>{t('record.direction.heading')}</h3>
      <Field label={t('record.direction.caseDirector')} hint={t('record.direction.caseDirectorHint')} {...validation(at('caseDirectorParticipantId'))}>
        <Select className={styles.control} value={direction.caseDirectorParticipantId ?? ''}
          onChange={(_, data) => set({ caseDirectorParticipantId: data.value === '' ? undefined : data.value })}>
          <option value="">{t('record.direction.choose')}</option>
          {professionals.map((p) => <option key={p.id} value={p.id}>{p.organisation ? `${p.name} (${p.organisation})` : p.name}</option>)}
          {direction.caseDirectorParticipantId !== undefined && !known(direction.caseDirectorParticipantId) && (
            <option value={direction.caseDirectorParticipantId}>{t('record.who.other')}</option>
          )}
        </Select>
      </Field>

      <Field label={t('record.direction.needed')} hint={t('record.direction.neededHint')} {...validation(at('processDirectorNeeded'))}>
        <RadioGroup layout="horizontal" value={direction.processDirectorNeeded ? 'yes' : 'no'}
          onChange={(_, data) => set({ processDirectorNeeded: data.value === 'yes' })}>
          <Radio value="yes" label={t('record.direction.yes')} />
          <Radio value="no" label={t('record.direction.no')} />
        </RadioGroup>
      </Field>

      <Field label={t('record.direction.ave')} hint={t('record.direction.aveHint')} {...validation(at('aveLevel'))}>
        <RadioGroup value={direction.aveLevel === undefined ? '' : String(direction.aveLevel)}
          onChange={(_, data) => set({ aveLevel: Number(data.value) as AveLevel })}>
          {AVE_LEVELS.map((level) => <Radio key={level} value={String(level)} label={t(AVE_TEXT[level])} />)}
        </RadioGroup>
      </Field>

      {direction.processDirectorNeeded && (
        <Field label={t('record.direction.processDirector')} hint={t('record.direction.processDirectorHint')} {...validation(at('processDirectorParticipantId'))}>
          <Select className={styles.control} value={direction.processDirectorParticipantId ?? ''}
            onChange={(_, data) => set({ processDirectorParticipantId: data.value === '' ? undefined : data.value })}>
            <option value="">{t('record.direction.notYetKnown')}</option>
            {professionals.map((p) => <option key={p.id} value={p.id}>{p.organisation ? `${p.name} (${p.organisation})` : p.name}</option>)}
            {direction.processDirectorParticipantId !== undefined && !known(direction.processDirectorParticipantId) && (
              <option value={direction.processDirectorParticipantId}>{t('record.who.other')}</option>
            )}
          </Select>
        </Field>
      )}

      {elsewhere.length > 0 && (
        <MessageBar intent={elsewhere.some((p) => p.severity === 'error') ? 'error' : 'warning'}>
          <MessageBarBody>{elsewhere.map((p) => p.message).join(' ')}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
