// The domain's public API: other layers import the domain only through this file.
export { isCaseAlias, nextCaseAlias } from './caseAlias';
export { CASE_STATUSES, caseStatusOf, isCaseStatus, summarisePlan } from './caseSummary';
export type { CaseStatus, CaseSummary } from './caseSummary';
export { CASE_DIRECTOR_PARTICIPANT_ID, createDraftPlan } from './draftPlan';
export type { DraftPlan, DraftPlanInput } from './draftPlan';

// Problems
export { hasErrors } from './problem';
export type { Problem, Severity } from './problem';

// The Samenwerkplan
export {
  AgreementChangeSchema,
  AgreementSchema,
  CaseDirectionSchema,
  ConsentSchema,
  AGREEMENT_FIELDS,
  ChangeNoticeSchema,
  CostLineSchema,
  COST_PERIODS,
  EVALUATION_RESULTS,
  EvaluationLessonSchema,
  EvaluationOutcomeSchema,
  FollowUpReminderSchema,
  CURRENT_SCHEMA_VERSION,
  DISTRIBUTION_CHANNELS,
  DistributionEntrySchema,
  EvaluationSchema,
  LocationSchema,
  LogEntrySchema,
  MeetingNoteSchema,
  ParkedTopicSchema,
  PARKED_DECISIONS,
  MeetingSchema,
  MicroAnalysisRecordSchema,
  PlannerLinkSchema,
  ParticipantSchema,
  PlanParticipantSchema,
  PlanSchema,
  PlanV1Schema,
  WantSchema,
  WellbeingEntrySchema,
  AGREEMENT_STATUSES,
  CONSENT_HOW,
  CONSENT_SUBJECTS,
  MEETING_STATUSES,
  PARTICIPANT_ROLES,
  WELLBEING_MOMENTS,
} from './planSchema';
export type {
  Agreement,
  AgreementChange,
  AgreementField,
  AveLevel,
  CaseDirection,
  Consent,
  ConsentSubject,
  ChangeNotice,
  CostLine,
  CostPeriod,
  EvaluationLesson,
  EvaluationOutcome,
  EvaluationResult,
  FollowUpReminder,
  DistributionChannel,
  DistributionEntry,
  Evaluation,
  Location,
  LogEntry,
  Meeting,
  MeetingNote,
  RunFact,
  ParkedTopic,
  ParkedDecision,
  MicroAnalysisRecord,
  Participant,
  ParticipantRole,
  Plan,
  PlanParticipant,
  PlannerLink,
  PlanV1,
  Tombstone,
  Want,
  WellbeingEntry,
  WellbeingMoment,
} from './planSchema';
export { migratePlan, migrateV1ToV2 } from './migratePlan';
export type { MigrationResult } from './migratePlan';
export { validatePlan } from './validatePlan';
export type { PlanValidation } from './validatePlan';
export { mergeLogs, mergePlans, mergePlansReport } from './mergePlans';
export type { MergeReport } from './mergePlans';
export { compactTombstones, landedBase, nextRevision, recordDeletes, TOMBSTONE_KEEP_REVISIONS } from './tombstones';
export { hasConsentFor, participantsWithConsent } from './consent';
export { isReason, REASON_LABELS, REASONS } from './reasons';
export type { Reason } from './reasons';

// The invitation and the SO
export { composeInvitation, SO_WINDOW_DAYS } from './invitation';
export type { Attendee, Invitation, InvitationInput } from './invitation';
export { AGENDA_KEYS, AGENDA_TITLES, buildAgenda, minimumAgendaMinutes, SHORT_SO_MINUTES } from './agenda';
export type { Agenda, AgendaChild, AgendaInput, AgendaItem, AgendaKey } from './agenda';

// Agreements
export { changeAgreement, checkAgreement, defaultDue, SIX_WEEKS_IN_DAYS } from './agreements';
export type { AgreementContext, AgreementFields, AgreementPatch } from './agreements';

