import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNoIdentifiers, INVITATION_BLOCKING_KINDS, isValidBsn, isValidIban, redactIdentifiers, scanSensitive } from './sensitiveData';
import { normaliseText } from './text';

// An independent statement of the 11-proef, straight from its definition.
function elevenTest(digits: string): boolean {
  const d = [...digits].map(Number);
  const sum = d.slice(0, 8).reduce((acc, digit, i) => acc + (9 - i) * digit, 0) - d[8]!;
  return ((sum % 11) + 11) % 11 === 0;
}

/** A valid BSN built from eight digits, or undefined when no check digit works. */
function withCheckDigit(eight: string): string | undefined {
  const partial = [...eight].reduce((acc, digit, i) => acc + (9 - i) * Number(digit), 0);
  const check = partial % 11;
  if (check > 9) return undefined;
  const bsn = eight + String(check);
  return bsn === '000000000' ? undefined : bsn;
}

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });
const validBsn = fc
  .string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 })
  .map(withCheckDigit)
  .filter((b): b is string => b !== undefined);

const kinds = (text: string) => scanSensitive(text).map((m) => m.kind);

describe('isValidBsn', () => {
  it('agrees with the 11-proef on random 9-digit strings', () => {
    fc.assert(
      fc.property(nineDigits, (digits) => {
        expect(isValidBsn(digits)).toBe(digits !== '000000000' && elevenTest(digits));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every number built with a correct check digit, and rejects any single changed digit', () => {
    fc.assert(
      fc.property(validBsn, fc.nat({ max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, position, delta) => {
        expect(isValidBsn(bsn)).toBe(true);
        const changed = bsn.slice(0, position) + String((Number(bsn[position]) + delta) % 10) + bsn.slice(position + 1);
        expect(isValidBsn(changed)).toBe(false);
      }),
    );
  });

  it('allows ".", space, "-", "/" or "_" between groups, and nothing else', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('1234.56.782')).toBe(true);
    expect(isValidBsn('123 456 782')).toBe(true);
    expect(isValidBsn('123-456-782')).toBe(true);
    expect(isValidBsn('123/456/782')).toBe(true);
    expect(isValidBsn('123_456_782')).toBe(true);
    expect(isValidBsn('123:456:782')).toBe(false);
    expect(isValidBsn('123,456,782')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567820')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('123456781')).toBe(false);
  });
});

describe('isValidIban', () => {
  it('checks mod-97 and the country length, in any case and with spaces', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('nl91 abna 0417 1643 00')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
    expect(isValidIban('NL91')).toBe(false);
    // Passes mod-97 and has an IBAN's shape, but CJ is no IBAN country (found by the BSN property below).
    expect(isValidIban('cj 878992108 omebin')).toBe(false);
    expect(scanSensitive('cj 878992108 omebin')).toEqual([{ kind: 'bsn', start: 3, end: 12, value: '878992108' }]);
  });
});

describe('scanSensitive', () => {
  it('finds a valid BSN with its offsets, in every usual grouping', () => {
    for (const written of ['123456782', '1234.56.782', '123 456 782', '123-456-782']) {
      const text = `Het BSN is ${written}, zegt ze.`;
      const [match] = scanSensitive(text);
      expect(match).toEqual({ kind: 'bsn', start: 11, end: 11 + written.length, value: written });
      expect(text.slice(match!.start, match!.end)).toBe(written);
    }
  });

  it('ignores 9 digits that fail the 11-proef, 000000000, and BSNs that are part of a longer number', () => {
    expect(scanSensitive('Dossier 123456781')).toEqual([]);
    expect(scanSensitive('code 000000000')).toEqual([]);
    expect(scanSensitive('nummer 1123456782')).toEqual([]);
    expect(scanSensitive('nummer 1234567823')).toEqual([]);
    expect(scanSensitive('nummer 12.123.456.782')).toEqual([]);
    expect(scanSensitive('nummer 123-456-782-1')).toEqual([]);
  });

  it('finds any valid BSN hidden in text that has no other digits, and none when digits are glued on', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'abcdefghij klmnop,.:;!?'), maxLength: 30 });
    fc.assert(
      fc.property(letters, validBsn, letters, (before, bsn, after) => {
        const text = `${before} ${bsn} ${after}`;
        // Offsets are those of the normalised text (double spaces are one there).
        const start = normaliseText(`${before} `).length;
        expect(scanSensitive(text)).toContainEqual({ kind: 'bsn', start, end: start + 9, value: bsn });
        expect(kinds(`${before} 7${bsn} ${after}`)).not.toContain('bsn');
        expect(kinds(`${before} ${bsn}7 ${after}`)).not.toContain('bsn');
      }),
    );
  });

  it('finds IBANs with a valid check, spaced or not, and does not also report their digits', () => {
    expect(scanSensitive('Rekening NL91ABNA0417164300.')).toEqual([{ kind: 'iban', start: 9, end: 27, value: 'NL91ABNA0417164300' }]);
    expect(scanSensitive('Rekening NL91 ABNA 0417 1643 00 graag')).toEqual([{ kind: 'iban', start: 9, end: 31, value: 'NL91 ABNA 0417 1643 00' }]);
    expect(scanSensitive('Rekening NL92ABNA0417164300')).toEqual([]);
  });

  it('finds Dutch phone numbers in their usual forms', () => {
    for (const phone of ['0612345678', '06-12345678', '06 12 34 56 78', '+31 6 12345678', '+31(0)612345678', '0031 6 1234 5678', '010-1234567', '0412 123456', '(020) 123 4567']) {
      expect(scanSensitive(`Bel ${phone} even.`), phone).toEqual([{ kind: 'phone', start: 4, end: 4 + phone.length, value: phone }]);
    }
  });

  it('does not take dates, short numbers or 00-prefixed digits for phone numbers', () => {
    expect(kinds('Op 12-03-2026 om 10.00 uur')).toEqual([]);
    expect(kinds('Bel 112 of 14 0412')).toEqual([]);
    expect(kinds('nummer 0012345678')).toEqual([]);
    expect(kinds('nummer 061234567')).toEqual([]);
  });

  it('finds e-mail addresses', () => {
    expect(scanSensitive('Mail naar nadia.benali+so@mail.example.nl.')).toEqual([
      { kind: 'email', start: 10, end: 41, value: 'nadia.benali+so@mail.example.nl' },
    ]);
  });

  it('finds a date only near "geboren", "geb." or "geboortedatum"', () => {
    expect(kinds('Geboren op 12 maart 1985 in Oss.')).toEqual(['birthDate']);
    expect(kinds('geb. 01-02-1990')).toEqual(['birthDate']);
    expect(kinds('Geboortedatum: 1990-02-01')).toEqual(['birthDate']);
    expect(kinds('zoon (3/4/15, geboren in Oss)')).toEqual(['birthDate']);
    expect(kinds('Het overleg is op 12-03-2026.')).toEqual([]);
    expect(kinds('Ze is geboren in Oss en verhuisde veel later, het overleg is op 12-03-2026.')).toEqual([]);
    expect(kinds('geboren 31-13-1990')).toEqual([]);
  });

  it('returns findings ordered by position, never overlapping', () => {
    const text = 'Mail jan@x.nl, bel 0612345678, BSN 123456782, geb. 1-2-1990, IBAN NL91ABNA0417164300.';
    const found = scanSensitive(text);
    expect(found.map((m) => m.kind)).toEqual(['email', 'phone', 'bsn', 'birthDate', 'iban']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.value);
  });

  it('reads "+31 6 12345678" as a phone number, even if its last digits pass the 11-proef', () => {
    const bsnShaped = '612345671'; // "6 12345671" would be a valid BSN on its own
    expect(isValidBsn(bsnShaped)).toBe(true);
    expect(kinds('Bel 6 12345671')).toEqual(['bsn']);
    expect(kinds('Bel +31 6 12345671')).toEqual(['phone']);
  });

  it('finds nothing in ordinary plan text', () => {
    expect(scanSensitive('Ik wil weer rust in mijn hoofd. Ik slaap 3 nachten per week door, sinds 1 november.')).toEqual([]);
    expect(scanSensitive('')).toEqual([]);
  });
});

