// The Samenwerkplan document as zod schemas. Version 1 is the provisional shape the first documents (and
// the demo tenant) were written in; version 2 is what the app writes now. Every version is kept here so
// an old document can always be read and migrated (see migratePlan.ts).
import { z } from 'zod';
import { isCalendarDay, isInstant } from './calendar';
import { isCaseAlias } from './caseAlias';
import { CASE_STATUSES } from './caseSummary';
import { REASONS } from './reasons';

export const CURRENT_SCHEMA_VERSION = 2;

// Refinement messages are Dutch sentence tails: validatePlan puts the field's name in front of them.
const id = z.string().min(1, 'mag niet leeg zijn');
const day = z.string().refine(isCalendarDay, 'moet een datum zijn (jjjj-mm-dd)');
const instant = z.string().refine(isInstant, 'moet een tijdstip met tijdzone zijn');
const caseAlias = z.string().refine(isCaseAlias, 'moet een casusnummer zijn zoals SO-2026-014');
const cents = z.number().int('moet een heel aantal centen zijn').nonnegative('mag niet negatief zijn').max(Number.MAX_SAFE_INTEGER);

export const PARTICIPANT_ROLES = ['resident', 'network', 'professional'] as const;
export const WELLBEING_MOMENTS = ['start', 'evaluation', 'remeasurement'] as const;
export const CONSENT_SUBJECTS = ['samenwerkwijze', 'meeting', 'sharePlan'] as const;
export const CONSENT_HOW = ['verbal', 'written', 'digital'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const AGREEMENT_STATUSES = ['open', 'done'] as const;

// ---------------------------------------------------------------------------------------------------------
// Parts that are the same in every version

/** A participant as the invitation needs it. In the plan, a participant also carries `updatedAt`. */
export const ParticipantSchema = z.object({
  id,
  name: z.string(),
  email: z.string().optional(),
  role: z.enum(PARTICIPANT_ROLES),
  organisation: z.string().optional(),
  jobTitle: z.string().optional(),
  /** Entra object id, for participants who are members of the tenant. */
  userId: z.string().optional(),
  reasons: z.array(z.enum(REASONS)),
  expectation: z.string().optional(),
});

export const LocationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('other'), description: z.string() }),
]);

// Loose: fields a newer version or another tool wrote survive a round trip through this version.
const ResidentSchema = z.looseObject({ id, name: z.string() });
const CanSchema = z.object({ own: z.array(z.string()), offer: z.array(z.string()) });
const NeedsSchema = z.object({ shortTerm: z.array(z.string()), longTerm: z.array(z.string()) });
const OrganisationSchema = z.object({ organisationId: id, name: z.string() });
const AveLevelSchema = z.literal([1, 2, 3, 4]);

// ---------------------------------------------------------------------------------------------------------
// Version 1 (provisional; read only, never written again)

const WantV1Schema = z.object({ id, text: z.string(), target: z.string() });
const WellbeingV1Schema = z.object({
  score: z.number().int('moet een heel getal zijn').min(1, 'moet tussen 1 en 10 liggen').max(10, 'moet tussen 1 en 10 liggen'),
  date: day,
  moment: z.enum(WELLBEING_MOMENTS),
  comment: z.string(),
});
const ConsentV1Schema = z.object({
  id,
  subject: z.enum(CONSENT_SUBJECTS),
  participantIds: z.array(z.string()).optional(),
  date: day,
  how: z.enum(CONSENT_HOW),
  recordedByUserId: z.string(),
  note: z.string().optional(),
});
const MeetingV1Schema = z.object({
  id,
  start: instant,
  durationMinutes: z.number().int('moet een heel aantal minuten zijn').positive('moet meer dan 0 minuten zijn'),
  location: LocationSchema,
  goal: z.string(),
  status: z.enum(MEETING_STATUSES),
});
// Loose like the current schema: a field a newer tool wrote into a version-1 document survives the migration.
const AgreementV1Schema = z.looseObject({
  id,
  who: z.string(),
  what: z.string(),
  due: day,
  wantId: z.string().optional(),
  perspectiveOnly: z.boolean().optional(),
  status: z.enum(AGREEMENT_STATUSES),
  createdAt: instant,
});
const CaseDirectionV1Schema = z.object({
  caseDirectorParticipantId: z.string().optional(),
  processDirectorNeeded: z.boolean(),
  aveLevel: AveLevelSchema.optional(),
});
const LogEntryV1Schema = z.object({ at: instant, byUserId: z.string(), action: z.string().min(1, 'mag niet leeg zijn') });

