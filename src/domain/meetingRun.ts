// Running the SO against its agenda: which part is on, how long it has taken against its time box, and
// when to ask "continue longer, or plan a follow-up SO?". The run is a list of events replayed in time order,
// so a reload keeps the time accounting: the runner keeps them per device today; the state chart below
// turns them into facts for the plan (`runFacts`). Time is epoch ms, passed in. A pause (the resident needs
// a break) stops every clock: paused time never counts.
import type { Agenda, AgendaKey } from './agenda';
import type { Plan, RunFact } from './planSchema';

export type RunEvent =
  | { type: 'start' | 'goto'; at: number; stepKey: string }
  | { type: 'pause' | 'resume'; at: number }
  | { type: 'extend'; at: number; stepKey: string; minutes: number };

export interface RunStep {
  key: string;
  /** The agenda item this step belongs to ('wants' for each "ik wil" point). */
  parentKey: AgendaKey;
  title: string;
  minutes: number;
}

export interface RunStepStatus {
  key: string;
  /** The time box, including any extensions. */
  boxMs: number;
  elapsedMs: number;
  overrunMs: number;
  state: 'upcoming' | 'current' | 'done';
}

export interface RunStatus {
  started: boolean;
  currentKey?: string;
  paused: boolean;
  pausedMs: number;
  /** Time spent on the steps, pauses excluded. */
  elapsedMs: number;
  /** The planned length, including extensions. */
  plannedMs: number;
  steps: RunStepStatus[];
  /** How far the whole meeting is past its planned length. */
  overrunMs: number;
  askContinueOrFollowUp: boolean;
}

/** A step that runs this much over its box is worth a question, not just a colour. */
export const ASK_AFTER_OVERRUN_MS = 2 * 60_000;

/** The agenda as steps: items in order, the "ik wil" item replaced by its points when it has any. */
export function runSteps(agenda: Agenda): RunStep[] {
  return agenda.items.flatMap((item): RunStep[] =>
    item.key === 'wants' && item.children !== undefined && item.children.length > 0
      ? item.children.map((child) => ({ key: child.key, parentKey: item.key, title: child.title, minutes: child.minutes }))
      : [{ key: item.key, parentKey: item.key, title: item.title, minutes: item.minutes }],
  );
}

export function nextStepKey(steps: RunStep[], currentKey?: string): string | undefined {
  if (currentKey === undefined) return steps[0]?.key;
  const index = steps.findIndex((s) => s.key === currentKey);
  return index === -1 ? undefined : steps[index + 1]?.key;
}

const positiveMinutes = (minutes: number) => (Number.isFinite(minutes) && minutes > 0 ? minutes : 0);

export function runStatus(steps: RunStep[], events: readonly RunEvent[], now: number): RunStatus {
  const known = new Set(steps.map((s) => s.key));
  const elapsed = new Map<string, number>();
  const extra = new Map<string, number>();
  const visited = new Set<string>();
  let started = false;
  let current: string | undefined;
  let paused = false;
  let pausedMs = 0;
  let pauseStart = 0;
  let last = 0;

  // Events are replayed in time order; equal times keep the order they were recorded in.
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map((x) => x.e);
  const advance = (to: number) => {
    const at = Math.max(to, last);
    if (started && !paused && current !== undefined) elapsed.set(current, (elapsed.get(current) ?? 0) + (at - last));
    last = at;
  };

  for (const event of ordered) {
    if (!started && event.type !== 'start') {
      if (event.type === 'extend' && known.has(event.stepKey)) extra.set(event.stepKey, (extra.get(event.stepKey) ?? 0) + positiveMinutes(event.minutes) * 60_000);
      continue;
    }
    advance(event.at);
    switch (event.type) {
      case 'start':
      case 'goto':
        if (!known.has(event.stepKey)) break;
        if (!started) {
          started = true;
          last = event.at;
        }
        current = event.stepKey;
        visited.add(current);
        break;
      case 'pause':
        if (!paused) {
          paused = true;
          pauseStart = last;
        }
        break;
      case 'resume':
        if (paused) {
          paused = false;
          pausedMs += last - pauseStart;
        }
        break;
      case 'extend':
        if (known.has(event.stepKey)) extra.set(event.stepKey, (extra.get(event.stepKey) ?? 0) + positiveMinutes(event.minutes) * 60_000);
        break;
    }
  }
  if (started) advance(now);
  if (paused) pausedMs += last - pauseStart;

  const currentIndex = current === undefined ? -1 : steps.findIndex((s) => s.key === current);
  const statuses = steps.map((step, index): RunStepStatus => {
    const boxMs = positiveMinutes(step.minutes) * 60_000 + (extra.get(step.key) ?? 0);
    const spent = elapsed.get(step.key) ?? 0;
    const state = step.key === current ? 'current' : visited.has(step.key) || index < currentIndex ? 'done' : 'upcoming';
    return { key: step.key, boxMs, elapsedMs: spent, overrunMs: Math.max(0, spent - boxMs), state };
  });
  const elapsedMs = statuses.reduce((sum, s) => sum + s.elapsedMs, 0);
  const plannedMs = statuses.reduce((sum, s) => sum + s.boxMs, 0);
  const overrunMs = Math.max(0, elapsedMs - plannedMs);
  const currentStatus = statuses[currentIndex];
  // An extension raises both the step's box and the planned length, so "continue longer" quiets the
  // question until the extra time is used up as well.
  const askContinueOrFollowUp = started && currentStatus !== undefined && (currentStatus.overrunMs >= ASK_AFTER_OVERRUN_MS || overrunMs > 0);

  const status: RunStatus = { started, paused, pausedMs, elapsedMs, plannedMs, steps: statuses, overrunMs, askContinueOrFollowUp };
  if (current !== undefined) status.currentKey = current;
  return status;
}

