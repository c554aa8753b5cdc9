import { describe, expect, it } from 'vitest';
import { eventLifeOf, eventLifeTransition } from './eventLife';
import type { EventLifeState } from './eventLife';
import { composeSeatPassedComment, readSeatPassedComment, recordAction, settleAction } from './meetingActions';
import type { Meeting, MeetingAction, Plan } from './planSchema';

const sent: EventLifeState = { name: 'sent', eventId: 'evt', start: '2026-12-01T09:00:00.000Z' };
const meeting = { id: 'm-1', start: '2026-12-01T10:00:00+01:00', durationMinutes: 90, location: { kind: 'home' }, goal: 'g', status: 'planned', updatedAt: '2026-11-20T09:00:00Z' } as Meeting;
const plan = (m: Partial<Meeting>, actions: MeetingAction[] = []) => ({ meetings: [{ ...meeting, ...m }], actions } as unknown as Plan);
const action = (kind: MeetingAction['kind'], state: MeetingAction['state'], extra: Partial<MeetingAction> = {}): MeetingAction =>
  ({ id: `${kind}-1`, meetingId: 'm-1', kind, state, at: '2026-11-24T09:00:00Z', by: 'u-esra', updatedAt: '2026-11-24T09:00:00Z', ...extra });

describe('the event\'s state chart', () => {
  it('in draft, send stores the transactionId before it creates the event', () => {
    expect(eventLifeTransition({ name: 'draft' }, { type: 'send', transactionId: 'tx' })).toEqual({
      state: { name: 'sending', transactionId: 'tx' },
      effects: [{ type: 'store-transaction', transactionId: 'tx' }, { type: 'create-event', transactionId: 'tx', mayExist: false }],
    });
  });

  it('in maybe-sent, send looks the event up before creating one', () => {
    expect(eventLifeTransition({ name: 'maybe-sent', transactionId: 'tx' }, { type: 'send', transactionId: 'other' }).effects)
      .toEqual([{ type: 'create-event', transactionId: 'tx', mayExist: true }]);
  });

  it('in sending, an unclear failure goes to maybe-sent; a confirmation to sent', () => {
    expect(eventLifeTransition({ name: 'sending', transactionId: 'tx' }, { type: 'send-unclear' }).state).toEqual({ name: 'maybe-sent', transactionId: 'tx' });
    expect(eventLifeTransition({ name: 'sending', transactionId: 'tx' }, { type: 'send-confirmed', eventId: 'e' }).effects).toEqual([{ type: 'store-sent', eventId: 'e' }]);
  });

  it('in sent, move stores the change first and patches the time once; the same time does nothing', () => {
    expect(eventLifeTransition(sent, { type: 'move', start: '2026-12-02T13:00:00.000Z' }).effects).toEqual([
      { type: 'store-change', change: 'moved' },
      { type: 'patch-time', eventId: 'evt', start: '2026-12-02T13:00:00.000Z', mayExist: false },
    ]);
    expect(eventLifeTransition(sent, { type: 'move', start: sent.start }).effects).toEqual([]);
    expect(eventLifeTransition(sent, { type: 'move-confirmed', start: 'x' }).state.name).toBe('moved');
  });

  it('with an unclear move pending, moving again checks the event first (mayExist) and a cancel waits', () => {
    const pending = { ...sent, pending: action('moved', 'unclear', { until: '2026-12-02T13:00:00.000Z' }) };
    expect(eventLifeTransition(pending, { type: 'move', start: '2026-12-02T13:00:00.000Z' }).effects)
      .toEqual([{ type: 'patch-time', eventId: 'evt', start: '2026-12-02T13:00:00.000Z', mayExist: true }]);
    expect(eventLifeTransition(pending, { type: 'cancel', comment: 'x' }).effects).toEqual([]);
  });

  it('in cancelled, nothing applies', () => {
    expect(eventLifeTransition({ name: 'cancelled', eventId: 'e' }, { type: 'move', start: 'x' })).toEqual({ state: { name: 'cancelled', eventId: 'e' }, effects: [] });
  });

  it('reads the state from the plan: a stored transactionId without an event is maybe-sent (unless this device is sending)', () => {
    expect(eventLifeOf(plan({}), meeting).name).toBe('draft');
    expect(eventLifeOf(plan({ transactionId: 'tx' }), { ...meeting, transactionId: 'tx' })).toEqual({ name: 'maybe-sent', transactionId: 'tx' });
    expect(eventLifeOf(plan({ transactionId: 'tx' }), { ...meeting, transactionId: 'tx' }, { sendingHere: true }).name).toBe('sending');
    const m = { ...meeting, transactionId: 'tx', eventId: 'evt' };
    expect(eventLifeOf(plan(m), m).name).toBe('sent');
    expect(eventLifeOf(plan(m, [action('moved', 'done')]), m).name).toBe('moved');
    expect(eventLifeOf(plan(m, [action('moved', 'started')]), m)).toMatchObject({ name: 'sent', pending: { kind: 'moved' } });
    expect(eventLifeOf(plan(m, [action('cancelled', 'done')]), m).name).toBe('cancelled');
  });
});

describe('actions in the plan', () => {
  it('records by id and settles', () => {
    const p = recordAction(plan({}), action('escalation', 'started'));
    const again = recordAction(p, action('escalation', 'started'));
    expect(again.actions).toHaveLength(1);
    expect(settleAction(again, 'escalation-1', 'done', '2026-11-24T10:00:00Z').actions[0]).toMatchObject({ state: 'done', updatedAt: '2026-11-24T10:00:00Z' });
  });

  it('a seat-passed comment reads back to the colleague and the note; other comments do not', () => {
    const text = composeSeatPassedComment({ name: 'Linda Martens', email: 'linda.martens@thuisveld.example' }, ' Linda kent het huis. ');
    expect(text).toBe('Ik geef mijn plek door aan Linda Martens <linda.martens@thuisveld.example>. Waarom: Linda kent het huis.');
    expect(readSeatPassedComment(text)).toEqual({ to: { name: 'Linda Martens', email: 'linda.martens@thuisveld.example' }, note: 'Linda kent het huis.' });
    expect(readSeatPassedComment('Geen tijd.')).toBeUndefined();
  });
});
