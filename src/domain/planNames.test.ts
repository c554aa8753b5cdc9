import { describe, expect, it } from 'vitest';
import { checkNoNames, protectedPeople, publicName, redactNames, scanNames } from './planNames';
import type { ProtectedPerson } from './planNames';

const PEOPLE: ProtectedPerson[] = [
  { name: 'Samira Benali', role: 'resident' },
  { name: 'Nadia Benali', role: 'network' },
  { name: 'Henk van der Meulen', role: 'network' },
  { name: 'Wil Zoë de Wit', role: 'network' },
];

const found = (text: string) => scanNames(text, PEOPLE).map((m) => m.value);

describe('names in the plan', () => {
  it('lists the resident and the network, never professionals', () => {
    const plan = {
      resident: { id: 'r', name: 'Samira Benali' },
      participants: [
        { id: 'p1', name: 'Samira Benali', role: 'resident' as const, reasons: [], updatedAt: '2026-11-23T09:00:00Z' },
        { id: 'p2', name: 'Nadia Benali', role: 'network' as const, reasons: [], updatedAt: '2026-11-23T09:00:00Z' },
        { id: 'p3', name: 'Bram Hoekstra', role: 'professional' as const, reasons: [], updatedAt: '2026-11-23T09:00:00Z' },
        { id: 'p4', name: '  ', role: 'network' as const, reasons: [], updatedAt: '2026-11-23T09:00:00Z' },
      ],
    };
    expect(protectedPeople(plan).map((p) => p.name)).toEqual(['Samira Benali', 'Samira Benali', 'Nadia Benali']);
    expect(publicName({ name: 'Samira Benali', role: 'resident' })).toBe('de inwoner');
    expect(publicName({ name: 'Nadia Benali', role: 'network' })).toBe('iemand uit het netwerk van de inwoner');
    expect(publicName({ name: ' Bram Hoekstra ', role: 'professional' })).toBe('Bram Hoekstra');
  });

  it('finds first names, surnames and whole names in any case, accent or spelling', () => {
    expect(found('Samira wil weer rust.')).toEqual(['Samira']);
    expect(found('mevrouw BENALI belt')).toEqual(['BENALI']);
    expect(found('Met Samira Benali en haar zus')).toEqual(['Samira Benali']);
    expect(found('Samira_Benali / Samira.Benali / Benali-Samira')).toEqual(['Samira_Benali', 'Samira.Benali', 'Benali-Samira']);
    expect(found('Sa\u200Bmira en Sami\u00ADra en Samira\u00A0\u00A0Benali')).toEqual(['Samira', 'Samira', 'Samira Benali']);
    expect(found('Ｓａｍｉｒａ belt')).toEqual(['Samira']);
    expect(found('Meneer van der Meulen en Zoe')).toEqual(['Meulen', 'Zoe']);
    expect(found('Henk van der Meulen komt')).toEqual(['Henk van der Meulen']);
  });

  it('leaves ordinary words alone: particles, parts of words, lower-case common words', () => {
    expect(found('Ik wil van de wit geverfde deur af, samiras en benalis tellen niet.')).toEqual([]);
    expect(found('Wil komt ook.')).toEqual(['Wil']);
    expect(found('De Wit belt.')).toEqual(['Wit']);
  });

  it('replaces names by the role, capitalised at the start of a sentence', () => {
    expect(redactNames('Samira belt Nadia. Nadia Benali gaat mee.', PEOPLE)).toBe('De inwoner belt iemand uit het netwerk van de inwoner. Iemand uit het netwerk van de inwoner gaat mee.');
    expect(redactNames('Bram belt Sa\u200Bmira\u00A0op', PEOPLE)).toBe('Bram belt de inwoner op');
    expect(scanNames(redactNames('Samira_Benali, Nadia, Henk van der Meulen, Zoë', PEOPLE), PEOPLE)).toEqual([]);
  });

  it('blocks or warns, naming the field and what to write instead', () => {
    const [problem] = checkNoNames('Samira wil rust', PEOPLE, { label: 'het doel', path: 'goal' }, { severity: 'error' });
    expect(problem).toMatchObject({ severity: 'error', code: 'name-in-text', path: 'goal' });
    expect(problem!.message).toContain('de naam van de inwoner');
    expect(problem!.message).not.toContain('Samira');
    expect(checkNoNames('Nadia helpt', PEOPLE, { label: 'wat', path: 'what' }, { severity: 'warning' })[0]).toMatchObject({ severity: 'warning' });
    expect(checkNoNames('De inwoner wil rust', PEOPLE, { label: 'het doel' }, { severity: 'error' })).toEqual([]);
  });
});
