// The six weeks after the SO: every agreement with its owner, due date and days left; reminders to owners of
// overdue agreements (at most one a week per owner, recorded in the plan); and changes to agreements after
// the plan was handed out, shared with everyone involved within the resident's consent. Mails that leave the
// plan carry the case alias and the agreement itself, never a name or an identifier.
import { addDays, formatDutchDay, parseInstant, toCalendarDay } from './calendar';
import type { CalendarDay } from './calendar';
import { hasConsentFor } from './consent';
import { agreementOwnerName } from './meetingRecord';
import { redactPlanDetails } from './planDetails';
import type { Agreement, AgreementField, ChangeNotice, FollowUpReminder, ParticipantRole, Plan } from './planSchema';
import { redactIdentifiers } from './sensitiveData';
import { cleanText, escapeHtml, htmlText, isEmailAddress } from './text';

/** An owner is reminded of overdue agreements at most once in this many days. */
export const REMINDER_INTERVAL_DAYS = 7;

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` lies before `from`). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}

export type FollowUpState = 'overdue' | 'open' | 'done';

export interface FollowUpRow {
  id: string;
  ownerId: string;
  owner: string;
  ownerRole?: ParticipantRole;
  what: string;
  due: CalendarDay;
  /** Days from today to the due date; negative when overdue. */
  daysLeft: number;
  state: FollowUpState;
  perspectiveOnly: boolean;
  /** What the resident hears within six weeks, when only a perspective is promised. */
  perspectiveNote?: string;
  /** Added at an evaluation: that evaluation's day (the plan marks these distinctly). */
  addedOn?: CalendarDay;
  doneOn?: CalendarDay;
  /** The last reminder this owner got, as a day. */
  lastReminder?: CalendarDay;
}

function ownerRole(plan: Plan, who: string): ParticipantRole | undefined {
  if (who === plan.resident.id) return 'resident';
  return plan.participants.find((p) => p.id === who)?.role;
}

/** The evaluation day an agreement was added at, if it is an addition. */
export function additionDay(plan: Pick<Plan, 'evaluations'>, agreement: Pick<Agreement, 'evaluationId' | 'createdAt'>): CalendarDay | undefined {
  if (agreement.evaluationId === undefined) return undefined;
  const evaluation = plan.evaluations.find((e) => e.id === agreement.evaluationId);
  return evaluation?.date ?? toCalendarDay(agreement.createdAt);
}

function lastReminderOf(plan: Plan, participantId: string): FollowUpReminder | undefined {
  return plan.followUpReminders
    .filter((r) => r.participantId === participantId)
    .sort((a, b) => (parseInstant(a.at) ?? 0) - (parseInstant(b.at) ?? 0))
    .at(-1);
}

const STATE_ORDER: Record<FollowUpState, number> = { overdue: 0, open: 1, done: 2 };

/**
 * Every agreement as the case director follows it up: overdue first (longest overdue on top), then open by
 * due date, then done. `now` is an ISO instant; days are Amsterdam days.
 */
export function followUpRows(plan: Plan, now: string): FollowUpRow[] {
  const today = toCalendarDay(now);
  if (today === undefined) throw new RangeError(`not an instant: ${now}`);
  const rows = plan.agreements.map((a): FollowUpRow => {
    const daysLeft = daysBetween(today, a.due);
    const state: FollowUpState = a.status === 'done' ? 'done' : daysLeft < 0 ? 'overdue' : 'open';
    const row: FollowUpRow = { id: a.id, ownerId: a.who, owner: agreementOwnerName(plan, a.who), what: cleanText(a.what), due: a.due, daysLeft, state, perspectiveOnly: a.perspectiveOnly === true };
    if (a.perspectiveOnly === true && a.perspectiveNote !== undefined) row.perspectiveNote = cleanText(a.perspectiveNote);
    const role = ownerRole(plan, a.who);
    if (role !== undefined) row.ownerRole = role;
    const added = additionDay(plan, a);
    if (added !== undefined) row.addedOn = added;
    const doneOn = a.doneAt === undefined ? undefined : toCalendarDay(a.doneAt);
    if (doneOn !== undefined) row.doneOn = doneOn;
    const reminder = lastReminderOf(plan, a.who);
    const reminderDay = reminder === undefined ? undefined : toCalendarDay(reminder.at);
    if (reminderDay !== undefined) row.lastReminder = reminderDay;
    return row;
  });
  return rows.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------------------
// Reminders

export interface ReminderDue {
  participantId: string;
  /** Shown to the case director only; never in the mail. */
  name: string;
  role?: ParticipantRole;
  agreementIds: string[];
  /** Professionals with an e-mail address get a mail; the resident and the network are reminded in person. */
  channel: 'mail' | 'personal';
  email?: string;
  /** When this owner was reminded last, if ever. */
  lastReminderAt?: string;
}

/**
 * Owners with overdue agreements who were not reminded in the last seven days. A second call in the same
 * week therefore finds nobody new: a reminder is sent once, and the plan records it.
 */
export function remindersDue(plan: Plan, now: string): ReminderDue[] {
  const nowMs = parseInstant(now);
  if (nowMs === undefined) throw new RangeError(`not an instant: ${now}`);
  const overdue = followUpRows(plan, now).filter((r) => r.state === 'overdue');
  const byOwner = new Map<string, string[]>();
  for (const row of overdue) byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), row.id]);
  const due: ReminderDue[] = [];
  for (const [participantId, agreementIds] of byOwner) {
    const last = lastReminderOf(plan, participantId);
    const lastMs = last === undefined ? undefined : parseInstant(last.at);
    if (lastMs !== undefined && nowMs - lastMs < REMINDER_INTERVAL_DAYS * DAY_MS) continue;
    const participant = plan.participants.find((p) => p.id === participantId);
    const email = participant?.email?.trim() ?? '';
    const role = ownerRole(plan, participantId);
    const item: ReminderDue = {
      participantId,
      name: agreementOwnerName(plan, participantId),
      agreementIds,
      channel: role === 'professional' && isEmailAddress(email) ? 'mail' : 'personal',
    };
    if (role !== undefined) item.role = role;
    if (item.channel === 'mail') item.email = email;
    if (last !== undefined) item.lastReminderAt = last.at;
    due.push(item);
  }
  return due;
}

/** Records a reminder. The same id twice changes nothing (a replayed edit). */
export function recordReminder(plan: Plan, reminder: Omit<FollowUpReminder, 'updatedAt'>): Plan {
  if (plan.followUpReminders.some((r) => r.id === reminder.id)) return plan;
  const record: FollowUpReminder = { ...reminder, agreementIds: [...reminder.agreementIds], updatedAt: reminder.at };
  return {
    ...plan,
    followUpReminders: [...plan.followUpReminders, record],
    log: [...plan.log, { at: reminder.at, byUserId: reminder.byUserId, action: 'followUp.reminded', targetId: reminder.participantId }],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Text that leaves the plan

const ROLE_WORD: Record<ParticipantRole, string> = { resident: 'de inwoner', network: 'iemand uit het netwerk', professional: 'een professional' };

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Free text made fit for a mail: identifiers and plan details out, and the names of the resident and the
 * network members (in full, and each part of three letters or more) replaced by who they are.
 */
export function mailSafeText(plan: Pick<Plan, 'resident' | 'participants'>, text: string): string {
  let safe = redactPlanDetails(redactIdentifiers(cleanText(text)));
  const people = [
    { name: plan.resident.name, role: 'resident' as const },
    ...plan.participants.filter((p) => p.role !== 'professional').map((p) => ({ name: p.name, role: p.role })),
  ];
  const names = people
    .flatMap(({ name, role }) => {
      const full = cleanText(name);
      const parts = full.split(/\s+/).filter((part) => part.length >= 3 && !/^(van|der|den|de|het|ter|ten)$/i.test(part));
      return [full, ...parts].filter((n) => n !== '').map((n) => ({ n, word: ROLE_WORD[role] }));
    })
    .sort((a, b) => b.n.length - a.n.length);
  for (const { n, word } of names) {
    safe = safe.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, 'giu'), word);
  }
  return safe;
}

/** Who an agreement's owner is, as a mail may say it: a role, never a name. */
function ownerWord(plan: Plan, who: string): string {
  const role = ownerRole(plan, who);
  if (role === 'professional') {
    const organisation = cleanText(plan.participants.find((p) => p.id === who)?.organisation);
    return organisation === '' ? 'een professional' : `een professional van ${organisation}`;
  }
  return role === undefined ? 'iemand' : ROLE_WORD[role];
}

const dayText = (day: string) => (toCalendarDay(day) === undefined ? day : formatDutchDay(day));

/** The reminder mail to one owner. Subject: the case alias only. */
export function composeFollowUpReminder(plan: Plan, reminder: Pick<ReminderDue, 'agreementIds'>, now: string): { subject: string; html: string } {
  const today = toCalendarDay(now) ?? '';
  const items = reminder.agreementIds
    .map((id) => plan.agreements.find((a) => a.id === id))
    .filter((a): a is Agreement => a !== undefined)
    .map((a) => {
      const late = today === '' ? 0 : -daysBetween(today, a.due);
      const lateText = late === 1 ? '1 dag over de datum' : `${late} dagen over de datum`;
      return `<li>${htmlText(mailSafeText(plan, a.what))}<br>Uiterlijk ${escapeHtml(dayText(a.due))} (${escapeHtml(lateText)})</li>`;
    })
    .join('');
  const subject = `Samenwerkoverleg ${plan.caseAlias}: herinnering aan je afspraak`;
  const paragraphs = [
    '<p>Hallo,</p>',
    `<p>In het Samenwerkoverleg van casus ${escapeHtml(plan.caseAlias)} heb je iets op je genomen. De datum die we toen afspraken is voorbij, en in het plan staat het nog open:</p>`,
    `<ul>${items}</ul>`,
    '<p>Is het al gedaan? Zet het dan op klaar in je taken of laat het de casusregisseur weten. Lukt het niet, of heb je meer tijd nodig? Overleg dan met de casusregisseur. Binnen zes weken uitvoeren, of in elk geval laten weten wat de inwoner kan verwachten, is wat we samen afspraken.</p>',
    '<p>Je krijgt hoogstens één herinnering per week. Stuur deze mail niet door.</p>',
  ];
  return { subject, html: `<div lang="nl">${paragraphs.join('')}</div>` };
}

// ---------------------------------------------------------------------------------------------------------
// Changes after the plan was handed out

/** When the plan was first handed out after an SO (the earliest distribution), if it was. */
export function firstDistributionAt(plan: Plan): string | undefined {
  const times = plan.meetings.flatMap((m) => (m.distribution ?? []).map((d) => d.at)).filter((at) => parseInstant(at) !== undefined);
  return times.sort((a, b) => parseInstant(a)! - parseInstant(b)!)[0];
}

export interface AgreementChangeItem {
  agreementId: string;
  kind: 'added' | 'edited';
  /** The latest such change. */
  at: string;
  /** For edits: the fields that changed and their values before. */
  fields: AgreementField[];
  previous: Partial<Record<AgreementField, unknown>>;
}

const SHARED_FIELDS: readonly AgreementField[] = ['who', 'what', 'due', 'perspectiveOnly', 'perspectiveNote'];

/**
 * Agreements added or changed (who, what, due date, perspective) after the plan was handed out and after
 * the last change notice: what everyone involved should now hear about. Marking done is progress, not a
 * change of the agreement, and is not in here.
 */
export function pendingAgreementChanges(plan: Plan): AgreementChangeItem[] {
  const distributed = firstDistributionAt(plan);
  if (distributed === undefined) return [];
  const lastNotice = plan.changeNotices.map((n) => parseInstant(n.at) ?? 0).reduce((a, b) => Math.max(a, b), 0);
  const since = Math.max(parseInstant(distributed) ?? 0, lastNotice);
  const items: AgreementChangeItem[] = [];
  for (const a of plan.agreements) {
    const createdMs = parseInstant(a.createdAt) ?? 0;
    if (createdMs > since) {
      items.push({ agreementId: a.id, kind: 'added', at: a.createdAt, fields: [], previous: {} });
      continue;
    }
    const edits = a.history.filter((h) => h.change === 'edited' && (parseInstant(h.at) ?? 0) > since);
    const fields = [...new Set(edits.flatMap((h) => h.fields ?? []))].filter((f) => SHARED_FIELDS.includes(f));
    if (fields.length === 0) continue;
    const previous: Partial<Record<AgreementField, unknown>> = {};
    // The value before the first of these edits is what people were told.
    for (const field of fields) {
      const first = edits.find((h) => h.fields?.includes(field));
      if (first?.previous !== undefined && field in first.previous) previous[field] = first.previous[field];
    }
    items.push({ agreementId: a.id, kind: 'edited', at: edits.at(-1)!.at, fields, previous });
  }
  return items;
}

export interface ChangeRecipient {
  participantId: string;
  name: string;
  role: ParticipantRole;
  channel: 'mail' | 'print';
  email?: string;
}

/**
 * Everyone who got the plan: professionals whom the resident's consent covers (and who have an e-mail
 * address) get a summary mail; everyone else hears it through the next printed plan.
 */
export function changeRecipients(plan: Plan): ChangeRecipient[] {
  const ids = [...new Set(plan.meetings.flatMap((m) => (m.distribution ?? []).map((d) => d.participantId)))];
  return ids
    .map((id) => plan.participants.find((p) => p.id === id))
    .filter((p): p is NonNullable<typeof p> => p !== undefined)
    .map((p): ChangeRecipient => {
      const email = p.email?.trim() ?? '';
      const mail = p.role === 'professional' && isEmailAddress(email) && hasConsentFor(plan, 'sharePlan', p.id);
      return mail ? { participantId: p.id, name: cleanText(p.name), role: p.role, channel: 'mail', email } : { participantId: p.id, name: cleanText(p.name), role: p.role, channel: 'print' };
    });
}

function describeChange(plan: Plan, item: AgreementChangeItem): string {
  const a = plan.agreements.find((x) => x.id === item.agreementId);
  if (a === undefined) return '';
  const what = htmlText(mailSafeText(plan, a.what));
  const due = escapeHtml(dayText(a.due));
  if (item.kind === 'added') {
    const added = additionDay(plan, a);
    return `<li><strong>Nieuw${added === undefined ? '' : ` (aanvulling van ${escapeHtml(dayText(added))})`}:</strong> ${what}. Wie: ${escapeHtml(ownerWord(plan, a.who))}. Uiterlijk ${due}.</li>`;
  }
  const parts: string[] = [];
  if (item.fields.includes('due')) parts.push(`de datum is nu ${due}${typeof item.previous.due === 'string' ? ` (was ${escapeHtml(dayText(item.previous.due))})` : ''}`);
  if (item.fields.includes('who')) parts.push(`het wordt nu opgepakt door ${escapeHtml(ownerWord(plan, a.who))}`);
  if (item.fields.includes('what')) parts.push('de omschrijving is aangepast');
  if (item.fields.includes('perspectiveOnly')) parts.push(a.perspectiveOnly === true ? 'binnen zes weken komt er in elk geval perspectief' : 'het wordt binnen zes weken uitgevoerd');
  else if (item.fields.includes('perspectiveNote')) parts.push('de uitleg over het perspectief is aangepast');
  return `<li><strong>Gewijzigd:</strong> ${what}. ${escapeHtml(parts.join('; '))}.</li>`;
}

/** The summary mail about changed agreements, for professionals within consent. No names, no identifiers. */
export function composeChangeMail(plan: Plan, items: readonly AgreementChangeItem[]): { subject: string; html: string } {
  const subject = `Samenwerkoverleg ${plan.caseAlias}: wijziging in de afspraken`;
  const paragraphs = [
    '<p>Hallo,</p>',
    `<p>Sinds je het Samenwerkplan van casus ${escapeHtml(plan.caseAlias)} kreeg, is er iets veranderd in de afspraken. Dit is er anders:</p>`,
    `<ul>${items.map((item) => describeChange(plan, item)).join('')}</ul>`,
    '<p>Het volledige plan is met je gedeeld; je opent het met je eigen account. Stuur deze mail niet door: het plan is van de inwoner.</p>',
  ];
  return { subject, html: `<div lang="nl">${paragraphs.join('')}</div>` };
}

/** Records that the changes were shared, and with whom and how. The same id twice changes nothing. */
export function recordChangeNotice(plan: Plan, notice: Omit<ChangeNotice, 'updatedAt'>): Plan {
  if (plan.changeNotices.some((n) => n.id === notice.id)) return plan;
  const record: ChangeNotice = { ...notice, updatedAt: notice.at };
  return {
    ...plan,
    changeNotices: [...plan.changeNotices, record],
    log: [...plan.log, { at: notice.at, byUserId: notice.byUserId, action: 'followUp.changeShared', targetId: notice.id }],
  };
}

/**
 * The note the printed plan carries for an agreement changed after the plan was handed out: the resident
 * and the network read the change there. Undefined when it did not change since.
 */
export function printedChangeNote(plan: Plan, agreementId: string): string | undefined {
  const distributed = firstDistributionAt(plan);
  if (distributed === undefined) return undefined;
  const since = parseInstant(distributed) ?? 0;
  const a = plan.agreements.find((x) => x.id === agreementId);
  if (a === undefined) return undefined;
  const edits = a.history.filter((h) => h.change === 'edited' && (parseInstant(h.at) ?? 0) > since && (h.fields ?? []).some((f) => SHARED_FIELDS.includes(f)));
  const last = edits.at(-1);
  const day = last === undefined ? undefined : toCalendarDay(last.at);
  return day === undefined ? undefined : `Veranderd op ${dayText(day)}`;
}

/** The default due day of an addition made at an evaluation: six weeks after it. */
export function additionDue(evaluationDay: CalendarDay): CalendarDay {
  return addDays(evaluationDay, 42);
}
