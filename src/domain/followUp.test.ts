import { describe, expect, it } from 'vitest';
import { closeMeeting, addAgreement, editAgreement, recordDistribution } from './meetingRecord';
import {
  changeRecipients, composeChangeMail, composeFollowUpReminder, daysBetween, followUpRows, mailSafeText, pendingAgreementChanges, printedChangeNote,
  recordChangeNotice, recordReminder, remindersDue,
} from './followUp';
import { recordConsent } from './planEdits';
import type { Plan } from './planSchema';
import { samplePlan } from './testing/samplePlan';

const stamp = (at: string) => ({ at, byUserId: 'u-esra' });

/** An SO on 1 December with four agreements, closed and handed out the same day. */
function afterSo(): Plan {
  let plan = samplePlan();
  plan = recordConsent(plan, { id: 'c-share', subject: 'sharePlan', participantIds: ['p-bram', 'p-wouter'], date: '2026-12-01', how: 'verbal' }, stamp('2026-12-01T09:00:00Z'));
  plan = addAgreement(plan, { id: 'a-1', who: 'p-bram', what: 'Belt de huisarts over slapen', due: '2027-01-12', meetingId: 'm-1' }, stamp('2026-12-01T09:20:00Z'));
  plan = addAgreement(plan, { id: 'a-2', who: 'p-resident', what: 'Ik zet de post in een map', due: '2026-12-20', meetingId: 'm-1' }, stamp('2026-12-01T09:21:00Z'));
  plan = addAgreement(plan, { id: 'a-3', who: 'p-wouter', what: 'Zoekt een rustiger woning met Samira Benali', due: '2026-12-15', meetingId: 'm-1' }, stamp('2026-12-01T09:22:00Z'));
  plan = addAgreement(plan, { id: 'a-4', who: 'p-bram', what: 'Belt 06-12345678 terug', due: '2026-12-10', meetingId: 'm-1' }, stamp('2026-12-01T09:23:00Z'));
  plan = closeMeeting(plan, 'm-1', stamp('2026-12-01T10:30:00Z'));
  return recordDistribution(plan, 'm-1', [
    { participantId: 'p-bram', channel: 'mail' }, { participantId: 'p-wouter', channel: 'mail' },
    { participantId: 'p-resident', channel: 'print' }, { participantId: 'p-sister', channel: 'print' },
  ], '2026-12-01T10:40:00Z');
}

describe('the six weeks', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2026-12-01', '2027-01-12')).toBe(42);
    expect(daysBetween('2026-12-20', '2026-12-15')).toBe(-5);
  });

  it('lists overdue agreements first (longest overdue on top), then open by due date, then done', () => {
    let plan = afterSo();
    plan = editAgreement(plan, 'a-2', { status: 'done' }, stamp('2026-12-18T10:00:00Z'));
    const rows = followUpRows(plan, '2026-12-16T09:00:00+01:00');
    expect(rows.map((r) => [r.id, r.state, r.daysLeft])).toEqual([
      ['a-4', 'overdue', -6],
      ['a-3', 'overdue', -1],
      ['a-1', 'open', 27],
      ['a-2', 'done', 4],
    ]);
    expect(rows[0]).toMatchObject({ owner: 'Bram Hoekstra', ownerRole: 'professional' });
  });

  it('reminds each owner of overdue agreements once a week at most, by mail for professionals', () => {
    let plan = afterSo();
    const now = '2027-01-13T09:00:00+01:00';
    const due = remindersDue(plan, now);
    expect(due.map((d) => [d.participantId, d.channel, d.agreementIds])).toEqual([
      ['p-bram', 'mail', ['a-4', 'a-1']],
      ['p-wouter', 'mail', ['a-3']],
      ['p-resident', 'personal', ['a-2']],
    ]);
    for (const d of due) plan = recordReminder(plan, { id: `r-${d.participantId}`, participantId: d.participantId, agreementIds: d.agreementIds, channel: d.channel, at: now, byUserId: 'u-esra' });
    expect(remindersDue(plan, now)).toEqual([]);
    expect(remindersDue(plan, '2027-01-19T09:00:00+01:00')).toEqual([]);
    expect(remindersDue(plan, '2027-01-20T09:00:00+01:00').map((d) => d.participantId)).toHaveLength(3);
    // Replayed: the same reminder twice is one record.
    const again = recordReminder(plan, { id: 'r-p-bram', participantId: 'p-bram', agreementIds: ['a-1'], channel: 'mail', at: now, byUserId: 'u-esra' });
    expect(again.followUpReminders).toHaveLength(3);
    expect(again.log.filter((e) => e.action === 'followUp.reminded')).toHaveLength(3);
  });

  it('writes a reminder with the case alias only in the subject, and no names or identifiers', () => {
    const plan = afterSo();
    const { subject, html } = composeFollowUpReminder(plan, { agreementIds: ['a-3', 'a-4'] }, '2027-01-13T09:00:00+01:00');
    expect(subject).toBe('Samenwerkoverleg SO-2026-014: herinnering aan je afspraak');
    expect(html).not.toMatch(/Samira|Benali|06-12345678|Bram|Wouter/);
    expect(html).toContain('Zoekt een rustiger woning met de inwoner');
    expect(html).toContain('29 dagen over de datum');
  });

  it('takes resident and network names out of mail text, whole or in parts', () => {
    const plan = afterSo();
    expect(mailSafeText(plan, 'Nadia brengt Samira naar Benali-achtige plekken; Kees helpt.')).toBe('iemand uit het netwerk brengt de inwoner naar de inwoner-achtige plekken; iemand uit het netwerk helpt.');
  });
});