export const PlanV1Schema = z.object({
  schemaVersion: z.literal(1),
  caseAlias,
  status: z.enum(CASE_STATUSES),
  createdAt: instant,
  resident: ResidentSchema,
  municipality: z.string(),
  areaId: z.string().optional(),
  caseDirectorUserId: z.string(),
  wants: z.array(WantV1Schema),
  wellbeing: z.array(WellbeingV1Schema),
  can: CanSchema,
  needs: NeedsSchema,
  organisations: z.array(OrganisationSchema),
  participants: z.array(ParticipantSchema),
  consents: z.array(ConsentV1Schema),
  meetings: z.array(MeetingV1Schema),
  agreements: z.array(AgreementV1Schema),
  caseDirection: CaseDirectionV1Schema,
  log: z.array(LogEntryV1Schema),
});

// ---------------------------------------------------------------------------------------------------------
// Version 2: every record that can change has an `updatedAt` (the 412 merge keeps the later one), every
// wellbeing score has an id, agreements keep their history and Planner task, and the plan holds
// evaluations and micro-analyses.

const updatedAt = instant;

export const WantSchema = WantV1Schema.extend({ updatedAt });
export const WellbeingEntrySchema = WellbeingV1Schema.extend({ id, updatedAt });
/** The plan document shared read-only with a participant after they accepted (and the resident consented). */
export const PlanShareSchema = z.object({
  /** The permission on the plan document; revoking deletes it. */
  permissionId: z.string().min(1, 'mag niet leeg zijn'),
  sharedAt: instant,
  sharedByUserId: z.string().optional(),
  /** Set when the share was revoked; the record stays, so the plan shows what was shared when. */
  revokedAt: instant.optional(),
  revokedByUserId: z.string().optional(),
});
export const PlanParticipantSchema = ParticipantSchema.extend({
  updatedAt,
  share: PlanShareSchema.optional(),
  /** 'forward': someone forwarded the invitation to this person; the case director added them afterwards. */
  joinedVia: z.enum(['forward']).optional(),
});
export const ConsentSchema = ConsentV1Schema.extend({
  updatedAt,
  // Consent is revocable; a revoked record stays, so the log of what was allowed when stays true.
  revokedAt: instant.optional(),
  revokedByUserId: z.string().optional(),
});
export const DISTRIBUTION_CHANNELS = ['mail', 'print'] as const;
export const DistributionEntrySchema = z.object({ participantId: id, channel: z.enum(DISTRIBUTION_CHANNELS), at: instant });
export const MeetingSchema = MeetingV1Schema.loose().extend({
  updatedAt,
  /** The Outlook event, once the invitation went out. */
  eventId: z.string().optional(),
  chairParticipantId: z.string().optional(),
  noteTakerParticipantId: z.string().optional(),
  /** The day it became clear an SO is needed: the SO follows within two weeks. */
  soNeededSince: day.optional(),
  /** The day by which invitees are asked to respond. */
  respondBy: day.optional(),
  /** Who is invited to this SO (participant ids). Absent: every participant of the plan. */
  invitedParticipantIds: z.array(z.string()).optional(),
  /** Invitees whose presence is welcome but not needed (their attendee type is optional). */
  optionalParticipantIds: z.array(z.string()).optional(),
  /** The preparation checklist (Leerplan 4.3); plan content, never part of the invitation. */
  preparation: z
    .object({
      /** When the goal does not fit one SO: what comes first. */
      priorities: z.string().optional(),
      /** What the resident needs to keep regie, and who supports them. */
      residentSupport: z.string().optional(),
      /** Relevant history or interests of participants. */
      history: z.string().optional(),
    })
    .optional(),
  /** Stored before the first send attempt: a retried send reuses it, so no second event is created. */
  transactionId: z.string().min(1, 'mag niet leeg zijn').optional(),
  /** When the invitation went out (with eventId). */
  sentAt: instant.optional(),
  /** When the chair closed the SO ('held' from then on), and who did. */
  closedAt: instant.optional(),
  closedByUserId: z.string().optional(),
  /** Who was at the table, as the chair recorded at the close (participant ids); the plan goes to them. */
  presentParticipantIds: z.array(z.string()).optional(),
  /** Who received the completed plan after the SO, and how: a retried distribution never mails twice. */
  distribution: z.array(DistributionEntrySchema).optional(),
  /**
   * Where the SO is held when that is the resident's home (street, number, town): personal data. It never goes
   * into the event; a participant gets it only after accepting, and only when the resident's consent covers them.
   */
  address: z.string().optional(),
  /** Whose calendar the event went out from (the organiser Outlook shows), recorded when it is sent. */
  eventOrganiser: z.object({ userId: z.string(), name: z.string() }).optional(),
});
/** The fields of an agreement that change one by one; the 412 merge takes each from its latest change. */
export const AGREEMENT_FIELDS = ['who', 'what', 'due', 'status', 'perspectiveOnly', 'perspectiveNote', 'wantId'] as const;
export const AgreementChangeSchema = z.object({
  at: instant,
  byUserId: z.string(),
  change: z.enum(['created', 'edited', 'done', 'reopened']),
  /** The values before this change, for the fields it touched. */
  previous: z
    .object({
      who: z.string().optional(),
      what: z.string().optional(),
      due: z.string().optional(),
      status: z.enum(AGREEMENT_STATUSES).optional(),
      perspectiveOnly: z.boolean().optional(),
      perspectiveNote: z.string().optional(),
      wantId: z.string().optional(),
    })
    .optional(),
  /**
   * The fields this change touched. `previous` cannot say so for a field that had no value before (JSON
   * drops undefined), and the per-field merge needs to know which change touched which field.
   */
  fields: z.array(z.enum(AGREEMENT_FIELDS)).optional(),
});
export const PlannerLinkSchema = z.object({ planId: z.string(), taskId: z.string(), etag: z.string().optional(), syncedUpdatedAt: instant.optional() });
export const AgreementSchema = AgreementV1Schema.extend({
  updatedAt,
  doneAt: instant.optional(),
  /** The SO where it was agreed. */
  meetingId: z.string().optional(),
  /** Set when the agreement was added at an evaluation: the plan shows those distinctly, with their date. */
  evaluationId: z.string().optional(),
  /** With `perspectiveOnly`: what the resident hears within six weeks, in a sentence (the handbook's "perspectief"). */
  perspectiveNote: z.string().optional(),
  /**
   * The Planner mirror; the plan id is kept because the task board rolls over to new plans. `etag` is the
   * task's last known version; `syncedUpdatedAt` is the agreement's `updatedAt` the task last matched, so
   * "updatedAt differs" means the task needs an update.
   */
  planner: PlannerLinkSchema.optional(),
  history: z.array(AgreementChangeSchema).default([]),
});
export const CaseDirectionSchema = CaseDirectionV1Schema.extend({
  processDirectorParticipantId: z.string().optional(),
});
export const EVALUATION_RESULTS = ['done', 'partly', 'not'] as const;
/** "Uitgevoerd?" for one agreement at the evaluation. */
export const EvaluationOutcomeSchema = z.object({ agreementId: id, result: z.enum(EVALUATION_RESULTS), note: z.string().optional(), updatedAt });
/** One step of the handbook's evaluation format: what did you do, what went well, what is still needed. */
export const EvaluationLessonSchema = z.object({
  step: z.string().min(1, 'mag niet leeg zijn'),
  did: z.string(),
  wentWell: z.string(),
  needed: z.string(),
  updatedAt,
});
export const EvaluationSchema = z.object({
  id,
  date: day,
  organiserParticipantId: z.string().optional(),
  how: z.enum(['meeting', 'mail']),
  meetingId: z.string().optional(),
  status: z.enum(['planned', 'done']),
  allActionsDone: z.boolean().optional(),
  wellbeingId: z.string().optional(),
  lessonsLearned: z.string().optional(),
  /** Per agreement of the SO: was it carried out? */
  outcomes: z.array(EvaluationOutcomeSchema).optional(),
  /** The lessons along the handbook's evaluation format, one record per step. */
  lessons: z.array(EvaluationLessonSchema).optional(),
  /** When the case director finished the evaluation. */
  completedAt: instant.optional(),
  updatedAt,
});
/** A reminder to an owner of overdue agreements (at most one a week per owner): by mail, or in person. */
export const FollowUpReminderSchema = z.object({
  id,
  participantId: id,
  agreementIds: z.array(z.string()),
  channel: z.enum(['mail', 'personal']),
  at: instant,
  byUserId: z.string(),
  updatedAt,
});
/** Agreements changed after the plan was handed out, shared with everyone involved (mail within consent, a note for the print). */
export const ChangeNoticeSchema = z.object({
  id,
  agreementIds: z.array(z.string()),
  at: instant,
  byUserId: z.string(),
  /** Professionals who received the summary mail (consent and an e-mail address). */
  mailedParticipantIds: z.array(z.string()),
  /** Everyone else involved: they see the change in the next printed plan. */
  printParticipantIds: z.array(z.string()),
  updatedAt,
});
/** A note the chair or note taker keeps per agenda item of an SO. Id: `${meetingId}:${itemKey}`. */
export const MeetingNoteSchema = z.object({ id, meetingId: id, itemKey: z.string().min(1, 'mag niet leeg zijn'), text: z.string(), updatedAt });
/**
 * One fact of an SO's run (issue 13): started, next step, pause, go on, extended. Shared through the plan, so
 * every device of the chair, the note taker and the meeting stage replay the same run. `at` is the server's
 * time as the recording device estimated it (never its own clock alone); the id is unique per click.
 */
