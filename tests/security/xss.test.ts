// The XSS corpus against every HTML output built from free text: the invitation, the mails around the SO
// (escalation, reminder, share note) and — once closed — the summary mail and the printable plan.
// Each output is parsed with parse5; its skeleton (elements, attributes, URLs) must be the one harmless
// text gives, and the payload must still be readable as text (escaped, not dropped).
import { describe, expect, it } from 'vitest';
import { composeEscalation, composeInvitation, composeReminder, composeShareNote, messageHtml } from '../../src/domain';
import { sampleInvitationInput, bram, esra, resident, sister } from '../../src/domain/testing/sampleInvitation';
import { HARMLESS, skeleton, textContent } from './htmlSkeleton';
import { XSS_PAYLOADS } from './xssCorpus';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The payloads that changed the structure of `render`'s output, or were dropped instead of escaped. */
function leaksOf(render: (text: string) => string): string[] {
  const baseline = JSON.stringify(skeleton(render(HARMLESS)));
  return XSS_PAYLOADS.filter((payload) => {
    const html = render(payload);
    return JSON.stringify(skeleton(html)) !== baseline || !collapse(textContent(html)).includes(collapse(payload));
  });
}

function expectTextOnly(render: (text: string) => string) {
  expect(leaksOf(render), 'payloads that changed the HTML structure or were lost').toEqual([]);
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
      ['a network member name', (text: string) => sampleInvitationInput({ participants: [resident, { ...sister, name: text }, esra, bram] })],
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
