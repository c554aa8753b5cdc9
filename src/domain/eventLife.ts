// The life of an SO's Outlook event as a state chart (issue 11): draft → sending → sent, or maybe-sent when it
// is unclear whether it went out; a sent event can be moved (and moved again) or cancelled. The transition is
// pure: it names the next state and the effects a small runner performs (app/eventChanges.ts), in order.
// What is stored in the plan comes first, the Graph call after: a reload or another device reads the stored
// state and never offers "Versturen" as if nothing happened.
import { actionsOf } from './meetingActions';
import type { Meeting, MeetingAction, Plan } from './planSchema';

export type EventLifeState =
  | { name: 'draft' }
  | { name: 'sending'; transactionId: string }
  /** The transactionId was stored but no event id: an earlier attempt may have sent it. */
  | { name: 'maybe-sent'; transactionId: string }
  | { name: 'sent'; eventId: string; start: string; pending?: MeetingAction }
  | { name: 'moved'; eventId: string; start: string; pending?: MeetingAction }
  | { name: 'cancelled'; eventId?: string };

export type EventLifeEvent =
  | { type: 'send'; transactionId: string }
  | { type: 'send-confirmed'; eventId: string }
  | { type: 'send-unclear' }
  | { type: 'move'; start: string }
  | { type: 'move-confirmed'; start: string }
  | { type: 'cancel'; comment: string }
  | { type: 'cancel-confirmed' }
  | { type: 'change-unclear' };

export type EventLifeEffect =
  /** Store the transactionId in the plan before anything goes out. */
  | { type: 'store-transaction'; transactionId: string }
  /** Create (or, with mayExist, find first) the event and invite. */
  | { type: 'create-event'; transactionId: string; mayExist: boolean }
  | { type: 'store-sent'; eventId: string }
  /** Store the change as `started` in the plan before the call. */
  | { type: 'store-change'; change: 'moved' | 'cancelled' }
  /** PATCH start/end once; with mayExist, read the event first and skip when it already has the new time. */
  | { type: 'patch-time'; eventId: string; start: string; mayExist: boolean }
  /** POST …/cancel; with mayExist, read the event first and skip when it is already cancelled. */
  | { type: 'cancel-event'; eventId: string; comment: string; mayExist: boolean }
  | { type: 'settle-change'; state: 'done' | 'unclear' };

export interface EventLifeStep {
  state: EventLifeState;
  effects: EventLifeEffect[];
}

const stay = (state: EventLifeState): EventLifeStep => ({ state, effects: [] });

/** (state, event) → (state, effects). Events that do not apply in a state leave it unchanged, with no effects. */
export function eventLifeTransition(state: EventLifeState, event: EventLifeEvent): EventLifeStep {
  switch (state.name) {
    case 'draft':
      if (event.type === 'send') {
        return {
          state: { name: 'sending', transactionId: event.transactionId },
          effects: [{ type: 'store-transaction', transactionId: event.transactionId }, { type: 'create-event', transactionId: event.transactionId, mayExist: false }],
        };
      }
      return stay(state);
    case 'maybe-sent':
      // Sending again is safe: the event is looked up by its transactionId before one is created.
      if (event.type === 'send') return { state: { name: 'sending', transactionId: state.transactionId }, effects: [{ type: 'create-event', transactionId: state.transactionId, mayExist: true }] };
      return stay(state);
    case 'sending':
      if (event.type === 'send-confirmed') return { state: { name: 'sent', eventId: event.eventId, start: '' }, effects: [{ type: 'store-sent', eventId: event.eventId }] };
      if (event.type === 'send-unclear') return stay({ name: 'maybe-sent', transactionId: state.transactionId });
      return stay(state);
    case 'sent':
    case 'moved': {
      const mayExist = state.pending !== undefined;
      if (event.type === 'move') {
        if (state.pending && state.pending.kind !== 'moved') return stay(state);
        if (event.start === state.start && !mayExist) return stay(state);
        return {
          state: { ...state },
          effects: [
            ...(mayExist ? [] : [{ type: 'store-change', change: 'moved' } as const]),
            { type: 'patch-time', eventId: state.eventId, start: event.start, mayExist },
          ],
        };
      }
      if (event.type === 'move-confirmed') return { state: { name: 'moved', eventId: state.eventId, start: event.start }, effects: [{ type: 'settle-change', state: 'done' }] };
      if (event.type === 'cancel') {
        if (state.pending && state.pending.kind !== 'cancelled') return stay(state);
        return {
          state: { ...state },
          effects: [
            ...(mayExist ? [] : [{ type: 'store-change', change: 'cancelled' } as const]),
            { type: 'cancel-event', eventId: state.eventId, comment: event.comment, mayExist },
          ],
        };
      }
      if (event.type === 'cancel-confirmed') return { state: { name: 'cancelled', eventId: state.eventId }, effects: [{ type: 'settle-change', state: 'done' }] };
      if (event.type === 'change-unclear') return { state: { ...state }, effects: [{ type: 'settle-change', state: 'unclear' }] };
      return stay(state);
    }
    case 'cancelled':
      return stay(state);
  }
}

/**
 * The state of a meeting's event as the plan tells it (any device, after any reload). `sendingHere`: this
 * device is sending it right now (otherwise a stored transactionId without an event id means "maybe sent").
 */
export function eventLifeOf(plan: Plan, meeting: Meeting, options: { sendingHere?: boolean } = {}): EventLifeState {
  const changes = actionsOf(plan, meeting.id, ['moved', 'cancelled']);
  const cancelled = changes.find((a) => a.kind === 'cancelled' && a.state === 'done');
  if (meeting.status === 'cancelled' || cancelled) return meeting.eventId ? { name: 'cancelled', eventId: meeting.eventId } : { name: 'cancelled' };
  if (meeting.eventId === undefined) {
    if (meeting.transactionId === undefined) return { name: 'draft' };
    return options.sendingHere ? { name: 'sending', transactionId: meeting.transactionId } : { name: 'maybe-sent', transactionId: meeting.transactionId };
  }
  const pending = changes.find((a) => a.state !== 'done');
  const moved = changes.some((a) => a.kind === 'moved' && a.state === 'done');
  const base = { eventId: meeting.eventId, start: meeting.start, ...(pending ? { pending } : {}) };
  return moved ? { name: 'moved', ...base } : { name: 'sent', ...base };
}