export const RunFactSchema = z.object({
  id,
  meetingId: id,
  type: z.enum(['start', 'goto', 'pause', 'resume', 'extend']),
  stepKey: z.string().min(1).optional(),
  minutes: z.number().int().min(1).max(120).optional(),
  at: instant,
  byUserId: z.string().optional(),
  updatedAt,
});
/** What the table decided about a parked topic before the close (issue 13): still open, or one of three. */
export const PARKED_DECISIONS = ['open', 'agreement', 'follow-up', 'dropped'] as const;
/**
 * A topic the chair put on the park list ("parkeerplaats") during an SO: it cannot be handled now, and before
 * the close the table decides what happens to it. Loose: fields a newer app writes survive. The decision and
 * what goes with it (`agreementId`, `decidedAt`, `decidedByUserId`) merge as one (mergePlans).
 */
export const ParkedTopicSchema = z.looseObject({
  id,
  meetingId: id,
  note: z.string(),
  /** The run step at which it was parked (agenda key, or `want-2` for the second "ik wil" point). */
  stepKey: z.string().min(1, 'mag niet leeg zijn'),
  parkedAt: instant,
  parkedByUserId: z.string().optional(),
  decision: z.enum(PARKED_DECISIONS),
  /** With 'agreement': the agreement it became. */
  agreementId: z.string().optional(),
  decidedAt: instant.optional(),
  decidedByUserId: z.string().optional(),
  updatedAt,
});
export const COST_PERIODS = ['week', 'month', 'year', 'once'] as const;
/**
 * A cost line: what, who pays, the amount and the period it is per. Without a period (older records) the
 * amount is the line's total.
 */
