// After the SO: the summary the chair confirms (agreements, casusregie, procesregie, evaluation), the mail
// that takes it to the professionals, and the printable plan the case director hands to the resident and
// the network. Every piece of user text is escaped; the mail's subject carries the case alias and the day,
// nothing else, because subjects show up in previews and forwarded mail.
import { presentAtMeeting } from './attendance';
import { amsterdamDay, formatDutchDay, parseInstant, toCalendarDay } from './calendar';
import { agreementOwnerName, meetingAgreements, meetingNoteText } from './meetingRecord';
import { parkedTopicsOf, parkStepName, plannedFollowUp } from './parkList';
import type { AveLevel, Evaluation, ParkedDecision, ParticipantRole, Plan } from './planSchema';
import { redactIdentifiers } from './sensitiveData';
import { cleanText, escapeHtml, htmlText } from './text';

export interface MeetingSummaryAgreement {
  id: string;
  /** The owner's name. */
  who: string;
  what: string;
  due: string;
  perspectiveOnly: boolean;
  /** With perspectiveOnly: what the resident hears within six weeks. */
  perspectiveNote?: string;
  status: 'open' | 'done';
  /** The "ik wil" point it belongs to, in the resident's words. */
  want?: string;
}

/** A topic parked during the SO, and what the table decided about it. */
export interface MeetingSummaryParked {
  id: string;
  note: string;
  /** The short name of the step it was parked at (parkStepName). */
  step: string;
  decision: ParkedDecision;
  /** With 'agreement': who does it and by when (the agreement itself is in `agreements`). */
  agreement?: { who: string; whoId: string; what: string; due: string };
  /** With 'follow-up': the day of the follow-up SO, when it is planned. */
  followUpDate?: string;
}

export interface MeetingSummary {
  caseAlias: string;
  meetingId: string;
  /** YYYY-MM-DD, the SO's day in Amsterdam. */
  day: string;
  agreements: MeetingSummaryAgreement[];
  caseDirector?: string;
  processDirector: { needed: boolean; aveLevel?: AveLevel; name?: string };
  evaluation?: { date: string; organiser?: string; how: 'meeting' | 'mail' };
  closingNotes?: string;
  /** The park list, in the order the topics were parked. */
  parked: MeetingSummaryParked[];
  present: { participantId: string; name: string; role: ParticipantRole; email?: string; userId?: string }[];
}

/** The evaluation planned at this SO; else the first one planned after it. */
function evaluationFor(plan: Plan, meetingId: string, day: string): Evaluation | undefined {
  const planned = plan.evaluations.filter((e) => e.status === 'planned');
  return planned.find((e) => e.meetingId === meetingId) ?? planned.filter((e) => e.date >= day).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
}

