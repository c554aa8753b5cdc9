// Turns zod issues into Problems a case director can act on: Dutch, naming the field in plan words.
import type { z } from 'zod';
import { error } from './problem';
import type { Problem } from './problem';

const FIELD_LABELS: Record<string, string> = {
  schemaVersion: 'versie',
  caseAlias: 'casusnummer',
  status: 'status',
  createdAt: 'aangemaakt op',
  updatedAt: 'laatst gewijzigd',
  resident: 'inwoner',
  municipality: 'gemeente',
  areaId: 'gebied',
  caseDirectorUserId: 'casusregisseur',
  wants: '‘Ik wil’',
  text: 'tekst',
  target: '‘Hier werk ik naartoe’',
  wellbeing: 'welzijnscijfer',
  score: 'cijfer',
  moment: 'moment',
  comment: 'toelichting',
  can: '‘Ik kan’',
  own: 'zelf bijdragen',
  offer: 'hiervoor kan ik gevraagd worden',
  needs: '‘Ik heb nodig’',
  shortTerm: 'korte termijn',
  longTerm: 'lange termijn',
  organisations: 'betrokken organisaties',
  organisationId: 'organisatie',
  participants: 'deelnemers',
  name: 'naam',
  email: 'e-mailadres',
  role: 'rol',
  organisation: 'organisatie',
  jobTitle: 'functie',
  reasons: 'redenen',
  expectation: 'wat we verwachten',
  consents: 'toestemmingen',
  subject: 'waarvoor',
  participantIds: 'deelnemers',
  how: 'hoe',
  recordedByUserId: 'vastgelegd door',
  revokedAt: 'ingetrokken op',
  meetings: 'overleggen',
  start: 'begintijd',
  durationMinutes: 'duur',
  location: 'plek',
  description: 'omschrijving',
  goal: 'doel',
  agreements: 'afspraken',
  who: 'wie',
  what: 'wat',
  due: 'uiterlijke datum',
  wantId: '‘Ik wil’-punt',
  history: 'geschiedenis',
  caseDirection: 'casusregie',
  aveLevel: 'AVE-niveau',
  processDirectorNeeded: 'procesregisseur nodig',
  evaluations: 'evaluaties',
  microAnalyses: 'micro-analyses',
  amountCents: 'bedrag',
  log: 'logboek',
  at: 'tijdstip',
  action: 'actie',
  date: 'datum',
  soNeededSince: 'SO nodig sinds',
  respondBy: 'reageren uiterlijk',
  invitedParticipantIds: 'genodigden',
  optionalParticipantIds: 'optionele genodigden',
  presentParticipantIds: 'aanwezigen',
  preparation: 'voorbereiding',
  priorities: 'prioriteiten',
  residentSupport: 'wat de inwoner nodig heeft om de regie te houden',
  transactionId: 'verzendkenmerk',
  sentAt: 'verstuurd op',
  share: 'gedeeld plan',
  permissionId: 'deelrecht',
  sharedAt: 'gedeeld op',
  meetingNotes: 'notities bij het overleg',
  runFacts: 'verloop van het overleg',
  parkedTopics: 'geparkeerde onderwerpen',
  stepKey: 'agendapunt',
  parkedAt: 'geparkeerd op',
  decision: 'besluit',
  meetingId: 'overleg',
  itemKey: 'agendapunt',
  closedAt: 'afgesloten op',
  closedByUserId: 'afgesloten door',
  distribution: 'uitgedeeld aan',
  channel: 'hoe',
  planner: 'Planner-taak',
  etag: 'versie van de taak',
  syncedUpdatedAt: 'bijgewerkt in Planner',
  fields: 'gewijzigde velden',
};

/** "Afspraken, nummer 3, uiterlijke datum" for ['agreements', 2, 'due']. */
export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'Het plan';
  const words = path.map((segment) =>
    typeof segment === 'number' ? `nummer ${segment + 1}` : (FIELD_LABELS[String(segment)] ?? String(segment)),
  );
  const text = words.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Per-parse error map: the schema's own Dutch messages take precedence over this one. */
export const dutchIssueText = (issue: { code?: string; input?: unknown }): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'ontbreekt' : 'heeft niet de juiste vorm';
    case 'invalid_value':
    case 'invalid_union':
      return 'heeft een waarde die we niet kennen';
    case 'too_small':
      return 'is te klein of te kort';
    case 'too_big':
      return 'is te groot of te lang';
    case 'unrecognized_keys':
      return 'bevat velden die we niet kennen';
    default:
      return 'klopt niet';
  }
};

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], code: string, pathPrefix: readonly PropertyKey[] = []): Problem[] {
  return issues.map((issue) => {
    const path = [...pathPrefix, ...issue.path];
    return error(code, `${describePath(path)}: ${issue.message}.`, path.length > 0 ? dottedPath(path) : undefined);
  });
}