// ---------------------------------------------------------------------------------------------------------
// The run as a state chart (issue 13). The chair's clicks are commands; a command that the current state
// allows becomes one fact (a RunEvent, stored in the plan as a RunFact) and moves the state; one it does not
// allow changes nothing and records nothing (a double click on "Start" on two devices starts the SO once).
//
//   notStarted --start(step)--> running(step)
//   running    --next / goto(step)--> running(step')     (next on the last step: nothing)
//   running    --pause--> paused(step)      paused --resume--> running(step)
//   paused     --next / goto(step)--> paused(step')       (the table may move on during a break)
//   running | paused --extend(minutes)--> same state, the step's box larger
//
// Every device replays the same facts (`runStateOf`, `runStatus`): the state is derived, never stored.

export type RunState =
  | { name: 'notStarted' }
  | { name: 'running'; stepKey: string }
  | { name: 'paused'; stepKey: string };

export type RunCommand =
  | { type: 'start'; stepKey: string }
  | { type: 'next' }
  | { type: 'goto'; stepKey: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; minutes: number };

/** What the runner at the edge does: record the fact (in the plan, through the sync). */
export type RunEffect = { type: 'recordFact'; event: RunEvent };

export interface RunTransition {
  state: RunState;
  effects: RunEffect[];
}

const stay = (state: RunState): RunTransition => ({ state, effects: [] });

/** The longest single extension a fact may record (RunFactSchema's `minutes`). */
export const MAX_EXTEND_MINUTES = 120;
const validExtension = (minutes: number) => Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_EXTEND_MINUTES;

/** The pure transition: `at` is the (server) time of the click, `steps` the SO's agenda. */
export function runTransition(state: RunState, command: RunCommand, steps: readonly RunStep[], at: number): RunTransition {
  const known = (key: string) => steps.some((s) => s.key === key);
  const record = (next: RunState, event: RunEvent): RunTransition => ({ state: next, effects: [{ type: 'recordFact', event }] });
  switch (state.name) {
    case 'notStarted':
      if (command.type === 'start' && known(command.stepKey)) return record({ name: 'running', stepKey: command.stepKey }, { type: 'start', at, stepKey: command.stepKey });
      return stay(state);
    case 'running':
    case 'paused': {
      switch (command.type) {
        case 'next': {
          const next = nextStepKey([...steps], state.stepKey);
          return next === undefined ? stay(state) : record({ ...state, stepKey: next }, { type: 'goto', at, stepKey: next });
        }
        case 'goto':
          if (!known(command.stepKey) || command.stepKey === state.stepKey) return stay(state);
          return record({ ...state, stepKey: command.stepKey }, { type: 'goto', at, stepKey: command.stepKey });
        case 'pause':
          return state.name === 'running' ? record({ name: 'paused', stepKey: state.stepKey }, { type: 'pause', at }) : stay(state);
        case 'resume':
          return state.name === 'paused' ? record({ name: 'running', stepKey: state.stepKey }, { type: 'resume', at }) : stay(state);
        case 'extend':
          // Whole minutes within what a fact may hold (RunFactSchema): anything else would be a fact the plan refuses.
          return validExtension(command.minutes) ? record(state, { type: 'extend', at, stepKey: state.stepKey, minutes: command.minutes }) : stay(state);
        case 'start':
          return stay(state);
      }
    }
  }
}

/** The state the recorded facts lead to (every device derives the same one from the same facts). */
export function runStateOf(steps: readonly RunStep[], events: readonly RunEvent[]): RunState {
  const status = runStatus([...steps], events, events.reduce((latest, e) => Math.max(latest, e.at), 0));
  if (!status.started || status.currentKey === undefined) return { name: 'notStarted' };
  return { name: status.paused ? 'paused' : 'running', stepKey: status.currentKey };
}

// ---------------------------------------------------------------------------------------------------------
// The run's facts in the plan.