// Privacy
export { redactPlanDetails, scanPlanDetails } from './planDetails';
export { checkNoNames, NETWORK_LABEL, protectedPeople, publicName, publicTitle, redactNames, RESIDENT_LABEL, scanNames } from './planNames';
export type { NameMatch, ProtectedPerson, ProtectedRole } from './planNames';
export type { PlanDetailKind, PlanDetailMatch } from './planDetails';
export { checkNoIdentifiers, INVITATION_BLOCKING_KINDS, isValidBsn, isValidIban, redactIdentifiers, scanSensitive, SENSITIVE_KIND_LABELS, sensitiveSeverity } from './sensitiveData';
export type { CheckedField, IdentifierCheckOptions, SensitiveKind, SensitiveMatch } from './sensitiveData';
export { cleanText, escapeHtml, isEmailAddress, normaliseText } from './text';

// Micro-analysis
export { formatEuro, formatEuroInput, lineTotalCents, meetingCostCents, microAnalysis, microAnalysisOfLines, parseEuro, PERIODS_PER_YEAR, WEEKS_PER_YEAR, yearlyCostCents } from './microAnalysis';
export type { CostItem, CostLineInput, EuroParse, MicroAnalysisInput, MicroAnalysisLines, MicroAnalysisSummary } from './microAnalysis';

// Calendar days in Europe/Amsterdam
export { addDays, amsterdamDay, formatDay, formatDutchDay, isCalendarDay, isInstant, TIME_ZONE, toCalendarDay } from './calendar';
export type { CalendarDay } from './calendar';

// Plan edits (the plan screen)
export {
  addLine, addOrganisation, addWant, addWellbeing, changeLine, changeWant, checkConsentDraft, checkLine, checkOrganisationName,
  checkWantText, checkWellbeingDraft, consentNamesParticipants, isWantInUse, moveWant, parseWellbeingScore, PLAN_LINE_LISTS, planLines,
  recordConsent, removeLine, removeOrganisation, removeWant, renameOrganisation, revokeConsent, setArea, setResidentName, wellbeingHistory,
} from './planEdits';
export type { ConsentDraft, EditStamp, NewConsent, PlanLineList, WellbeingDraft } from './planEdits';

// Reading an invitation back (the participant's side)
export { INVITATION_HEADINGS, isSoInvitationSubject, readInvitation, titleNames } from './readInvitation';
export type { InvitationReading, InvitedPerson } from './readInvitation';

// Preparing the SO, its invitation's bookkeeping, and the mails around it
export { PlanShareSchema } from './planSchema';
export type { MeetingPreparation, PlanShare } from './planSchema';
export {
  addForwardedParticipant, addInvitee, addWorkingDays, amsterdamInstant, amsterdamLocal, appendLog, checkSoPreparation, createMeeting,
  defaultRespondBy, defaultSoNeededSince, findParticipant, invitedByPhone, invitedParticipants, isOptionalInvitee, isPlanShared,
  isWorkingDay, meetingLocationText, prepareSend, proposedStart, recordMeetingConsent, recordSent, recordShare, recordShareRevoked,
  removeInvitee, RESPOND_BY_WORKING_DAYS, setInviteeOptional, shareBlocker, SO_DEFAULT_MINUTES, SO_WORKING_HOURS, soTimeWindows, soWindowLastDay,
  updateMeeting, updateParticipant,
} from './soPreparation';
export type { AmsterdamLocal, MeetingPatch, NewInvitee, ParticipantPatch, ShareBlocker, SoTimeWindows } from './soPreparation';
export { checkMessage, composeEscalation, composeReminder, composeShareNote, messageHtml } from './soMessages';
export type { DraftMessage, EscalationInput, ReminderInput } from './soMessages';