export const CostLineSchema = z.object({
  label: z.string(),
  amountCents: cents,
  note: z.string().optional(),
  payer: z.string().optional(),
  period: z.enum(COST_PERIODS).optional(),
});
export const MicroAnalysisRecordSchema = z.object({
  id,
  date: day,
  before: z.array(CostLineSchema),
  after: z.array(CostLineSchema),
  oneOff: z.array(CostLineSchema),
  doNothing: z.array(CostLineSchema),
  remeasurement: z.array(CostLineSchema).optional(),
  note: z.string().optional(),
  updatedAt,
});
/**
 * What someone did with an SO's event, as a fact: who, when, to whom (issue 11). Records with ids that merge by
 * id (later `updatedAt` wins). A change that calls Graph is stored as `started` before the call and `done` after;
 * `unclear` means the call may have happened (the next attempt checks the event before doing it again).
 */
export const MEETING_ACTION_KINDS = [
  'response', 'escalation', 'reminder', 'share', 'moved', 'invitee-added', 'invitee-removed', 'cancelled', 'resident-told', 'address-sent',
] as const;
export const MEETING_ACTION_STATES = ['started', 'done', 'unclear'] as const;
export const ActionRecipientSchema = z.object({ name: z.string(), email: z.string().optional(), participantId: z.string().optional() });
export const MeetingActionSchema = z.object({
  id,
  meetingId: id,
  kind: z.enum(MEETING_ACTION_KINDS),
  state: z.enum(MEETING_ACTION_STATES),
  at: instant,
  /** Who did it: the signed-in user's id, or for a response the responder's address. */
  by: z.string(),
  byName: z.string().optional(),
  to: z.array(ActionRecipientSchema).optional(),
  /** The participant it is about (the one who declined, was added, removed, …). */
  participantId: z.string().optional(),
  /** response: the answer, as the organiser's event and mailbox tell it. */
  response: z.enum(['accepted', 'tentative', 'declined']).optional(),
  /** The words that went with it: a response's comment, a cancellation's message, a forward's note. */
  comment: z.string().optional(),
  /** response: the seat was passed to this person. */
  passedTo: ActionRecipientSchema.optional(),
  /** moved: the SO's start before and after. */
  from: instant.optional(),
  until: instant.optional(),
  updatedAt,
});

