import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeInvitation } from './invitation';
import type { InvitationInput } from './invitation';
import type { Participant } from './planSchema';
import { bram as sampleBram, resident, sampleInvitationInput, sister, wouter } from './testing/sampleInvitation';
import { INVITATION_HEADINGS, isSoInvitationSubject, readInvitation, titleNames } from './readInvitation';
import { REASONS } from './reasons';
import { cleanText } from './text';

// Bram's expectation spans two lines here: the reader must keep both.
const bram: Participant = { ...sampleBram, expectation: 'Brengt kennis over slapen en angst mee.\nDenkt mee over een plan voor de nacht.' };

function input(overrides: Partial<InvitationInput> = {}): InvitationInput {
  return sampleInvitationInput({ organiser: { name: 'Esra Aydin', email: 'esra.aydin@buurtkracht.example' }, participants: [resident, sister, bram, wouter], ...overrides });
}

/** What a mail client makes of the HTML body when asked for text: tags gone, bullets as "*", CRLF. */
function asMailClientText(html: string): string {
  return html
    .replace(/<li>/g, '\n  *   ')
    .replace(/<br>/g, '\n')
    .replace(/<\/(p|h2|ul|div)>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n/g, '\r\n');
}

describe('reading an SO invitation back', () => {
  it('finds my reasons and what is expected of me, by my name', () => {
    const { text } = composeInvitation(input());
    const reading = readInvitation(text, ['Bram Hoekstra']);
    expect(reading.recognised).toBe(true);
    expect(reading.mine).toEqual({
      title: 'Bram Hoekstra, Ambulant begeleider GGZ, Veldwijzer GGZ',
      name: 'Bram Hoekstra',
      details: 'Ambulant begeleider GGZ, Veldwijzer GGZ',
      isResident: false,
      reasons: ['expertise', 'criticalEye'],
      expectation: 'Brengt kennis over slapen en angst mee.\nDenkt mee over een plan voor de nacht.',
    });
    expect(reading.goal).toBe('Samen zoeken naar rust: een veilig thuis, overzicht over geld en steun bij zorgen.');
    // The resident and the network are introduced by role: their names stay in the plan.
    expect(reading.people.map((p) => p.name)).toEqual(['De inwoner', 'Iemand uit het netwerk van de inwoner', 'Bram Hoekstra', 'Wouter Dijkman']);
    expect(reading.people[0]!.isResident).toBe(true);
    expect(text).not.toMatch(/Samira|Nadia|Benali/);
    expect(reading.respondBy).toBe('donderdag 26 november 2026');
    expect(reading.date).toBe('dinsdag 1 december 2026');
    expect(reading.time).toBe('10:00 tot 11:30 uur (90 minuten)');
    expect(reading.place).toMatch(/^bij de inwoner thuis/);
    expect(reading.signedBy).toBe('Esra Aydin');
  });

  it('tries my names in order, ignores case and spacing, and does not mistake a longer name for mine', () => {
    const { text } = composeInvitation(input({ participants: [{ ...bram, name: 'Bram Hoekstra-de Vries' }, { ...wouter, name: 'Bram  hoekstra' }] }));
    // The text is sent normalised: a double space in a name is one.
    expect(readInvitation(text, ['B. Hoekstra', 'bram  hoekstra']).mine?.title).toBe('Bram hoekstra, Woonstichting Thuisveld');
    expect(readInvitation(text, ['Iemand Anders']).mine).toBeUndefined();
  });

  it('reads a mail client\'s text conversion of the HTML body just as well', () => {
    const { html } = composeInvitation(input());
    const reading = readInvitation(asMailClientText(html), ['Bram Hoekstra']);
    expect(reading.mine?.reasons).toEqual(['expertise', 'criticalEye']);
    expect(reading.mine?.expectation).toBe('Brengt kennis over slapen en angst mee.\nDenkt mee over een plan voor de nacht.');
    expect(reading.people.map((p) => p.name)).toEqual(['De inwoner', 'Iemand uit het netwerk van de inwoner', 'Bram Hoekstra', 'Wouter Dijkman']);
    expect(reading.people.find((p) => p.name === 'Wouter Dijkman')?.expectation).toBe('Kijkt naar de huurachterstand.');
    expect(reading.goal).toBe('Samen zoeken naar rust: een veilig thuis, overzicht over geld en steun bij zorgen.');
    expect(reading.respondBy).toBe('donderdag 26 november 2026');
    expect(reading.signedBy).toBe('Esra Aydin');
  });

  it('says so when a text is not an SO invitation, without throwing', () => {
    for (const text of ['', 'Overleg over de begroting', '\u0000\r\n•', 'Wie er aan tafel zitten']) {
      const reading = readInvitation(text, ['Bram Hoekstra']);
      expect(reading.mine).toBeUndefined();
      expect(reading.people).toEqual([]);
    }
    expect(readInvitation('Wie er aan tafel zitten, en waarom').recognised).toBe(true);
  });

  it('knows an SO invitation by its subject', () => {
    expect(isSoInvitationSubject('Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026')).toBe(true);
    expect(isSoInvitationSubject('  samenwerkoverleg SO-2026-021')).toBe(true);
    expect(isSoInvitationSubject('Samenwerkoverlegje')).toBe(false);
    expect(isSoInvitationSubject('Teamoverleg')).toBe(false);
    expect(isSoInvitationSubject(undefined)).toBe(false);
  });

  it('matches a title by the name before its first comma', () => {
    expect(titleNames('Bram Hoekstra, Veldwijzer GGZ', 'bram hoekstra')).toBe(true);
    expect(titleNames('Bram Hoekstra', 'Bram Hoekstra')).toBe(true);
    expect(titleNames('Bram Hoekstra-de Vries, X', 'Bram Hoekstra')).toBe(false);
    expect(titleNames('Bram Hoekstra', '')).toBe(false);
  });

  it('uses the headings composeInvitation writes', () => {
    const lines = composeInvitation(input()).text.split('\n');
    for (const heading of Object.values(INVITATION_HEADINGS)) expect(lines).toContain(heading);
  });

  // -------------------------------------------------------------------------------------------------------
  // composeInvitation → readInvitation round-trips, whatever the people and their texts are.

  const word = fc.constantFrom('Bram', 'Anouk', 'Kees', 'de', 'van', 'Öztürk', 'Ouali', 'Jan-Willem', "D'Souza", 'Ŀuc', 'Mensah');
  const freeText = fc
    .array(fc.constantFrom('Brengt', ' kennis', ' mee', '.', '\n', '\n\n', '  ', '\t', '• ', '* ', '- ', 'Waarom: ', 'Wat we verwachten: ', ', ', 'ë', '&', '<b>', '\r\n', '\u0007', 'kritische blik'), { maxLength: 14 })
    .map((parts) => parts.join(''));
  const participantArb = fc.record({
    role: fc.constantFrom<'professional' | 'network'>('professional', 'professional', 'network'),
    words: fc.array(word, { minLength: 1, maxLength: 3 }),
    organisation: fc.option(fc.constantFrom('Veldwijzer GGZ', 'Woonstichting Thuisveld', 'buurman', 'GGD, afdeling jeugd'), { nil: undefined }),
    jobTitle: fc.option(fc.constantFrom('Ambulant begeleider', 'Schuldhulpverlener', ''), { nil: undefined }),
    reasons: fc.subarray([...REASONS]).chain((rs) => fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
    duplicateReason: fc.boolean(),
    expectation: fc.option(freeText, { nil: undefined }),
  });
  const goalArb = fc.array(fc.constantFrom('Samen', ' zoeken', ' naar rust', '.', '\n', ' • ', 'geld'), { minLength: 1, maxLength: 10 }).map((p) => p.join(''));

  it('round-trips every invitee\'s reasons and expectation, and the goal (property)', () => {
    fc.assert(
      fc.property(fc.array(participantArb, { minLength: 1, maxLength: 6 }), goalArb, (specs, goal) => {
        // Names are unique (a letter per person) and have no comma: the title's comma ends the name.
        const participants: Participant[] = [
          resident,
          ...specs.map((s, i): Participant => ({
            id: `p-${i}`,
            name: `${s.words.join(' ')} ${String.fromCharCode(65 + i)}`,
            role: s.role,
            ...(s.organisation !== undefined ? { organisation: s.organisation } : {}),
            ...(s.jobTitle !== undefined ? { jobTitle: s.jobTitle } : {}),
            reasons: s.duplicateReason && s.reasons.length > 0 ? [...s.reasons, s.reasons[0]!] : s.reasons,
            ...(s.expectation !== undefined ? { expectation: s.expectation } : {}),
          })),
        ];
        const { text } = composeInvitation(input({ participants, goal }));
        // Professionals find themselves by name; network members are introduced by role (no name to find).
        for (const p of participants.slice(1).filter((x) => x.role === 'professional')) {
          const mine = readInvitation(text, [p.name]).mine;
          expect(mine, p.name).toBeDefined();
          expect(mine!.reasons).toEqual([...new Set(p.reasons)]);
          expect(mine!.expectation).toBe(cleanText(p.expectation) || undefined);
          expect(mine!.name).toBe(cleanText(p.name));
        }
        const reading = readInvitation(text);
        expect(reading.people).toHaveLength(participants.length);
        expect(reading.goal).toBe(cleanText(goal) || undefined);
      }),
      { numRuns: 300 },
    );
  });
});
