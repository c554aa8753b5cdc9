// The demo tenant's workplace around the plans: the area team's groups, one mailbox per user with a calendar
// full of ordinary work (so findMeetingTimes and getSchedule have something to say), the SO meetings of the
// case in evaluation, the plan document's shares, and the area's Planner plan. Deterministic: the same state
// on every call, with fixed ids.
//
// Who may see what (ARCHITECTURE.md: "a persona without a share on a plan document gets 403"):
// - "Wijkteam Maasveld-Noord" (gemeente and welzijn professionals of the area: the case director and chair
//   personas among them) owns the plan library: its members read and write every plan.
// - Partner professionals (GGZ, woningcorporatie, schuldhulp, wijkverpleging) see a plan only once it is shared
//   with them; their folder listing shows just those documents. The participant persona (Bram, GGZ) has no share
//   yet: the SO of his case is still being prepared, so his listing is empty and every plan answers 403.
// - "Samenwerken Maasveld-Noord" (every professional working in the area, partners included) owns the Planner
//   plan, so agreements can be assigned to partners as tasks without opening the library to them.
import type {
  DemoAttendee, DemoDriveItem, DemoEvent, DemoGroup, DemoMailbox, DemoMessage, DemoPermission, DemoPlanner,
  DemoShowAs, DemoTenantState, DemoUser,
} from './tenantState';

export const DEMO_LIBRARY_GROUP_ID = '5d0b3a64-1f2e-4c8a-9b7d-3e6f2a1c9d40';
export const DEMO_AREA_GROUP_ID = '9a7c2e51-6b3d-4f08-8e2a-7c1d5b4f3a62';
export const DEMO_PLANNER_PLAN_ID = 'qN3vXyK8mE2sLwT6pR0dJhUcAbFg';
export const DEMO_PLANNER_BUCKET_ID = 'Vb7kT2nQ9xWm4cLp8sRj1yHdEfGa';
const NOORD = 'area-maasveld-noord';
const ZONE = 'W. Europe Standard Time';
const NO_RESPONSE = '0001-01-01T00:00:00Z';

type BaseState = Omit<DemoTenantState, 'groups' | 'mailboxes' | 'planner'>;

/**
 * Deterministic ids shaped like Exchange's, but of letters only: long digit runs in a real id would look like a
 * BSN or phone number to the seed's privacy scan.
 */
function idFactory(prefix: string, suffix = '', salt = 0) {
  let n = 0;
  return () => {
    n += 1;
    let h = (2166136261 ^ n ^ Math.imul(salt, 16777619)) >>> 0;
    let out = '';
    while (out.length < 40) {
      h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
      h = Math.imul(h ^ (h >>> 13), 3266489917) >>> 0;
      out += h.toString(16).padStart(8, '0').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]!);
    }
    return `${prefix}${out.slice(0, 40)}${suffix}`;
  };
}

/** mulberry32: a tiny seeded PRNG, so the calendars are the same on every seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byMail = (users: DemoUser[], mail: string): DemoUser => {
  const user = users.find((u) => u.mail === mail);
  if (!user) throw new Error(`seed: no user ${mail}`);
  return user;
};

const isLibraryMember = (u: DemoUser) => u.areaId === NOORD && (u.organisationId === 'org-gemeente-maasveld' || u.organisationId === 'org-buurtkracht');

function buildGroups(users: DemoUser[]): DemoGroup[] {
  return [
    {
      id: DEMO_LIBRARY_GROUP_ID,
      displayName: 'Wijkteam Maasveld-Noord',
      mail: 'wijkteam-noord@maasveld.example',
      description: 'Het wijkteam van Maasveld-Noord: eigenaar van de bibliotheek met Samenwerkplannen.',
      memberIds: users.filter(isLibraryMember).map((u) => u.id),
    },
    {
      id: DEMO_AREA_GROUP_ID,
      displayName: 'Samenwerken Maasveld-Noord',
      mail: 'samenwerken-noord@maasveld.example',
      description: 'Alle professionals die in Maasveld-Noord samenwerken: eigenaar van het Planner-plan met de afspraken.',
      memberIds: users.filter((u) => u.areaId === NOORD).map((u) => u.id),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Calendars

const WEEKS = ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14'];

/** Ordinary work per kind of organisation (subjects carry no personal details). */
const WORK: Record<string, string[]> = {
  'org-gemeente-maasveld': ['Teamoverleg sociaal domein', 'Keukentafelgesprek', 'Spreekuur Wijkpunt', 'Overleg zorgaanbieders', 'Scholing Wmo'],
  'org-buurtkracht': ['Huisbezoek', 'Teamoverleg sociaal werk', 'Inloop buurthuis', 'Intakegesprek', 'Netwerkoverleg wijk'],
  'org-veldwijzer-ggz': ['Behandeloverleg', 'Huisbezoek', 'Teamoverleg FACT', 'Intervisie', 'Cliëntgesprek'],
  'org-thuisveld': ['Woonconsult', 'Overleg huurachterstanden', 'Wijkschouw', 'Teamoverleg wonen', 'Huisbezoek'],
  'org-geldrust': ['Budgetgesprek', 'Intake schuldhulp', 'Overleg schuldeisers', 'Teamoverleg', 'Spreekuur geldzaken'],
  'org-lindehof': ['Ochtendronde', 'Teamoverleg wijkverpleging', 'Indicatiegesprek', 'Overdracht', 'Huisbezoek'],
};