export function summariseMeeting(plan: Plan, meetingId: string): MeetingSummary {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  const startMs = meeting === undefined ? undefined : parseInstant(meeting.start);
  const day = startMs === undefined ? '' : amsterdamDay(startMs);
  const wants = new Map(plan.wants.map((w) => [w.id, cleanText(w.text)]));
  const agreements = meetingAgreements(plan, meetingId).map((a): MeetingSummaryAgreement => {
    const item: MeetingSummaryAgreement = { id: a.id, who: agreementOwnerName(plan, a.who), what: cleanText(a.what), due: a.due, perspectiveOnly: a.perspectiveOnly === true, status: a.status };
    if (a.perspectiveOnly === true && a.perspectiveNote !== undefined && cleanText(a.perspectiveNote) !== '') item.perspectiveNote = cleanText(a.perspectiveNote);
    const want = a.wantId === undefined ? undefined : wants.get(a.wantId);
    if (want !== undefined && want !== '') item.want = want;
    return item;
  });
  const direction = plan.caseDirection;
  const summary: MeetingSummary = {
    caseAlias: plan.caseAlias,
    meetingId,
    day,
    agreements,
    processDirector: { needed: direction.processDirectorNeeded },
    parked: summariseParked(plan, meetingId),
    present: (meeting === undefined ? [] : presentAtMeeting(plan, meeting)).map((p) => ({
      participantId: p.id,
      name: cleanText(p.name),
      role: p.role,
      ...(p.email === undefined || p.email.trim() === '' ? {} : { email: p.email.trim() }),
      ...(p.userId === undefined ? {} : { userId: p.userId }),
    })),
  };
  if (direction.caseDirectorParticipantId !== undefined) summary.caseDirector = agreementOwnerName(plan, direction.caseDirectorParticipantId);
  if (direction.aveLevel !== undefined) summary.processDirector.aveLevel = direction.aveLevel;
  if (direction.processDirectorNeeded && direction.processDirectorParticipantId !== undefined) {
    summary.processDirector.name = agreementOwnerName(plan, direction.processDirectorParticipantId);
  }
  const evaluation = evaluationFor(plan, meetingId, day);
  if (evaluation !== undefined) {
    summary.evaluation = { date: evaluation.date, how: evaluation.how };
    if (evaluation.organiserParticipantId !== undefined) summary.evaluation.organiser = agreementOwnerName(plan, evaluation.organiserParticipantId);
  }
  const notes = cleanText(meetingNoteText(plan, meetingId, 'closingRound'));
  if (notes !== '') summary.closingNotes = notes;
  return summary;
}