// Running and recording the SO (issue 6)
export {
  addAgreement, agreementOwnerName, agreementOwnerOptions, checkCaseDirection, checkEvaluationDraft, checkPresent, closeMeeting, editAgreement,
  meetingAgreements, meetingNoteId, meetingNoteText, planEvaluation, recordDistribution, setCaseDirection, setMeetingNote,
} from './meetingRecord';
export { caseDirectorParticipant, expectedAtTable, isCaseDirectorParticipant, latestResponses, presentAtMeeting } from './attendance';
export type { EvaluationDraft, NewAgreement, OwnerOption } from './meetingRecord';
export { composeEvaluationInvitation, evaluationMeeting, evaluationMeetingId, evaluationStart, planEvaluationMeeting } from './evaluationInvitation';
export type { EvaluationInvitation, EvaluationInvitationInput } from './evaluationInvitation';
export { ASK_AFTER_OVERRUN_MS, applyRunCommand, liveRunOf, nextStepKey, recordRunFact, runEventsOf, runFactTime, runStateOf, runStatus, runSteps, runTransition, withRunFacts } from './meetingRun';
export type { LiveRun, RunCommand, RunCommandInput, RunEffect, RunEvent, RunState, RunStatus, RunStep, RunStepStatus, RunTransition } from './meetingRun';
export {
  agreementTaskOwner, applyMirrorLinks, applyPlannerStatus, CREATE_GRACE_MS, planMirror, plannerDueDateTime, plannerTaskTitle,
  TASK_TITLE_MAX, TASK_TITLE_SEPARATOR,
} from './plannerMirror';
export type { MirrorPlan, MirrorTask, MirrorUpsert } from './plannerMirror';
export { composeSummaryMail, parkedDecisionText, summariseMeeting } from './meetingSummary';
export { checkParkedDecided, checkParkNote, decideParkedTopic, PARK_NOTE_MAX, parkedTopicsOf, parkedTopicToAgreement, parkStepName, parkTopic, plannedFollowUp } from './parkList';
export type { NewParkedTopic } from './parkList';
// After the SO: the six weeks, the evaluation, the micro-analysis, the area figures, the resident's plan
export { agreementRowNotes, jargonIn, printablePlanHtml, RESIDENT_JARGON, residentPlan, residentPlanText } from './residentPlan';
export type { ResidentAgreementRow, ResidentBlock, ResidentPlan } from './residentPlan';
export {
  additionDay, additionDue, changeRecipients, composeChangeMail, composeFollowUpReminder, daysBetween, firstDistributionAt, followUpRows, mailSafeText,
  pendingAgreementChanges, printedChangeNote, recordChangeNotice, recordReminder, REMINDER_INTERVAL_DAYS, remindersDue,
} from './followUp';
export type { AgreementChangeItem, ChangeRecipient, FollowUpRow, FollowUpState, ReminderDue } from './followUp';
export {
  addEvaluationAction, agreementsToEvaluate, checkEvaluationAction, completeEvaluation, currentEvaluation, EVALUATION_AGENDA, EVALUATION_AGENDA_TITLES,
  EVALUATION_PHASE_TITLES, EVALUATION_RESULT_LABELS, EVALUATION_STEPS, evaluationActionDue, evaluationAdditions, evaluationProgress, outcomeOf,
  recordEvaluationWellbeing, setEvaluationHow, setEvaluationLesson, setEvaluationOutcome, startEvaluation, wellbeingSeries,
} from './evaluation';
export type { EvaluationAgendaKey, EvaluationProgress, EvaluationStepKey, WellbeingPoint } from './evaluation';
export {
  checkCostLineDraft, checkMicroAnalysisDraft, COST_GROUP_TITLES, COST_GROUPS, COST_PERIOD_LABELS, costLineDraft, draftSummary, latestMicroAnalysis,
  microAnalysisHtml, saveMicroAnalysis, summariseMicroAnalysis, toCostLines,
} from './microAnalysisRecord';
export type { CostGroup, CostLineDraft, MicroAnalysisDraft } from './microAnalysisRecord';
export { areaTable, areaTableCsv, caseFigures, indexDay, MIN_CASES_PER_CELL, quarterLabel, quarterOf } from './areaFigures';
export type { Amount, AreaCell, AreaTable, CaseFigures, CaseFiguresInput, Share } from './areaFigures';
export type { MeetingSummary, MeetingSummaryAgreement, MeetingSummaryParked } from './meetingSummary';
export { parseTaskTitle, sortMyAgreements } from './myAgreements';
export type { MyAgreementItem } from './myAgreements';
export { countUnsyncedChanges, unsyncedAgreementIds } from './syncStatus';

// What happened to an SO's event (issue 11)
export { actionsOf, composeSeatPassedComment, escalationsFor, readSeatPassedComment, recordAction, remindersFor, responseActionId, settleAction } from './meetingActions';
export { eventLifeOf, eventLifeTransition } from './eventLife';
export type { EventLifeEffect, EventLifeEvent, EventLifeState, EventLifeStep } from './eventLife';
export { MEETING_ACTION_KINDS, MEETING_ACTION_STATES, MeetingActionSchema } from './planSchema';
export type { ActionRecipient, MeetingAction, MeetingActionKind } from './planSchema';
export { isCaseDirectorOf, planRights } from './planRights';
export type { PlanRights, PlanRightsInput } from './planRights';