/** Slots that must stay free for the SOs in the seed (local time, Europe/Amsterdam). */
const KEEP_FREE = [
  { day: '2026-11-26', from: 13 * 60 + 30, to: 15 * 60 + 30 },
  { day: '2026-12-01', from: 9 * 60 + 30, to: 12 * 60 },
];

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

interface SeedEventSpec {
  subject: string;
  day: string;
  from: number;
  to: number;
  showAs?: DemoShowAs;
  sensitivity?: DemoEvent['sensitivity'];
  location?: string;
  isAllDay?: boolean;
}

function appointment(user: DemoUser, spec: SeedEventSpec, nextId: () => string, nextUid: () => string): DemoEvent {
  const created = '2026-11-02T08:00:00Z';
  const start = spec.isAllDay ? { dateTime: `${spec.day}T00:00:00`, timeZone: ZONE } : { dateTime: `${spec.day}T${hhmm(spec.from)}:00`, timeZone: ZONE };
  const end = spec.isAllDay ? { dateTime: `${addDays(spec.day, 1)}T00:00:00`, timeZone: ZONE } : { dateTime: `${spec.day}T${hhmm(spec.to)}:00`, timeZone: ZONE };
  return {
    id: nextId(),
    iCalUId: nextUid(),
    version: 1,
    createdDateTime: created,
    lastModifiedDateTime: created,
    subject: spec.subject,
    body: { contentType: 'text', content: '' },
    start,
    end,
    isAllDay: spec.isAllDay ?? false,
    showAs: spec.showAs ?? 'busy',
    sensitivity: spec.sensitivity ?? 'normal',
    location: { displayName: spec.location ?? user.officeLocation },
    isCancelled: false,
    isOrganizer: true,
    organizer: { emailAddress: { name: user.displayName, address: user.mail } },
    responseStatus: { response: 'organizer', time: NO_RESPONSE },
    attendees: [],
    attachments: [],
    extra: {},
  };
}

function workFor(user: DemoUser, index: number): SeedEventSpec[] {
  const rnd = random(0x5eed + index * 7919);
  const subjects = WORK[user.organisationId] ?? ['Overleg'];
  const specs: SeedEventSpec[] = [];
  for (const monday of WEEKS) {
    for (let d = 0; d < 5; d += 1) {
      const day = addDays(monday, d);
      const count = 1 + Math.floor(rnd() * 3); // 1–3 appointments a day
      const taken: [number, number][] = [];
      for (let i = 0; i < count; i += 1) {
        const length = [60, 60, 90, 120][Math.floor(rnd() * 4)]!;
        const from = 8 * 60 + 30 + Math.floor(rnd() * ((17 * 60 - 8 * 60 - 30 - length) / 30 + 1)) * 30;
        const to = from + length;
        if (taken.some(([a, b]) => from < b && to > a)) continue;
        if (KEEP_FREE.some((k) => k.day === day && from < k.to && to > k.from)) continue;
        taken.push([from, to]);
        specs.push({ subject: subjects[Math.floor(rnd() * subjects.length)]!, day, from, to, showAs: rnd() < 0.15 ? 'tentative' : 'busy' });
      }
    }
  }
  return specs;
}