/** The run of one SO as the plan holds it, in replay order (time, then id: every device the same order). */
export function runEventsOf(plan: Pick<Plan, 'runFacts'>, meetingId: string): RunEvent[] {
  return plan.runFacts
    .filter((f) => f.meetingId === meetingId)
    .map((f) => ({ f, at: Date.parse(f.at) }))
    .filter(({ at }) => Number.isFinite(at))
    .sort((a, b) => a.at - b.at || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0))
    .flatMap(({ f, at }): RunEvent[] => {
      switch (f.type) {
        case 'start':
        case 'goto':
          return f.stepKey === undefined ? [] : [{ type: f.type, at, stepKey: f.stepKey }];
        case 'pause':
        case 'resume':
          return [{ type: f.type, at }];
        case 'extend':
          return f.stepKey === undefined || f.minutes === undefined ? [] : [{ type: 'extend', at, stepKey: f.stepKey, minutes: f.minutes }];
      }
    });
}

/** Adds one fact of the run (the effect of a transition) to the plan; `id` is unique per click. */
export function recordRunFact(plan: Plan, fact: { id: string; meetingId: string; event: RunEvent; byUserId?: string }): Plan {
  if (plan.runFacts.some((f) => f.id === fact.id)) return plan;
  const at = new Date(fact.event.at).toISOString();
  const record: RunFact = { id: fact.id, meetingId: fact.meetingId, type: fact.event.type, at, updatedAt: at };
  if (fact.event.type === 'start' || fact.event.type === 'goto' || fact.event.type === 'extend') record.stepKey = fact.event.stepKey;
  if (fact.event.type === 'extend') record.minutes = Math.round(fact.event.minutes);
  if (fact.byUserId) record.byUserId = fact.byUserId;
  return { ...plan, runFacts: [...plan.runFacts, record] };
}

/** Adds run facts that were already made (by `applyRunCommand` on this device a moment ago), once each. */
export function withRunFacts(plan: Plan, facts: readonly RunFact[]): Plan {
  const known = new Set(plan.runFacts.map((f) => f.id));
  const fresh = facts.filter((f) => !known.has(f.id));
  return fresh.length === 0 ? plan : { ...plan, runFacts: [...plan.runFacts, ...fresh] };
}

// ---------------------------------------------------------------------------------------------------------
// One live run on every device (issue 13): the chair's click goes through the state chart against the facts
// the plan holds now, and the effects become facts in the plan. Every device derives the step and the clocks
// from the facts alone (`liveRunOf`), so the chair's other devices, the note taker and the stage agree as soon
// as they have the same facts, whatever order the merge brought them in.

/**
 * The time a new fact gets: the clock's, but never at or before a fact this device already has. Facts replay
 * in time order, so a device whose clock runs a little behind must not slip its "next" in before the step it
 * saw (a causal order, as a Lamport clock keeps it; one millisecond later is enough).
 */
export function runFactTime(events: readonly RunEvent[], now: number): number {
  const latest = events.reduce((max, e) => Math.max(max, e.at), Number.NEGATIVE_INFINITY);
  return Number.isFinite(latest) && now <= latest ? latest + 1 : now;
}

export interface RunCommandInput {
  meetingId: string;
  steps: readonly RunStep[];
  command: RunCommand;
  /** The clock's time of the click (epoch ms). */
  now: number;
  /** Unique per click: the same click applied twice (a retried edit) records its facts once. */
  clickId: string;
  byUserId?: string;
}

/**
 * Applies one click of the chair to the plan: the state chart decides against the facts in this plan (so two
 * devices that both press "Start" start the SO once, as soon as they share facts), and each effect is recorded
 * as a fact with an id derived from the click. A click the state does not allow returns the same plan.
 */
export function applyRunCommand(plan: Plan, input: RunCommandInput): Plan {
  const events = runEventsOf(plan, input.meetingId);
  const state = runStateOf(input.steps, events);
  const { effects } = runTransition(state, input.command, input.steps, runFactTime(events, input.now));
  return effects.reduce((next, effect, i) => {
    const fact: { id: string; meetingId: string; event: RunEvent; byUserId?: string } = {
      id: effects.length === 1 ? input.clickId : `${input.clickId}-${i}`,
      meetingId: input.meetingId,
      event: effect.event,
    };
    if (input.byUserId !== undefined) fact.byUserId = input.byUserId;
    return recordRunFact(next, fact);
  }, plan);
}

export interface LiveRun {
  state: RunState;
  /** The facts as events, in replay order (the clocks tick from these). */
  events: RunEvent[];
  /** The run as of its last fact: which steps are done, paused or not (does not change between facts). */
  settled: RunStatus;
}

/** The run of one SO as every device derives it from the plan's facts. */
export function liveRunOf(plan: Pick<Plan, 'runFacts'>, meetingId: string, steps: readonly RunStep[]): LiveRun {
  const events = runEventsOf(plan, meetingId);
  const settled = runStatus([...steps], events, events[events.length - 1]?.at ?? 0);
  const state: RunState = !settled.started || settled.currentKey === undefined
    ? { name: 'notStarted' }
    : { name: settled.paused ? 'paused' : 'running', stepKey: settled.currentKey };
  return { state, events, settled };
}
