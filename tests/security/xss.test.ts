// The XSS corpus against every HTML output built from free text: the invitation, the mails around the SO
// (escalation, reminder, share note) and — once closed — the summary mail and the printable plan.
// Each output is parsed with parse5; its skeleton (elements, attributes, URLs) must be the one harmless
// text gives, and the payload must still be readable as text (escaped, not dropped).
import { describe, expect, it } from 'vitest';
import {
  addAgreement, closeMeeting, composeEscalation, composeEvaluationInvitation, composeInvitation, composeReminder, composeShareNote, composeSummaryMail,
  messageHtml, planEvaluation, printablePlanHtml, redactIdentifiers, setCaseDirection, setMeetingNote, summariseMeeting,
} from '../../src/domain';
import type { Plan } from '../../src/domain';
import { samplePlan } from '../../src/domain/testing/samplePlan';
import { sampleInvitationInput, bram, esra, resident, sister } from '../../src/domain/testing/sampleInvitation';
import { HARMLESS, skeleton, textContent } from './htmlSkeleton';
import { XSS_PAYLOADS } from './xssCorpus';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The payloads that changed the structure of `render`'s output, or were dropped instead of escaped.
 * `readable` is what the output may make of the text (a mail redacts identifiers such as an e-mail address).
 */
function leaksOf(render: (text: string) => string, readable: (text: string) => string = (text) => text): string[] {
  const baseline = JSON.stringify(skeleton(render(HARMLESS)));
  return XSS_PAYLOADS.filter((payload) => {
    const html = render(payload);
    return JSON.stringify(skeleton(html)) !== baseline || !collapse(textContent(html)).includes(collapse(readable(payload)));
  });
}

function expectTextOnly(render: (text: string) => string, readable?: (text: string) => string) {
  expect(leaksOf(render, readable), 'payloads that changed the HTML structure or were lost').toEqual([]);
}