describe('changes after the plan was handed out', () => {
  it('finds edits and additions after the distribution, not the ones before, and not marking done', () => {
    let plan = afterSo();
    expect(pendingAgreementChanges(plan)).toEqual([]);
    plan = editAgreement(plan, 'a-1', { due: '2027-01-05' }, stamp('2026-12-05T10:00:00Z'));
    plan = editAgreement(plan, 'a-2', { status: 'done' }, stamp('2026-12-05T10:01:00Z'));
    plan = addAgreement(plan, { id: 'a-5', who: 'p-sister', what: 'Gaat mee naar de huisarts', due: '2027-01-10' }, stamp('2026-12-05T10:02:00Z'));
    const pending = pendingAgreementChanges(plan);
    expect(pending.map((p) => [p.agreementId, p.kind, p.fields])).toEqual([['a-1', 'edited', ['due']], ['a-5', 'added', []]]);
    expect(pending[0]!.previous).toEqual({ due: '2027-01-12' });
    expect(printedChangeNote(plan, 'a-1')).toBe('Veranderd op zaterdag 5 december 2026');
    expect(printedChangeNote(plan, 'a-2')).toBeUndefined();

    const { subject, html } = composeChangeMail(plan, pending);
    expect(subject).toBe('Samenwerkoverleg SO-2026-014: wijziging in de afspraken');
    expect(html).toContain('was dinsdag 12 januari 2027');
    expect(html).toContain('iemand uit het netwerk');
    expect(html).not.toMatch(/Nadia|Samira|Benali/);

    const recipients = changeRecipients(plan);
    expect(recipients.map((r) => [r.participantId, r.channel])).toEqual([['p-bram', 'mail'], ['p-wouter', 'mail'], ['p-resident', 'print'], ['p-sister', 'print']]);
    plan = recordChangeNotice(plan, { id: 'n-1', agreementIds: ['a-1', 'a-5'], at: '2026-12-05T11:00:00Z', byUserId: 'u-esra', mailedParticipantIds: ['p-bram', 'p-wouter'], printParticipantIds: ['p-resident', 'p-sister'] });
    expect(pendingAgreementChanges(plan)).toEqual([]);
  });

  it('mails only professionals the resident’s consent covers', () => {
    let plan = afterSo();
    plan = { ...plan, consents: plan.consents.map((c) => ({ ...c, participantIds: ['p-bram'] })) };
    expect(changeRecipients(plan).find((r) => r.participantId === 'p-wouter')?.channel).toBe('print');
  });
});
