import fc from 'fast-check';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { composeInvitation } from './invitation';
import type { InvitationInput } from './invitation';
import { bram, esra, resident, sampleInvitationInput, sister, wouter } from './testing/sampleInvitation';
import { cleanText } from './text';

const input = sampleInvitationInput;

const codes = (i: InvitationInput) => composeInvitation(i).problems.map((p) => p.code);

// ---------------------------------------------------------------------------------------------------------
// Reading the HTML back with a real parser

type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
const ALLOWED_TAGS = new Set(['div', 'p', 'h2', 'ul', 'li', 'strong', 'br']);

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
}

function inspect(html: string): { tags: string[]; attributes: string[]; text: string } {
  const tags: string[] = [];
  const attributes: string[] = [];
  let text = '';
  walk(parseFragment(html) as unknown as Node, (n) => {
    if (n.tagName) {
      tags.push(n.tagName);
      for (const a of n.attrs ?? []) attributes.push(`${n.tagName}.${a.name}`);
      // Block elements and <br> break the text, as they do on screen.
      if (n.tagName !== 'strong') text += '\n';
    }
    if (n.nodeName === '#text') text += n.value ?? '';
    if (n.nodeName === '#comment') tags.push('#comment');
  });
  return { tags, attributes, text };
}

/** Our markup only: every "<" in the HTML opens one of our own tags. */
function onlyOurTags(html: string): boolean {
  return [...html.matchAll(/</g)].every((m) => /^<\/?(div|p|h2|ul|li|strong|br)[\s>]/.test(html.slice(m.index, m.index + 10)));
}

function expectSafe(html: string, ...inputs: string[]): void {
  expect(onlyOurTags(html)).toBe(true);
  const { tags, attributes, text } = inspect(html);
  expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  expect(attributes).toEqual(['div.lang']);
  for (const value of inputs) expect(text).toContain(cleanText(value));
}

const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">klik</a>',
  '</li></ul><script>alert(1)</script><ul><li>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src=1 onerror=alert(1)//',
  '<div style="background:url(javascript:alert(1))">',
  '<math><mi xlink:href="data:x,<script>alert(4)</script>">',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<style>@import "http://x";</style>',
  '<br onmouseover=alert(1)>',
  '<p title="</p><script>alert(1)</script>">',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '<svg><foreignObject><script>alert(1)</script></foreignObject></svg>',
];