export const LogEntrySchema = LogEntryV1Schema.extend({
  /** The record the action was about (an agreement id, a participant id, ...). */
  targetId: z.string().optional(),
});

/** A deleted record: which list (`wants`, `meetings/m-1/responses`), which id, at which revision of the document. */
export const TombstoneSchema = z.object({ list: z.string().min(1, 'mag niet leeg zijn'), id, rev: z.number().int().nonnegative() });

// Loose: unknown fields (a newer version of the app, another tool) are kept and written back unchanged.
export const PlanSchema = z.looseObject({
  schemaVersion: z.literal(2),
  /** The document's own sequence: every write is the stored revision + 1 (never a device clock). */
  revision: z.number().int().nonnegative().optional(),
  /**
   * The ids of the last writes (newest last): a device whose write lost its answer finds its id here and so
   * knows what it wrote is the common base (see tombstones.ts, landedBase).
   */
  writes: z.array(z.string()).optional(),
  /** Deleted records, so a delete stays deleted through every merge (see tombstones.ts). */
  tombstones: z.array(TombstoneSchema).optional(),
  caseAlias,
  status: z.enum(CASE_STATUSES),
  createdAt: instant,
  resident: ResidentSchema,
  municipality: z.string(),
  areaId: z.string().optional(),
  caseDirectorUserId: z.string(),
  wants: z.array(WantSchema),
  wellbeing: z.array(WellbeingEntrySchema),
  can: CanSchema,
  needs: NeedsSchema,
  organisations: z.array(OrganisationSchema),
  participants: z.array(PlanParticipantSchema),
  consents: z.array(ConsentSchema),
  meetings: z.array(MeetingSchema),
  agreements: z.array(AgreementSchema),
  caseDirection: CaseDirectionSchema,
  evaluations: z.array(EvaluationSchema).default([]),
  microAnalyses: z.array(MicroAnalysisRecordSchema).default([]),
  meetingNotes: z.array(MeetingNoteSchema).default([]),
  runFacts: z.array(RunFactSchema).default([]),
  /** Topics parked during an SO and what was decided about them. */
  parkedTopics: z.array(ParkedTopicSchema).default([]),
  followUpReminders: z.array(FollowUpReminderSchema).default([]),
  changeNotices: z.array(ChangeNoticeSchema).default([]),
  /** Facts about the SOs' events: responses, escalations, reminders, shares, moves, cancellations. */
  actions: z.array(MeetingActionSchema).default([]),
  log: z.array(LogEntrySchema),
});