describe('checkNoIdentifiers', () => {
  const field = { label: 'het doel van het overleg', path: 'goal' };

  it('makes BSN and IBAN errors and the rest warnings, one problem per kind, naming the field', () => {
    const problems = checkNoIdentifiers('BSN 123456782 en 123 456 782, bel 0612345678', field);
    expect(problems.map((p) => [p.code, p.severity, p.path])).toEqual([
      ['sensitive-data', 'error', 'goal'],
      ['sensitive-data', 'warning', 'goal'],
    ]);
    expect(problems[0]!.message).toContain('het doel van het overleg');
    expect(problems[0]!.message).toContain('BSN');
    expect(problems[0]!.message).not.toContain('123456782');
    expect(problems[1]!.message).toContain('telefoonnummer');
  });

  it('turns every finding into an error in strict mode (subjects, task titles)', () => {
    expect(checkNoIdentifiers('Bel 0612345678', { label: 'de taaktitel' }, { strict: true })).toEqual([
      expect.objectContaining({ code: 'sensitive-data', severity: 'error' }),
    ]);
    expect(checkNoIdentifiers('SO-2026-014: huurachterstand bespreken', { label: 'de taaktitel' }, { strict: true })).toEqual([]);
  });
});

describe('redactIdentifiers', () => {
  it('replaces every identifier and keeps the rest of the text', () => {
    expect(redactIdentifiers('Bel 06-12345678 over BSN 111.222.333, IBAN NL91 ABNA 0417 1643 00, geboren op 3 maart 1980, mail a.b@example.nl.'))
      .toBe('Bel … over BSN …, IBAN …, geboren op …, mail ….');
    expect(redactIdentifiers('Afspraak over de huur', '[weg]')).toBe('Afspraak over de huur');
    expect(redactIdentifiers('BSN 123456782', '[weg]')).toBe('BSN [weg]');
    expect(redactIdentifiers('')).toBe('');
  });

  it('leaves nothing the scanner would find', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('Bel', '06-12345678', '123456782', 'NL91ABNA0417164300', 'geboren', '12-03-1985', 'en', ' ', '.', '0', '1'), { maxLength: 20 }), (parts) => {
      expect(scanSensitive(redactIdentifiers(parts.join(' ')))).toEqual([]);
    }));
  });
});