function summariseParked(plan: Plan, meetingId: string): MeetingSummaryParked[] {
  const followUp = plannedFollowUp(plan, meetingId);
  return parkedTopicsOf(plan, meetingId).map((t) => {
    const item: MeetingSummaryParked = { id: t.id, note: cleanText(t.note), step: parkStepName(t.stepKey), decision: t.decision };
    const agreement = t.decision === 'agreement' ? plan.agreements.find((a) => a.id === t.agreementId) : undefined;
    if (agreement !== undefined) item.agreement = { who: agreementOwnerName(plan, agreement.who), whoId: agreement.who, what: cleanText(agreement.what), due: agreement.due };
    if (t.decision === 'follow-up' && followUp !== undefined) item.followUpDate = followUp.date;
    return item;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Shared pieces of the mail and the printed plan

const dayText = (day: string) => (toCalendarDay(day) === undefined ? day : formatDutchDay(day));

function agreementsTable(agreements: readonly MeetingSummaryAgreement[], caption: string): string {
  if (agreements.length === 0) return '<p>Er zijn in dit overleg geen afspraken vastgelegd.</p>';
  const rows = agreements
    .map((a) => {
      const what = `${htmlText(a.what)}${a.perspectiveOnly ? ` <em>(binnen zes weken perspectief${a.perspectiveNote === undefined ? '' : `: ${htmlText(a.perspectiveNote)}`})</em>` : ''}${a.want === undefined ? '' : `<br><small>Bij: ${htmlText(a.want)}</small>`}`;
      const done = a.status === 'done' ? 'ja' : 'nee';
      return `<tr><td>${htmlText(a.who)}</td><td>${what}</td><td>${escapeHtml(dayText(a.due))}</td><td>${done}</td></tr>`;
    })
    .join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Wie</th><th scope="col">Wat</th><th scope="col">Uiterlijk</th><th scope="col">Klaar</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** What became of a parked topic, in a sentence between professionals. */
export function parkedDecisionText(item: MeetingSummaryParked): string {
  switch (item.decision) {
    case 'agreement':
      return item.agreement === undefined
        ? 'Dit is een afspraak geworden.'
        : `Dit is een afspraak geworden: ${item.agreement.who} pakt het op, uiterlijk ${dayText(item.agreement.due)}.`;
    case 'follow-up':
      return item.followUpDate === undefined ? 'Dit komt terug in een vervolg-SO. Dat overleg moet nog gepland worden.' : `Dit komt terug in het vervolg-SO van ${dayText(item.followUpDate)}.`;
    case 'dropped':
      return 'Dit laten we vallen: we pakken het nu niet op.';
    case 'open':
      return 'Hierover is nog niets besloten.';
  }
}

function parkedList(parked: readonly MeetingSummaryParked[], redact: (text: string) => string): string {
  if (parked.length === 0) return '';
  const items = parked
    .map((p) => `<li>${htmlText(redact(p.note))} <small>(geparkeerd bij: ${escapeHtml(p.step)})</small><br>${htmlText(redact(parkedDecisionText(p)))}</li>`)
    .join('');
  return `<h3>Geparkeerde onderwerpen</h3><ul>${items}</ul>`;
}

function processDirectionText(summary: MeetingSummary): string {
  const level = summary.processDirector.aveLevel === undefined ? '' : ` De casus zit op AVE-niveau ${summary.processDirector.aveLevel}.`;
  if (!summary.processDirector.needed) return `Er is nu geen procesregisseur nodig.${level}`;
  const who = summary.processDirector.name === undefined ? 'Wie dat wordt, staat nog open.' : `Dat wordt ${cleanText(summary.processDirector.name)}.`;
  return `Er is een procesregisseur nodig. ${who}${level}`;
}

function evaluationText(summary: MeetingSummary): string {
  const e = summary.evaluation;
  if (e === undefined) return 'Er is nog geen evaluatie gepland.';
  const how = e.how === 'meeting' ? 'in een overleg' : 'per mail';
  const by = e.organiser === undefined ? '' : ` ${cleanText(e.organiser)} organiseert die.`;
  return `We kijken op ${dayText(e.date)} samen terug, ${how}.${by}`;
}

// ---------------------------------------------------------------------------------------------------------
// The summary mail

/**
 * The mail to a professional the resident consented to share the plan with. It tells the agreements, but a
 * mail can be forwarded and sits in mailboxes: identifiers the chair typed anyway (a phone number in "Wat", a
 * BSN in an "Ik wil" point) are left out; they stay in the shared plan, which the recipient opens.
 */
export function composeSummaryMail(summary: MeetingSummary, recipientName: string): { subject: string; html: string } {
  const agreements = summary.agreements.map((a) => {
    const safe: MeetingSummaryAgreement = { ...a, what: redactIdentifiers(a.what) };
    if (a.want !== undefined) safe.want = redactIdentifiers(a.want);
    return safe;
  });
  const subject = `Samenwerkoverleg ${summary.caseAlias}${summary.day === '' ? '' : ` van ${dayText(summary.day)}`}: de afspraken`;
  const name = cleanText(recipientName);
  const paragraphs = [
    `<p>${name === '' ? 'Hallo,' : `Hallo ${escapeHtml(name)},`}</p>`,
    `<p>Dank je wel voor je komst naar het Samenwerkoverleg van casus ${escapeHtml(summary.caseAlias)}${summary.day === '' ? '' : ` op ${escapeHtml(dayText(summary.day))}`}. Hieronder zie je wat we samen hebben afgesproken. Het volledige Samenwerkplan is met je gedeeld: de inwoner vindt het goed dat je het leest. Je opent het met je eigen account.</p>`,
    agreementsTable(agreements, 'Wie doet wat, en uiterlijk wanneer'),
    `<p><strong>Casusregie:</strong> ${summary.caseDirector === undefined ? 'nog niet afgesproken.' : `${htmlText(summary.caseDirector)} houdt samen met de inwoner de regie.`}</p>`,
    `<p><strong>Procesregie:</strong> ${htmlText(processDirectionText(summary))}</p>`,
    `<p><strong>Evaluatie:</strong> ${htmlText(evaluationText(summary))}</p>`,
    parkedList(summary.parked, redactIdentifiers),
    '<p>Lukt een afspraak niet op tijd? Laat het de casusregisseur dan zo snel mogelijk weten. Stuur deze mail niet door: het plan is van de inwoner.</p>',
    '<p>Met vriendelijke groet.</p>',
  ];
  return { subject, html: `<div lang="nl">${paragraphs.join('')}</div>` };
}
