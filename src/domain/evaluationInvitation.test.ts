import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { composeEvaluationInvitation, evaluationMeeting, evaluationMeetingId, evaluationStart, planEvaluationMeeting } from './evaluationInvitation';
import type { EvaluationInvitationInput } from './evaluationInvitation';
import { addAgreement, planEvaluation } from './meetingRecord';
import { PlanSchema } from './planSchema';
import type { Plan } from './planSchema';
import { scanSensitive } from './sensitiveData';
import { prepareSend, recordSent } from './soPreparation';
import { NOW, participants, samplePlan } from './testing/samplePlan';
import { cleanText } from './text';

const AT = '2026-12-01T11:30:00+01:00';
const codes = (problems: { severity: string; code: string }[]) => problems.map((p) => `${p.severity}:${p.code}`);

function input(overrides: Partial<EvaluationInvitationInput> = {}): EvaluationInvitationInput {
  return {
    caseAlias: 'SO-2026-014',
    goal: 'Samen zoeken naar rust.',
    start: '2027-01-12T10:00:00+01:00',
    durationMinutes: 90,
    location: { kind: 'home' },
    organiser: 'Esra Aydin',
    sender: { name: 'Esra Aydin', email: 'esra.aydin@buurtkracht.example' },
    invitees: participants.map((p) => (p.id === 'p-sister' ? { ...p, email: 'nadia@familie.example' } : p)),
    now: NOW,
    ...overrides,
  };
}

/** A plan whose SO agreed an evaluation on 12 January, in an SO organised by Esra. */
function planned(how: 'meeting' | 'mail' = 'meeting'): Plan {
  let plan = samplePlan();
  plan = addAgreement(plan, { id: 'a-1', who: 'p-bram', what: 'Belt de huisarts over slapen met BSN 111222333.', due: '2027-01-12', meetingId: 'm-1' }, { at: AT, byUserId: 'u-esra' });
  return planEvaluation(plan, { id: 'e-1', date: '2027-01-12', organiserParticipantId: 'p-esra', how, meetingId: 'm-1' }, AT);
}

// ---------------------------------------------------------------------------------------------------------
// Reading the HTML back with a real parser

type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
const ALLOWED_TAGS = new Set(['div', 'p', 'h2', 'ul', 'li', 'br']);

function inspect(html: string): { tags: string[]; attributes: string[]; text: string } {
  const tags: string[] = [];
  const attributes: string[] = [];
  let text = '';
  const walk = (n: Node) => {
    if (n.tagName) {
      tags.push(n.tagName);
      for (const a of n.attrs ?? []) attributes.push(`${n.tagName}.${a.name}`);
      text += '\n';
    }
    if (n.nodeName === '#text') text += n.value ?? '';
    if (n.nodeName === '#comment') tags.push('#comment');
    for (const child of n.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html) as unknown as Node);
  return { tags, attributes, text };
}

const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</li></ul><script>alert(1)</script><ul><li>',
  '<!-- <script>alert(1)</script> -->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<p title="</p><script>alert(1)</script>">',
];

describe('composeEvaluationInvitation', () => {
  it('says what an evaluation is for, when, where and who organises it, with the alias and the goal only', () => {
    const invitation = composeEvaluationInvitation(input());
    expect(invitation.subject).toBe('Evaluatie Samenwerkoverleg SO-2026-014 – dinsdag 12 januari 2027');
    expect(invitation.problems).toEqual([]);
    for (const words of ['Zijn de afspraken gedaan?', 'Is er nog meer nodig?', 'welzijnscijfer', 'Wat hebben we geleerd', 'Samen zoeken naar rust.',
      'Datum: dinsdag 12 januari 2027', 'Tijd: 10:00 tot 11:30 uur', 'bij de inwoner thuis', 'Esra Aydin organiseert de evaluatie', 'hand-out']) {
      expect(invitation.text).toContain(words);
      expect(inspect(invitation.html).text).toContain(words);
    }
    expect(invitation.text).toContain('casus SO-2026-014');
  });

  it('invites the professionals and network members with e-mail; not the resident, not the sender, nobody twice', () => {
    const invitees = [...input().invitees, { ...participants[0]!, id: 'p-esra-2', email: 'ESRA.AYDIN@buurtkracht.example' },
      { ...participants[2]!, email: 'samira@thuis.example' }, { ...participants[3]!, id: 'p-bram-2' }];
    const invitation = composeEvaluationInvitation(input({ invitees }));
    expect(invitation.attendees).toEqual([
      // A network member is on the attendee list by role: the list travels with the event.
      { name: 'Iemand uit het netwerk van de inwoner', email: 'nadia@familie.example', type: 'required' },
      { name: 'Bram Hoekstra', email: 'bram.hoekstra@veldwijzer.example', type: 'required' },
      { name: 'Wouter Dijkman', email: 'wouter.dijkman@thuisveld.example', type: 'required' },
    ]);
  });

  it('escapes everything typed: only its own tags, the typed text read back as text', () => {
    for (const value of XSS) {
      const invitation = composeEvaluationInvitation(input({ goal: value, organiser: value, location: { kind: 'other', description: value }, sender: { name: value, email: 'esra.aydin@buurtkracht.example' } }));
      const { tags, attributes, text } = inspect(invitation.html);
      expect(tags.filter((t) => !ALLOWED_TAGS.has(t)), value).toEqual([]);
      expect(attributes).toEqual(['div.lang']);
      expect(text).toContain(cleanText(value));
      expect(invitation.subject).not.toContain('<');
    }
  });

  it('carries no identifiers: they are errors at their field, and the subject never holds typed text', () => {
    const invitation = composeEvaluationInvitation(input({ goal: 'Rust voor BSN 111222333', organiser: 'Esra NL91ABNA0417164300', location: { kind: 'other', description: 'Bel 06-12345678' } }));
    expect(invitation.problems.filter((p) => p.code === 'sensitive-data').map((p) => `${p.severity}:${p.path}`)).toEqual([
      'error:goal', 'error:organiserParticipantId', 'error:location.description',
    ]);
    expect(scanSensitive(invitation.subject)).toEqual([]);
    // A clean input gives a clean message.
    const clean = composeEvaluationInvitation(input());
    expect(scanSensitive(clean.text).filter((m) => m.kind !== 'email')).toEqual([]);
    expect(clean.text).not.toMatch(/@/);
  });

  it('blocks what cannot be sent: a day in the past, no organiser, no goal, nobody to invite, a bad alias', () => {
    expect(codes(composeEvaluationInvitation(input({ start: '2026-11-30T10:00:00+01:00' })).problems)).toEqual(['error:date-past']);
    expect(codes(composeEvaluationInvitation(input({ organiser: ' ' })).problems)).toEqual(['error:organiser-missing']);
    expect(codes(composeEvaluationInvitation(input({ goal: '' })).problems)).toEqual(['error:goal-missing']);
    expect(codes(composeEvaluationInvitation(input({ invitees: [participants[0]!, participants[2]!] })).problems)).toEqual(['error:attendees-missing']);
    const bad = composeEvaluationInvitation(input({ caseAlias: 'Samira Benali' }));
    expect(codes(bad.problems)).toEqual(['error:case-alias-invalid']);
    expect(bad.subject).toBe('Evaluatie Samenwerkoverleg – dinsdag 12 januari 2027');
  });
});