function withEverywhere(value: string): InvitationInput {
  return input({
    municipality: value,
    goal: value,
    organiser: { name: value, email: 'esra.aydin@buurtkracht.example' },
    location: { kind: 'other', description: value },
    participants: [
      { ...resident, name: value, expectation: value },
      { ...bram, name: value, organisation: value, jobTitle: value, expectation: value },
      { ...sister, organisation: value },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------

describe('composeInvitation: the message', () => {
  const invitation = composeInvitation(input());

  it('has no problems for a complete, well-prepared invitation', () => {
    expect(invitation.problems).toEqual([]);
  });

  it('follows the fixed order: introduction, goal, every participant, reply date, when and where', () => {
    const order = [
      'In de gemeente Maasveld werken we met de Samenwerkwijze',
      'Samenwerkplan',
      'hand-out',
      'Het doel van dit overleg',
      'Samen zoeken naar rust',
      'De inwoner',
      'Iemand uit het netwerk van de inwoner',
      'Esra Aydin',
      'Bram Hoekstra',
      'Wouter Dijkman',
      'uiterlijk donderdag 26 november 2026',
      'Stuur de uitnodiging dan gerust door',
      'Datum: dinsdag 1 december 2026',
      'Tijd: 10:00 tot 11:30 uur (90 minuten)',
      'Plek: bij de inwoner thuis',
    ];
    for (const body of [invitation.text, inspect(invitation.html).text]) {
      const positions = order.map((fragment) => body.indexOf(fragment));
      expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('says for every participant who they are, why they are invited and what is expected', () => {
    expect(invitation.text).toContain('• Bram Hoekstra, Ambulant begeleider GGZ, Veldwijzer GGZ\n  Waarom: kennis en kunde over deze vraag en een kritische blik.\n  Wat we verwachten: Brengt kennis over slapen en angst mee.');
    expect(invitation.text).toContain('• Iemand uit het netwerk van de inwoner\n  Waarom: ervaring met de inwoner en meedenken over een oplossing.');
    expect(invitation.text).toContain('• Wouter Dijkman, Woonstichting Thuisveld\n  Waarom: kennis en kunde over deze vraag.');
    expect(invitation.text).toContain('• De inwoner\n  Het overleg gaat over het plan van de inwoner.');
    // Names stay in the plan (issue 11): the invitation is forwarded, its attendee list travels with it.
    for (const name of ['Samira', 'Nadia', 'Benali']) {
      expect(invitation.text).not.toContain(name);
      expect(invitation.html).not.toContain(name);
      expect(JSON.stringify(invitation.attendees)).not.toContain(name);
    }
  });

  it('tells the text and the HTML the same story', () => {
    const fromHtml = inspect(invitation.html).text.replace(/\s+/g, ' ').trim();
    const fromText = invitation.text.replace(/•/g, '').replace(/\s+/g, ' ').trim();
    expect(fromHtml).toBe(fromText);
  });

  it('uses the case alias and the date in the subject, never the resident’s name', () => {
    expect(invitation.subject).toBe('Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026');
    expect(invitation.subject).not.toContain('Samira');
  });

  it('keeps arbitrary text out of the subject, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (alias, name) => {
        const { subject } = composeInvitation(input({ caseAlias: alias, participants: [{ ...resident, name }] }));
        expect(subject).toMatch(/^Samenwerkoverleg( SO-\d{4}-\d{3,})? op [a-z]+ \d{1,2} [a-z]+ \d{4}$/);
      }),
    );
    const named = composeInvitation(input({ caseAlias: 'Samira Benali' }));
    expect(named.subject).toBe('Samenwerkoverleg op dinsdag 1 december 2026');
    expect(named.problems).toContainEqual(expect.objectContaining({ code: 'case-alias-invalid', severity: 'error', path: 'caseAlias' }));
  });

  it('places a home visit at the resident’s home without an address, which follows after acceptance', () => {
    expect(invitation.text).toContain('Plek: bij de inwoner thuis. Het adres krijg je nadat je de uitnodiging hebt geaccepteerd.');
    const elsewhere = composeInvitation(input({ location: { kind: 'other', description: 'Wijkpunt De Kompaan, zaal 2' } }));
    expect(elsewhere.text).toContain('Plek: Wijkpunt De Kompaan, zaal 2');
    expect(elsewhere.text).not.toContain('bij de inwoner thuis');
  });

  it('shows the times in Amsterdam, also when the start is given in UTC', () => {
    const summer = composeInvitation(input({ start: '2027-06-01T12:30:00Z', respondBy: '2027-05-20', soNeededSince: '2027-05-20' }));
    expect(summer.text).toContain('Tijd: 14:30 tot 16:00 uur (90 minuten)');
    expect(summer.subject).toBe('Samenwerkoverleg SO-2026-014 op dinsdag 1 juni 2027');
  });

  it('invites everyone with an e-mail address except the organiser, once each', () => {
    expect(invitation.attendees).toEqual([
      { name: 'Bram Hoekstra', email: 'bram.hoekstra@veldwijzer.example', type: 'required' },
      { name: 'Wouter Dijkman', email: 'wouter.dijkman@thuisveld.example', type: 'required' },
    ]);
    const withSister = composeInvitation(input({ participants: [{ ...sister, email: 'nadia@mail.example' }, bram, { ...bram, id: 'p-bram-2' }] }));
    expect(withSister.attendees.map((a) => a.email)).toEqual(['nadia@mail.example', 'bram.hoekstra@veldwijzer.example']);
  });
});

describe('composeInvitation: escaping', () => {
  it('escapes every XSS payload in every free-text field', () => {
    for (const payload of XSS) {
      const { html } = composeInvitation(withEverywhere(payload));
      expectSafe(html, payload);
    }
  });

  it('never lets input text open a tag, for any string', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'<>&"\'/=! ascript\n') }), fc.constantFrom(...XSS));
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const { html } = composeInvitation(withEverywhere(`${a}${b}`));
        expectSafe(html, `${a}${b}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('composeInvitation: problems', () => {
  it('reason-missing: an error for each invitee other than the resident without a reason, naming them', () => {
    const { problems } = composeInvitation(input({ participants: [{ ...resident, reasons: [] }, esra, { ...sister, reasons: [] }] }));
    const missing = problems.filter((p) => p.code === 'reason-missing');
    expect(missing).toEqual([expect.objectContaining({ severity: 'error', path: 'participants.2.reasons' })]);
    expect(missing[0]!.message).toContain('Nadia Benali');
  });

  it('email-invalid: an error for a participant’s or the organiser’s address', () => {
    const { problems } = composeInvitation(input({ participants: [resident, { ...bram, email: 'bram@veldwijzer' }], organiser: { name: 'Esra', email: 'esra' } }));
    const invalid = problems.filter((p) => p.code === 'email-invalid');
    expect(invalid.map((p) => [p.severity, p.path])).toEqual([
      ['error', 'participants.1.email'],
      ['error', 'organiser.email'],
    ]);
    expect(invalid[0]!.message).toContain('Bram Hoekstra');
  });

  it('start-past: an error when the SO would start before now', () => {
    expect(codes(input({ now: '2026-12-01T10:00:01+01:00', respondBy: '2026-12-01' }))).toContain('start-past');
    expect(codes(input({ now: '2026-12-01T09:59:59+01:00', respondBy: '2026-12-01' }))).not.toContain('start-past');
  });

  it('respond-by: an error when the date lies after the SO, before today, or is no date', () => {
    const after = composeInvitation(input({ respondBy: '2026-12-02' })).problems.find((p) => p.code === 'respond-by');
    expect(after).toMatchObject({ severity: 'error', path: 'respondBy' });
    expect(after!.message).toContain('woensdag 2 december 2026');
    expect(codes(input({ respondBy: '2026-12-01' }))).not.toContain('respond-by');
    expect(codes(input({ respondBy: '2026-11-21' }))).toContain('respond-by');
    expect(codes(input({ respondBy: '2026-11-22' }))).not.toContain('respond-by');
    expect(codes(input({ respondBy: '26-11-2026' }))).toContain('respond-by');
  });

  it('reads "today" in Amsterdam: late on the 21st in UTC is already the 22nd', () => {
    expect(codes(input({ now: '2026-11-21T23:30:00Z', respondBy: '2026-11-21' }))).toContain('respond-by');
    expect(codes(input({ now: '2026-11-21T22:30:00Z', respondBy: '2026-11-21' }))).not.toContain('respond-by');
  });

  it('so-window: a warning when the SO starts more than 14 days after it turned out to be needed', () => {
    expect(codes(input({ soNeededSince: '2026-11-17' }))).not.toContain('so-window');
    const late = composeInvitation(input({ soNeededSince: '2026-11-16' })).problems.find((p) => p.code === 'so-window');
    expect(late).toMatchObject({ severity: 'warning', path: 'start' });
    expect(codes(input({ soNeededSince: 'vorige week' }))).toContain('date-invalid');
  });

  it('sensitive-data: errors for a BSN, IBAN, phone number or birth date, a warning for an e-mail address, in any free text', () => {
    const problems = composeInvitation(
      input({
        goal: 'Haar BSN is 123456782.',
        location: { kind: 'other', description: 'Buurthuis, bel 06-12345678' },
        participants: [
          { ...resident, expectation: 'Geboren op 1-2-1960.' },
          { ...bram, expectation: 'Betaalt via NL91ABNA0417164300, mail hem op bram@privé.nl of b.h@mail.nl' },
          wouter,
        ],
      }),
    ).problems.filter((p) => p.code === 'sensitive-data');
    expect(problems.map((p) => [p.severity, p.path])).toEqual([
      ['error', 'goal'],
      ['error', 'location.description'],
      ['error', 'participants.0.expectation'],
      ['error', 'participants.1.expectation'],
      ['warning', 'participants.1.expectation'],
    ]);
    expect(problems[3]!.message).toContain('Bram Hoekstra');
  });

  it('checks the basics: alias, goal, place, start, duration, names, attendees', () => {
    expect(codes(input({ goal: '  ' }))).toContain('goal-missing');
    expect(codes(input({ location: { kind: 'other', description: '' } }))).toContain('location-missing');
    expect(codes(input({ start: '1 december' }))).toContain('start-invalid');
    expect(codes(input({ durationMinutes: 0 }))).toContain('duration-invalid');
    expect(codes(input({ durationMinutes: 60.5 }))).toContain('duration-invalid');
    expect(codes(input({ now: 'nu' }))).toContain('date-invalid');
    expect(codes(input({ participants: [resident, { ...bram, name: '' }] }))).toContain('name-missing');
    expect(codes(input({ participants: [resident, esra] }))).toContain('attendees-missing');
  });

  it('warns when the resident is not at the table, or when it is unclear what someone is asked to do', () => {
    expect(codes(input({ participants: [bram] }))).toContain('resident-missing');
    const vague = composeInvitation(input({ participants: [resident, { ...bram, expectation: undefined }] })).problems;
    expect(vague).toContainEqual(expect.objectContaining({ code: 'expectation-missing', severity: 'warning', path: 'participants.1.expectation' }));
  });
});