/** The few fixed appointments the demo's stories rely on. */
function fixedFor(user: DemoUser): SeedEventSpec[] {
  switch (user.mail) {
    case 'kofi.mensah@geldrust.example':
      return [{ subject: 'Privéafspraak', day: '2026-11-25', from: 8 * 60 + 30, to: 9 * 60 + 30, sensitivity: 'private' }];
    case 'wouter.dijkman@thuisveld.example':
      return [{ subject: 'Vrije dag', day: '2026-11-27', from: 0, to: 0, isAllDay: true, showAs: 'oof' }];
    case 'bram.hoekstra@veldwijzer.example':
      return [{ subject: 'Scholing motiverende gespreksvoering', day: '2026-12-03', from: 8 * 60 + 30, to: 17 * 60, location: 'Veldwijzer hoofdkantoor' }];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------------------
// The SOs of SO-2026-021 (held on 27 October, evaluation on 26 November): meetings organised by the case
// director with copies in every professional's calendar, as Exchange would hold them after the invitations.

interface MeetingSpec {
  transactionId: string;
  subject: string;
  goal: string;
  day: string;
  from: number;
  to: number;
  sentAt: string;
  responses: { mail: string; response: 'accepted' | 'tentativelyAccepted'; at: string }[];
}

const SO_021: MeetingSpec[] = [
  {
    transactionId: 'SO-2026-021/m-1',
    subject: 'Samenwerkoverleg SO-2026-021',
    goal: 'Met de inwoner afspreken hoe hij weer mensen om zich heen krijgt, zich thuis goed redt en grip krijgt op de papieren.',
    day: '2026-10-27',
    from: 10 * 60,
    to: 11 * 60 + 30,
    sentAt: '2026-10-15T10:05:00Z',
    responses: [
      { mail: 'p.ramdin@maasveld.example', response: 'accepted', at: '2026-10-15T11:20:00Z' },
      { mail: 'anouk.peeters@lindehof.example', response: 'accepted', at: '2026-10-16T08:45:00Z' },
      { mail: 'k.brouwer@maasveld.example', response: 'accepted', at: '2026-10-16T13:10:00Z' },
    ],
  },
  {
    transactionId: 'SO-2026-021/m-2',
    subject: 'Samenwerkoverleg SO-2026-021 – evaluatie',
    goal: 'Evaluatie: samen terugkijken op de afspraken en bepalen wat er nog nodig is.',
    day: '2026-11-26',
    from: 14 * 60,
    to: 15 * 60,
    sentAt: '2026-11-19T14:05:00Z',
    responses: [
      { mail: 'p.ramdin@maasveld.example', response: 'accepted', at: '2026-11-19T15:30:00Z' },
      { mail: 'anouk.peeters@lindehof.example', response: 'accepted', at: '2026-11-20T07:55:00Z' },
      { mail: 'k.brouwer@maasveld.example', response: 'tentativelyAccepted', at: '2026-11-20T09:12:00Z' },
    ],
  },
];

function seedMeetings(
  users: DemoUser[],
  mailboxes: Record<string, DemoMailbox>,
  ids: { event: () => string; uid: () => string; message: () => string },
): void {
  const organizer = byMail(users, 'esra.aydin@buurtkracht.example');
  for (const spec of SO_021) {
    const uid = ids.uid().toUpperCase();
    const attendees: DemoAttendee[] = spec.responses.map((r) => {
      const u = byMail(users, r.mail);
      return { type: 'required', emailAddress: { name: u.displayName, address: u.mail }, status: { response: r.response, time: r.at } };
    });
    const base: DemoEvent = {
      ...appointment(organizer, { subject: spec.subject, day: spec.day, from: spec.from, to: spec.to, location: 'Bij de inwoner thuis' }, ids.event, () => uid),
      transactionId: spec.transactionId,
      createdDateTime: spec.sentAt,
      lastModifiedDateTime: spec.sentAt,
      body: { contentType: 'text', content: `Doel van dit Samenwerkoverleg: ${spec.goal}` },
      attendees,
      extra: { responseRequested: true, allowNewTimeProposals: true },
    };
    mailboxes[organizer.id]!.events.push(base);
    for (const r of spec.responses) {
      const u = byMail(users, r.mail);
      const copy: DemoEvent = {
        ...structuredClone(base),
        id: ids.event(),
        isOrganizer: false,
        responseStatus: { response: r.response, time: r.at },
        showAs: r.response === 'accepted' ? 'busy' : 'tentative',
      };
      delete copy.transactionId;
      mailboxes[u.id]!.events.push(copy);
      const meeting = { iCalUId: uid, start: base.start, end: base.end, location: base.location.displayName };
      mailboxes[u.id]!.messages.push(message(ids.message(), 'inbox', 'eventMessageRequest', spec.subject, base.body.content, organizer, [u], spec.sentAt, true, {
        ...meeting, meetingMessageType: 'meetingRequest',
      }));
      const accepted = r.response === 'accepted';
      mailboxes[organizer.id]!.messages.push(message(ids.message(), 'inbox', 'eventMessageResponse',
        `${accepted ? 'Geaccepteerd' : 'Voorlopig geaccepteerd'}: ${spec.subject}`, '', u, [organizer], r.at, true, {
          ...meeting, meetingMessageType: accepted ? 'meetingAccepted' : 'meetingTenativelyAccepted',
        }));
    }
  }
}

function message(
  id: string,
  folder: DemoMessage['folder'],
  kind: DemoMessage['kind'],
  subject: string,
  content: string,
  from: DemoUser,
  to: DemoUser[],
  at: string,
  isRead: boolean,
  meeting?: DemoMessage['meeting'],
): DemoMessage {
  const m: DemoMessage = {
    id,
    folder,
    kind,
    subject,
    body: { contentType: 'text', content },
    from: { emailAddress: { name: from.displayName, address: from.mail } },
    toRecipients: to.map((u) => ({ emailAddress: { name: u.displayName, address: u.mail } })),
    ccRecipients: [],
    bccRecipients: [],
    sentDateTime: at,
    receivedDateTime: at,
    isRead,
    conversationId: `AAQkAGConv${id.slice(-24)}`,
    internetMessageId: `<${id.slice(-20).toLowerCase()}@demo.maasveld.onmicrosoft.com>`,
    attachments: [],
  };
  if (meeting) m.meeting = meeting;
  return m;
}

function buildMailboxes(users: DemoUser[]): Record<string, DemoMailbox> {
  const ids = { event: idFactory('AAMkAGEvtSeed', '=', 1), uid: idFactory('DEMOICALUID', '', 2), message: idFactory('AAMkAGMsgSeed', '', 3) };
  const mailboxes: Record<string, DemoMailbox> = {};
  users.forEach((user, index) => {
    const specs = [...workFor(user, index), ...fixedFor(user)];
    mailboxes[user.id] = {
      userId: user.id,
      timeZone: ZONE,
      events: specs.map((s) => appointment(user, s, ids.event, () => ids.uid().toUpperCase())),
      messages: [],
    };
  });
  seedMeetings(users, mailboxes, ids);
  return mailboxes;
}

// ---------------------------------------------------------------------------------------------------------
// Shares and Planner

/** SO-2026-021 was shared on 27 October with the professionals the resident consented to (consent c-3). */
function seedShares(users: DemoUser[], items: DemoDriveItem[]): void {
  const item = items.find((i) => i.name === 'SO-2026-021.json');
  if (!item) return;
  const esra = byMail(users, 'esra.aydin@buurtkracht.example');
  const shareWith = ['p.ramdin@maasveld.example', 'anouk.peeters@lindehof.example', 'k.brouwer@maasveld.example'];
  const next = idFactory('', '', 4);
  item.permissions = shareWith.map((mail): DemoPermission => {
    const u = byMail(users, mail);
    return {
      id: next().slice(0, 32).toUpperCase(),
      roles: ['read'],
      grantedToUserId: u.id,
      email: u.mail,
      invitedByUserId: esra.id,
      createdDateTime: '2026-10-27T13:00:00Z',
      requireSignIn: true,
    };
  });
}

function buildPlanner(users: DemoUser[]): DemoPlanner {
  const esra = byMail(users, 'esra.aydin@buurtkracht.example');
  return {
    plans: [{
      id: DEMO_PLANNER_PLAN_ID,
      title: 'Afspraken Maasveld-Noord',
      groupId: DEMO_AREA_GROUP_ID,
      createdDateTime: '2026-09-01T08:00:00Z',
      createdByUserId: esra.id,
      version: 1,
    }],
    buckets: [{ id: DEMO_PLANNER_BUCKET_ID, planId: DEMO_PLANNER_PLAN_ID, name: 'Afspraken', orderHint: ' !', version: 1 }],
    tasks: [],
  };
}

/** Adds groups, mailboxes, shares and Planner to the directory and plans of the seed. */
export function withWorkplace(base: BaseState): DemoTenantState {
  const groups = buildGroups(base.users);
  seedShares(base.users, base.planDrive.items);
  return {
    ...base,
    planDrive: { ...base.planDrive, memberGroupId: DEMO_LIBRARY_GROUP_ID },
    groups,
    mailboxes: buildMailboxes(base.users),
    planner: buildPlanner(base.users),
  };
}