describe('planEvaluationMeeting', () => {
  it('plans the follow-up SO on the evaluation day at the SO’s time, with its goal, place and people; the organiser chairs', () => {
    const plan = planEvaluationMeeting(planned(), 'e-1', AT);
    const followUp = evaluationMeeting(plan, 'e-1')!;
    expect(followUp).toMatchObject({
      id: evaluationMeetingId('e-1'),
      start: '2027-01-12T10:00:00+01:00',
      durationMinutes: 90,
      location: { kind: 'home' },
      goal: 'Samen zoeken naar rust.',
      status: 'planned',
      chairParticipantId: 'p-esra',
      invitedParticipantIds: ['p-esra', 'p-sister', 'p-resident', 'p-bram', 'p-wouter'],
      updatedAt: AT,
    });
    // No plan content comes along: no preparation, no agreements.
    expect(followUp.preparation).toBeUndefined();
    expect(JSON.stringify(followUp)).not.toContain('111222333');
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    // Planned again: nothing changes.
    expect(planEvaluationMeeting(plan, 'e-1', '2026-12-01T12:00:00+01:00')).toBe(plan);
  });

  it('follows the evaluation’s day until the invitation is on its way; then Outlook is where it moves', () => {
    let plan = planEvaluationMeeting(planned(), 'e-1', AT);
    plan = planEvaluation(plan, { id: 'e-1', date: '2027-01-08', organiserParticipantId: 'p-bram', how: 'meeting', meetingId: 'm-1' }, AT);
    plan = planEvaluationMeeting(plan, 'e-1', AT);
    expect(evaluationMeeting(plan, 'e-1')).toMatchObject({ start: '2027-01-08T10:00:00+01:00', chairParticipantId: 'p-bram' });
    const id = evaluationMeetingId('e-1');
    plan = prepareSend(plan, id, { transactionId: 'tx', respondBy: '2027-01-05', soNeededSince: '2026-12-01', now: AT });
    const prepared = planEvaluation(plan, { id: 'e-1', date: '2027-01-11', organiserParticipantId: 'p-bram', how: 'meeting', meetingId: 'm-1' }, AT);
    expect(planEvaluationMeeting(prepared, 'e-1', AT)).toBe(prepared);
    const sent = recordSent(prepared, id, { eventId: 'ev-1', now: AT, byUserId: 'u-esra' });
    expect(planEvaluationMeeting(sent, 'e-1', AT)).toBe(sent);
  });

  it('leaves the plan as it was for an evaluation by mail, an unknown one, or one not agreed in an SO', () => {
    const byMail = planned('mail');
    expect(planEvaluationMeeting(byMail, 'e-1', AT)).toBe(byMail);
    expect(planEvaluationMeeting(byMail, 'e-404', AT)).toBe(byMail);
    const loose = planEvaluation(samplePlan(), { id: 'e-2', date: '2027-01-12', organiserParticipantId: 'p-esra', how: 'meeting' }, AT);
    expect(planEvaluationMeeting(loose, 'e-2', AT)).toBe(loose);
  });

  it('takes the SO’s wall-clock time across a change to winter or summer time', () => {
    expect(evaluationStart('2027-04-06', { start: '2027-03-02T14:30:00+01:00' })).toBe('2027-04-06T14:30:00+02:00');
    expect(evaluationStart('2027-04-06', { start: 'gisteren' })).toBeUndefined();
  });
});