describe('XSS corpus', () => {
  it('has at least 50 payloads', () => {
    expect(new Set(XSS_PAYLOADS).size).toBeGreaterThanOrEqual(50);
  });

  it('catches output that does not escape, or drops the text', () => {
    expect(leaksOf((text) => `<p>${text}</p>`).length).toBeGreaterThanOrEqual(50);
    expect(leaksOf((text) => `<p>${text.replace(/[<>&"']/g, '')}</p>`).length).toBeGreaterThan(0);
  });

  describe('the invitation body', () => {
    it.each([
      ['goal', (text: string) => sampleInvitationInput({ goal: text })],
      ['a participant expectation', (text: string) => sampleInvitationInput({ participants: [resident, sister, esra, { ...bram, expectation: text }] })],
      // Network members are named by their role only (privacy), so a professional's name stands in for a name.
      ['a professional\'s name', (text: string) => sampleInvitationInput({ participants: [resident, sister, esra, { ...bram, name: text }] })],
      ['an organisation', (text: string) => sampleInvitationInput({ participants: [resident, sister, esra, { ...bram, organisation: text }] })],
      ['a job title', (text: string) => sampleInvitationInput({ participants: [resident, sister, esra, { ...bram, jobTitle: text }] })],
      ['the location', (text: string) => sampleInvitationInput({ location: { kind: 'other', description: text } })],
      ['the organiser name', (text: string) => sampleInvitationInput({ organiser: { name: text, email: 'esra.aydin@buurtkracht.example' } })],
    ])('%s', (_field, input) => {
      expectTextOnly((text) => composeInvitation(input(text)).html);
    });
  });

  describe('the mails around the SO', () => {
    const escalation = (patch: Partial<Parameters<typeof composeEscalation>[0]>) => composeEscalation({
      caseAlias: 'SO-2026-014', goal: 'Samen zoeken naar rust.', start: '2026-12-01T10:00:00+01:00', championName: 'Joris van Leeuwen',
      declined: { name: 'Wouter Dijkman', organisation: 'Woonstichting Thuisveld', reasons: ['expertise'] }, declineReason: 'Geen tijd.', organiser: 'Esra Aydin', ...patch,
    });
    it.each([
      ['escalation: goal', (text: string) => messageHtml(escalation({ goal: text }).text)],
      ['escalation: decline reason', (text: string) => messageHtml(escalation({ declineReason: text }).text)],
      ['escalation: declined name and organisation', (text: string) => messageHtml(escalation({ declined: { name: text, organisation: text, reasons: ['thinkAlong'] } }).text)],
      ['escalation: champion name', (text: string) => messageHtml(escalation({ championName: text }).text)],
      ['reminder: organiser', (text: string) => messageHtml(composeReminder({ caseAlias: 'SO-2026-014', start: '2026-12-01T10:00:00+01:00', respondBy: '2026-11-26', organiser: text }).text)],
      ['share note: organiser', (text: string) => messageHtml(composeShareNote({ caseAlias: 'SO-2026-014', organiser: text }))],
      ['a mail the case director edited by hand', (text: string) => messageHtml(`Hallo,\n\n${text}\n\nGroet`)],
    ])('%s', (_field, render) => {
      expectTextOnly(render);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// After the SO: the summary mail, the printable plan and the evaluation invitation carry most of the plan's
// free text. One plan with the payload in every free-text field at once.

function planFullOf(text: string): Plan {
  let plan = samplePlan();
  plan = {
    ...plan,
    wants: plan.wants.map((w) => ({ ...w, text, target: text })),
    can: { own: [text], offer: [text] },
    needs: { shortTerm: [text], longTerm: [text] },
    participants: plan.participants.map((p) => (p.role === 'resident' ? p : { ...p, name: `${p.name} ${text}`, organisation: text, expectation: text })),
    meetings: plan.meetings.map((m) => ({ ...m, goal: text, location: { kind: 'other' as const, description: text } })),
  };
  const stamp = { at: '2026-12-01T10:20:00+01:00', byUserId: 'u-esra' };
  plan = addAgreement(plan, { id: 'a-1', who: 'p-bram', what: text, due: '2027-01-12', meetingId: 'm-1', wantId: plan.wants[0]?.id }, stamp);
  plan = addAgreement(plan, { id: 'a-2', who: 'p-sister', what: text, due: '2027-01-12', meetingId: 'm-1' }, stamp);
  plan = setCaseDirection(plan, { caseDirectorParticipantId: 'p-esra', processDirectorNeeded: true, aveLevel: 3, processDirectorParticipantId: 'p-wouter' });
  plan = planEvaluation(plan, { id: 'e-1', date: '2027-01-12', organiserParticipantId: 'p-esra', how: 'meeting', meetingId: 'm-1' }, stamp.at);
  plan = setMeetingNote(plan, { meetingId: 'm-1', itemKey: 'closingRound', text }, stamp.at);
  return closeMeeting(plan, 'm-1', stamp);
}

describe('XSS corpus after the SO', () => {
  it('the summary mail to the professionals (identifiers in it are redacted, markup stays text)', () => {
    expectTextOnly((text) => composeSummaryMail(summariseMeeting(planFullOf(text), 'm-1'), `Bram ${text}`).html, redactIdentifiers);
  });

  it('the printable plan for the resident and the network', () => {
    expectTextOnly((text) => printablePlanHtml(planFullOf(text), 'm-1'));
  });

  it('the evaluation invitation', () => {
    const plan = planFullOf(HARMLESS);
    expectTextOnly((text) => composeEvaluationInvitation({
      caseAlias: 'SO-2026-014', goal: text, start: '2027-01-12T10:00:00+01:00', durationMinutes: 60,
      location: { kind: 'other', description: text }, organiser: text, sender: { name: text, email: 'esra.aydin@buurtkracht.example' },
      invitees: plan.participants.map((p) => ({ ...p, expectation: text, organisation: text })), now: '2026-12-01T12:00:00+01:00',
    }).html);
  });
});
