import { describe, expect, it, vi } from 'vitest';
import { answerInvitation, checkForward, forwardSeat, namesForMe } from './participant';
import type { CalendarPort, Person } from './ports';

const me: Person = { id: 'u', displayName: 'Bram Hoekstra', mail: 'Bram.Hoekstra@veldwijzer.example' };

describe('the participant use cases', () => {
  it('looks for me under the name on my attendee entry first, then my directory name', () => {
    expect(namesForMe(me, [
      { name: 'Wouter Dijkman', email: 'wouter@x.nl' },
      { name: 'B. Hoekstra ', email: 'bram.hoekstra@veldwijzer.example' },
    ])).toEqual(['B. Hoekstra', 'Bram Hoekstra']);
    expect(namesForMe(me, [{ name: 'Bram Hoekstra', email: 'bram.hoekstra@veldwijzer.example' }])).toEqual(['Bram Hoekstra']);
    expect(namesForMe({ id: 'x', displayName: 'Zonder Mail' }, [{ name: 'Iemand', email: '' }])).toEqual(['Zonder Mail']);
  });

  it('needs a colleague with an address, not me, and a note to forward', () => {
    const linda: Person = { id: 'l', displayName: 'Linda Martens', mail: 'linda@thuisveld.example' };
    expect(checkForward(me, undefined, '')).toEqual(['colleague-missing', 'note-missing']);
    expect(checkForward(me, { id: 'n', displayName: 'Geen Mail' }, 'x')).toEqual(['colleague-no-mail']);
    expect(checkForward(me, { ...me, id: 'u2' }, 'x')).toEqual(['colleague-is-me']);
    expect(checkForward(me, linda, '  \n ')).toEqual(['note-missing']);
    expect(checkForward(me, linda, 'Zij kent de wijk.')).toEqual([]);
  });

  it('trims the comment and the note, and refuses a forward without a note before calling Graph', async () => {
    const calendar = { respond: vi.fn(async () => undefined), forward: vi.fn(async () => undefined) } as unknown as CalendarPort;
    const directory = { me: async () => me, searchPeople: async () => [], searchUsers: async () => [] };
    await answerInvitation({ calendar }, 'e1', 'decline', '   ');
    await answerInvitation({ calendar }, 'e1', 'accept', ' Ik kom. ');
    expect(calendar.respond).toHaveBeenNthCalledWith(1, 'e1', 'decline', undefined);
    expect(calendar.respond).toHaveBeenNthCalledWith(2, 'e1', 'accept', 'Ik kom.');
    const linda: Person = { id: 'l', displayName: 'Linda Martens', mail: ' linda@thuisveld.example ' };
    await expect(forwardSeat({ calendar, directory }, 'e1', linda, ' ')).rejects.toThrow(RangeError);
    await forwardSeat({ calendar, directory }, 'e1', linda, ' Zij kent de wijk. ');
    expect(calendar.forward).toHaveBeenCalledExactlyOnceWith('e1', { name: 'Linda Martens', email: 'linda@thuisveld.example' }, 'Zij kent de wijk.');
  });
});