// Spellings seen in pasted and typed text (issue 11): every one must be found, blocked in an invitation and
// taken out of what is sent, because the scan reads the same normalised text that is sent.
export const SPACES = ['\u00A0', '\u202F', '\u2009', '\u2007', '\u3000', '  ', '\t'];
export const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
export const SEPARATORS = ['/', '_', '.', '-', ' / ', ' - '];
const FULL_WIDTH = (digits: string) => digits.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
const ARABIC_INDIC = (digits: string) => digits.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
const PERSIAN = (digits: string) => digits.replace(/\d/g, (d) => String.fromCodePoint(0x06f0 + Number(d)));

/** Every spelling of "123 456 782" (a BSN) and "06 1234 5678" (a phone number) the scan must see through. */
export function spellings(groups: readonly string[]): string[] {
  const plain = groups.join('');
  return [
    ...SPACES.map((s) => groups.join(s)),
    ...INVISIBLE.map((z) => [...plain].join(z)),
    ...SEPARATORS.map((s) => groups.join(s)),
    FULL_WIDTH(groups.join(' ')),
    ARABIC_INDIC(plain),
    PERSIAN(groups.join('\u00A0')),
    `${groups.join('\u200B ')}`,
    groups.join('\n'),
  ];
}

describe('the scan reads the spelling that is sent', () => {
  const cases: [string, readonly string[], string][] = [
    ['bsn', ['123', '456', '782'], 'BSN'],
    ['phone', ['06', '1234', '5678'], 'telefoon'],
    ['iban', ['NL91', 'ABNA', '0417', '1643', '00'], 'rekening'],
  ];
  for (const [kind, groups, word] of cases) {
    it(`finds a ${kind} in every spelling, blocks it in an invitation and redacts it`, () => {
      for (const spelled of spellings(groups)) {
        const text = `Het doel: ${word} ${spelled} regelen.`;
        const label = JSON.stringify(spelled);
        expect(scanSensitive(text).map((m) => m.kind), label).toContain(kind);
        const problems = checkNoIdentifiers(text, { label: 'het doel', path: 'goal' }, { blocking: INVITATION_BLOCKING_KINDS });
        expect(problems.map((p) => p.severity), label).toContain('error');
        const sent = redactIdentifiers(text);
        expect(scanSensitive(sent), label).toEqual([]);
        expect(sent, label).toBe(`Het doel: ${word} … regelen.`);
      }
    });
  }

  it('finds a birth date written with other separators or digits near "geboren"', () => {
    for (const date of ['14/02/1979', '14_02_1979', '14 - 02 - 1979', ARABIC_INDIC('14-02-1979'), FULL_WIDTH('14.02.1979'), '14\u200B-02-1979']) {
      expect(scanSensitive(`geboren op ${date}`).map((m) => m.kind), JSON.stringify(date)).toEqual(['birthDate']);
    }
  });

  it('reports offsets and values in the normalised text', () => {
    const text = 'BSN\u00A0\u00A0123\u200B456\u3000782!';
    const [match] = scanSensitive(text);
    expect(match).toEqual({ kind: 'bsn', start: 4, end: 14, value: '123456 782' });
    expect(normaliseText(text).slice(match!.start, match!.end)).toBe(match!.value);
  });

  it('still leaves ordinary numbers alone', () => {
    expect(scanSensitive('Op 12/03/2026 om 10.00 uur, 3 of 4 mensen, kamer 1_2, 2026/2027.')).toEqual([]);
  });
});