export type PlanV1 = z.output<typeof PlanV1Schema>;
export type Plan = z.output<typeof PlanSchema>;
export type Participant = z.output<typeof ParticipantSchema>;
export type ParticipantRole = Participant['role'];
export type PlanParticipant = z.output<typeof PlanParticipantSchema>;
export type PlanShare = z.output<typeof PlanShareSchema>;
export type MeetingPreparation = NonNullable<Meeting['preparation']>;
export type Location = z.output<typeof LocationSchema>;
export type Want = z.output<typeof WantSchema>;
export type WellbeingEntry = z.output<typeof WellbeingEntrySchema>;
export type WellbeingMoment = WellbeingEntry['moment'];
export type Consent = z.output<typeof ConsentSchema>;
export type ConsentSubject = Consent['subject'];
export type Meeting = z.output<typeof MeetingSchema>;
export type Agreement = z.output<typeof AgreementSchema>;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];
export type PlannerLink = z.output<typeof PlannerLinkSchema>;
export type MeetingNote = z.output<typeof MeetingNoteSchema>;
export type RunFact = z.output<typeof RunFactSchema>;
export type ParkedTopic = z.output<typeof ParkedTopicSchema>;
export type ParkedDecision = ParkedTopic['decision'];
export type DistributionEntry = z.output<typeof DistributionEntrySchema>;
export type DistributionChannel = DistributionEntry['channel'];
export type AgreementChange = z.output<typeof AgreementChangeSchema>;
export type CaseDirection = z.output<typeof CaseDirectionSchema>;
export type AveLevel = z.output<typeof AveLevelSchema>;
export type Evaluation = z.output<typeof EvaluationSchema>;
export type CostLine = z.output<typeof CostLineSchema>;
export type CostPeriod = (typeof COST_PERIODS)[number];
export type EvaluationOutcome = z.output<typeof EvaluationOutcomeSchema>;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
export type EvaluationLesson = z.output<typeof EvaluationLessonSchema>;
export type FollowUpReminder = z.output<typeof FollowUpReminderSchema>;
export type ChangeNotice = z.output<typeof ChangeNoticeSchema>;
export type MicroAnalysisRecord = z.output<typeof MicroAnalysisRecordSchema>;
export type LogEntry = z.output<typeof LogEntrySchema>;
export type Tombstone = z.output<typeof TombstoneSchema>;
export type MeetingAction = z.output<typeof MeetingActionSchema>;
export type MeetingActionKind = MeetingAction['kind'];
export type ActionRecipient = z.output<typeof ActionRecipientSchema>;
