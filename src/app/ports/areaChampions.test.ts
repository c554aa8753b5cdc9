import { describe, expect, it } from 'vitest';
import { areaChampionsFrom, parseAreaChampions } from './areaChampions';

describe('area champions from configuration', () => {
  it('parses entries and skips broken ones, saying which', () => {
    const { champions, rejected } = parseAreaChampions('noord|Maasveld-Noord|Joris van Leeuwen|joris@gemeente.example; zuid|Zuid|Geen Mail|niet-een-adres;');
    expect(champions).toEqual([{ areaId: 'noord', areaName: 'Maasveld-Noord', name: 'Joris van Leeuwen', email: 'joris@gemeente.example' }]);
    expect(rejected).toEqual(['zuid|Zuid|Geen Mail|niet-een-adres']);
  });

  it('finds the champion of an area, or none', () => {
    const port = areaChampionsFrom(parseAreaChampions('noord|Noord|J|j@x.nl').champions);
    expect(port.championFor('noord')?.email).toBe('j@x.nl');
    expect(port.championFor('zuid')).toBeUndefined();
    expect(port.championFor(undefined)).toBeUndefined();
  });
});
