// The demo tenant's seed: one fictional municipality (Gemeente Maasveld), its partner organisations, the
// professionals who work in its neighbourhoods, and two Samenwerkplannen in the area team's library.
// Everything here is invented. The seed holds no real-looking identifiers (no BSN, IBAN, phone number or
// date of birth): the privacy tests depend on that. createSeed() builds a fresh object on every call.

import { seedWeekShift, shiftSeed } from './seedTime';
import { withWorkplace } from './seedWorkplace';
import { DEMO_STATE_VERSION } from './tenantState';
import type { DemoArea, DemoDriveItem, DemoOrganisation, DemoTenantState, DemoUser } from './tenantState';

export const DEMO_TENANT_ID = '2c1eb1f8-dfad-44de-95f9-5b3d9c253cf9';
export const DEMO_PLAN_DRIVE_ID = 'b!vQkTzWmLhEa-PxRcNdYuJfGsoBiHwKyZlQeXtMnVaDcRpUsJgLkOhWzYbNeFqTiA';
export const PLAN_FOLDER = 'Samenwerkplannen';

// ---------------------------------------------------------------------------------------------------------
// Provisional shape of a Samenwerkplan document (a later issue formalises it with zod; keep the field names).

type PlanStatus = 'draft' | 'preparing' | 'planned' | 'running' | 'evaluating' | 'closed';
type InviteReason = 'experience' | 'expertise' | 'thinkAlong' | 'criticalEye';

interface SeedPlan {
  schemaVersion: 1;
  caseAlias: string;
  status: PlanStatus;
  createdAt: string;
  resident: { id: string; name: string };
  municipality: string;
  areaId: string;
  caseDirectorUserId: string;
  wants: { id: string; text: string; target: string }[];
  wellbeing: { score: number; date: string; moment: 'start' | 'evaluation' | 'remeasurement'; comment: string }[];
  can: { own: string[]; offer: string[] };
  needs: { shortTerm: string[]; longTerm: string[] };
  organisations: { organisationId: string; name: string }[];
  participants: {
    id: string;
    name: string;
    email?: string;
    role: 'resident' | 'network' | 'professional';
    organisation?: string;
    jobTitle?: string;
    userId?: string;
    reasons: InviteReason[];
    expectation?: string;
  }[];
  consents: {
    id: string;
    subject: 'samenwerkwijze' | 'meeting' | 'sharePlan';
    participantIds?: string[];
    date: string;
    how: 'verbal' | 'written' | 'digital';
    recordedByUserId: string;
    note?: string;
  }[];
  meetings: {
    id: string;
    start: string;
    durationMinutes: number;
    location: { kind: 'home' } | { kind: 'other'; description: string };
    goal: string;
    status: 'planned' | 'held' | 'cancelled';
  }[];
  agreements: {
    id: string;
    who: string;
    what: string;
    due: string;
    wantId?: string;
    perspectiveOnly?: boolean;
    perspectiveNote?: string;
    status: 'open' | 'done';
    createdAt: string;
  }[];
  caseDirection: { caseDirectorParticipantId?: string; processDirectorNeeded: boolean; aveLevel?: 1 | 2 | 3 | 4 };
  log: { at: string; byUserId: string; action: string }[];
}

// ---------------------------------------------------------------------------------------------------------
// Tenant, organisations, areas

const TENANT = {
  id: DEMO_TENANT_ID,
  displayName: 'Gemeente Maasveld – Samenwerken in de wijk',
  municipality: 'Gemeente Maasveld',
  domain: 'maasveld.onmicrosoft.com',
} as const;

const ORG = {
  gemeente: { id: 'org-gemeente-maasveld', name: 'Gemeente Maasveld', kind: 'gemeente' },
  welzijn: { id: 'org-buurtkracht', name: 'Stichting Buurtkracht Maasveld', kind: 'welzijn' },
  ggz: { id: 'org-veldwijzer-ggz', name: 'Veldwijzer GGZ', kind: 'ggz' },
  woning: { id: 'org-thuisveld', name: 'Woonstichting Thuisveld', kind: 'woningcorporatie' },
  schuldhulp: { id: 'org-geldrust', name: 'Stichting Geldrust', kind: 'schuldhulp' },
  wijkverpleging: { id: 'org-lindehof', name: 'Wijkzorg Lindehof', kind: 'wijkverpleging' },
} as const satisfies Record<string, DemoOrganisation>;

type OrgKey = keyof typeof ORG;

const AREA = {
  noord: { id: 'area-maasveld-noord', name: 'Maasveld-Noord' },
  oudeHaven: { id: 'area-oude-haven', name: 'Oude Haven' },
  zuiderpolder: { id: 'area-zuiderpolder', name: 'Zuiderpolder' },
} as const;

type AreaKey = keyof typeof AREA;

// ---------------------------------------------------------------------------------------------------------
// Users (fixed GUIDs, as Entra object ids are). Each organisation mails from its own (fictional) domain.

const U = {
  esra: 'f24d582b-f8ad-40cf-acc8-71c316c5bac3',
  priya: '1a620eff-687d-47aa-80a7-2e84f350f055',
  bram: '07c11fe8-826c-4e86-906e-2a0fb6c231fc',
  joris: '8b69bea1-583a-40e0-8b6f-91fbcbf2e215',
  hatice: '67c8f12d-b269-4bf8-a71b-b051ebec9a50',
  marloes: 'f1d8a836-07f5-4dc9-8b2d-d0b3b9ebadb9',
  kees: '5e591c63-24aa-42f9-acee-00ad5dcf0ab4',
  fatima: 'd07aa3f3-dbde-48ee-a03e-a8e4ab2b9a12',
  sem: '11d5e0cd-d5fd-47d5-a818-701b521e69ff',
  ayesha: '08c591f8-baf5-432c-841b-a3d69a37d689',
  wouter: 'e2da8b6c-a5bc-4ec6-b486-9d47f454e5f6',
  linda: '4b25f648-09df-4bd1-bca0-342bed9ed7a0',
  kofi: 'be8f1f24-312c-4e79-b642-9a5ca0a28fc2',
  iris: '88cfedaa-e660-434f-b3ba-099f43f38e66',
  anouk: 'e2a448a7-84e6-44e7-a03c-0b166b51d970',
  tomasz: 'd2dbd4ef-7ac1-41ec-b7c9-495dd4e2c8c5',
} as const;

interface UserSpec {
  id: string;
  givenName: string;
  surname: string;
  mail: string;
  jobTitle: string;
  department: string;
  org: OrgKey;
  officeLocation: string;
  area: AreaKey;
  persona?: DemoUser['persona'];
}

const USER_SPECS: readonly UserSpec[] = [
  // Gemeente Maasveld
  {
    id: U.priya, givenName: 'Priya', surname: 'Ramdin', mail: 'p.ramdin@maasveld.example',
    jobTitle: 'Wijkconsulent', department: 'Sociaal Domein – Wijkteam Noord', org: 'gemeente',
    officeLocation: 'Wijkpunt De Kompaan', area: 'noord', persona: 'chair',
  },
  {
    id: U.kees, givenName: 'Kees', surname: 'Brouwer', mail: 'k.brouwer@maasveld.example',
    jobTitle: 'Consulent Wmo', department: 'Sociaal Domein – Team Wmo', org: 'gemeente',
    officeLocation: 'Stadskantoor Maasveld', area: 'noord',
  },
  {
    id: U.fatima, givenName: 'Fatima', surname: 'Ouali', mail: 'f.ouali@maasveld.example',
    jobTitle: 'Casusregisseur', department: 'Sociaal Domein – Regie en Veiligheid', org: 'gemeente',
    officeLocation: 'Stadskantoor Maasveld', area: 'oudeHaven',
  },
  {
    id: U.hatice, givenName: 'Hatice', surname: 'Yilmaz', mail: 'h.yilmaz@maasveld.example',
    jobTitle: 'Gebiedsaanjager', department: 'Sociaal Domein – Wijkteam Oude Haven', org: 'gemeente',
    officeLocation: 'Buurthuis De Loods', area: 'oudeHaven',
  },
  // Stichting Buurtkracht Maasveld (welzijn)
  {
    id: U.esra, givenName: 'Esra', surname: 'Aydin', mail: 'esra.aydin@buurtkracht.example',
    jobTitle: 'Sociaal werker', department: 'Sociaal werk Noord', org: 'welzijn',
    officeLocation: 'Wijkpunt De Kompaan', area: 'noord', persona: 'caseDirector',
  },
  {
    id: U.joris, givenName: 'Joris', surname: 'van Leeuwen', mail: 'joris.vanleeuwen@buurtkracht.example',
    jobTitle: 'Gebiedsaanjager', department: 'Sociaal werk Noord', org: 'welzijn',
    officeLocation: 'Wijkpunt De Kompaan', area: 'noord',
  },
  {
    id: U.sem, givenName: 'Sem', surname: 'de Graaf', mail: 'sem.degraaf@buurtkracht.example',
    jobTitle: 'Sociaal werker', department: 'Sociaal werk Oude Haven', org: 'welzijn',
    officeLocation: 'Buurthuis De Loods', area: 'oudeHaven',
  },
  {
    id: U.marloes, givenName: 'Marloes', surname: 'Hendriks', mail: 'marloes.hendriks@buurtkracht.example',
    jobTitle: 'Gebiedsaanjager', department: 'Sociaal werk Zuiderpolder', org: 'welzijn',
    officeLocation: 'Gezondheidscentrum Zuiderpolder', area: 'zuiderpolder',
  },
  // Veldwijzer GGZ
  {
    id: U.bram, givenName: 'Bram', surname: 'Hoekstra', mail: 'bram.hoekstra@veldwijzer.example',
    jobTitle: 'Ambulant begeleider GGZ', department: 'Ambulante begeleiding volwassenen', org: 'ggz',
    officeLocation: 'Veldwijzer locatie Noord', area: 'noord', persona: 'participant',
  },
  {
    id: U.ayesha, givenName: 'Ayesha', surname: 'Mahabier', mail: 'ayesha.mahabier@veldwijzer.example',
    jobTitle: 'Sociaal psychiatrisch verpleegkundige', department: 'FACT-team Maasveld', org: 'ggz',
    officeLocation: 'Gezondheidscentrum Zuiderpolder', area: 'zuiderpolder',
  },
  // Woonstichting Thuisveld (woningcorporatie)
  {
    id: U.wouter, givenName: 'Wouter', surname: 'Dijkman', mail: 'wouter.dijkman@thuisveld.example',
    jobTitle: 'Wijkconsulent', department: 'Wonen en Leefbaarheid', org: 'woning',
    officeLocation: 'Thuisveld Klantenkantoor', area: 'noord',
  },
  {
    id: U.linda, givenName: 'Linda', surname: 'Martens', mail: 'linda.martens@thuisveld.example',
    jobTitle: 'Woonconsulent', department: 'Wonen en Leefbaarheid', org: 'woning',
    officeLocation: 'Thuisveld Klantenkantoor', area: 'oudeHaven',
  },
  // Stichting Geldrust (schuldhulp)
  {
    id: U.kofi, givenName: 'Kofi', surname: 'Mensah', mail: 'kofi.mensah@geldrust.example',
    jobTitle: 'Schuldhulpverlener', department: 'Schuldhulpverlening', org: 'schuldhulp',
    officeLocation: 'Wijkpunt De Kompaan', area: 'noord',
  },
  {
    id: U.iris, givenName: 'Iris', surname: 'Bos', mail: 'iris.bos@geldrust.example',
    jobTitle: 'Budgetcoach', department: 'Budgetbegeleiding', org: 'schuldhulp',
    officeLocation: 'Gezondheidscentrum Zuiderpolder', area: 'zuiderpolder',
  },
  // Wijkzorg Lindehof (wijkverpleging)
  {
    id: U.anouk, givenName: 'Anouk', surname: 'Peeters', mail: 'anouk.peeters@lindehof.example',
    jobTitle: 'Wijkverpleegkundige', department: 'Wijkverpleging Noord', org: 'wijkverpleging',
    officeLocation: 'Wijkpunt De Kompaan', area: 'noord',
  },
  {
    id: U.tomasz, givenName: 'Tomasz', surname: 'Nowak', mail: 'tomasz.nowak@lindehof.example',
    jobTitle: 'Wijkverpleegkundige', department: 'Wijkverpleging Oude Haven', org: 'wijkverpleging',
    officeLocation: 'Buurthuis De Loods', area: 'oudeHaven',
  },
];

function buildUsers(): DemoUser[] {
  return USER_SPECS.map((s) => {
    const user: DemoUser = {
      id: s.id,
      displayName: `${s.givenName} ${s.surname}`,
      givenName: s.givenName,
      surname: s.surname,
      mail: s.mail,
      userPrincipalName: s.mail,
      jobTitle: s.jobTitle,
      department: s.department,
      companyName: ORG[s.org].name,
      organisationId: ORG[s.org].id,
      officeLocation: s.officeLocation,
      areaId: AREA[s.area].id,
    };
    if (s.persona) user.persona = s.persona;
    return user;
  });
}

function buildAreas(): DemoArea[] {
  return [
    { ...AREA.noord, championUserId: U.joris },
    { ...AREA.oudeHaven, championUserId: U.hatice },
    { ...AREA.zuiderpolder, championUserId: U.marloes },
  ];
}

function buildOrganisations(): DemoOrganisation[] {
  return Object.values(ORG).map((o) => ({ ...o }));
}

/** A professional participant, copied from the seed user so userId, email and organisation always agree. */
function professional(
  participantId: string,
  userId: string,
  reasons: InviteReason[],
  expectation: string,
): SeedPlan['participants'][number] {
  const spec = USER_SPECS.find((s) => s.id === userId);
  if (!spec) throw new Error(`seed: unknown user ${userId}`);
  return {
    id: participantId,
    name: `${spec.givenName} ${spec.surname}`,
    email: spec.mail,
    role: 'professional',
    organisation: ORG[spec.org].name,
    jobTitle: spec.jobTitle,
    userId,
    reasons,
    expectation,
  };
}

function planOrganisation(key: OrgKey): SeedPlan['organisations'][number] {
  return { organisationId: ORG[key].id, name: ORG[key].name };
}

// ---------------------------------------------------------------------------------------------------------
// Case 1: SO-2026-014, Maasveld-Noord. Housing, money and worry; the first SO is being prepared.

function planCase014(): SeedPlan {
  return {
    schemaVersion: 1,
    caseAlias: 'SO-2026-014',
    status: 'preparing',
    createdAt: '2026-11-16T13:10:00Z',
    resident: { id: 'c858a2e7-82b8-43df-abfc-d5dc7d402ab2', name: 'Samira Benali' },
    municipality: TENANT.municipality,
    areaId: AREA.noord.id,
    caseDirectorUserId: U.esra,
    wants: [
      {
        id: 'w-1',
        text: 'Ik wil in mijn eigen huis blijven wonen. Hier voel ik me thuis.',
        target: 'Ik ben niet meer bang dat ik mijn huis uit moet. De huur is elke maand op tijd betaald.',
      },
      {
        id: 'w-2',
        text: 'Ik wil weer rust in mijn hoofd.',
        target:
          'Ik slaap de meeste nachten door. Als het piekeren terugkomt, weet ik wat ik zelf kan doen en bij wie ik terecht kan.',
      },
      {
        id: 'w-3',
        text: 'Ik wil zelf weer weten hoe het met mijn geld zit.',
        target:
          'Ik open mijn post zelf. Ik weet wat er elke maand binnenkomt en wat eruit gaat, en er komen geen nieuwe schulden bij.',
      },
    ],
    wellbeing: [
      {
        score: 3,
        date: '2026-11-16',
        moment: 'start',
        comment: 'Ik ben op. Elke brief op de mat maakt me bang. Maar ik wil echt dat het beter gaat.',
      },
    ],
    can: {
      own: [
        'Ik kan goed voor mijn huis zorgen. Het is altijd netjes.',
        'Ik kan alle post in één map bewaren tot we die samen bekijken.',
        'Ik wandel elke ochtend een rondje. Dat helpt tegen het piekeren.',
        'Mijn zus Nadia gaat met me mee naar afspraken als ik het haar vraag.',
      ],
      offer: [
        'Ik kan goed naaien. Buren mogen bij mij aankloppen als er iets aan hun kleding moet gebeuren.',
        'Ik geef de plantjes van mijn buurvrouw water als zij op vakantie is.',
      ],
    },
    needs: {
      shortTerm: [
        'Ik heb iemand nodig die met mij en de verhuurder kijkt hoe ik de achterstand in de huur kan oplossen.',
        'Ik heb hulp nodig om alle brieven en rekeningen op een rij te zetten.',
        'Ik heb iemand nodig met wie ik kan praten over de angst en het slechte slapen.',
      ],
      longTerm: [
        'Ik heb een vast overzicht nodig van wat ik elke maand kan uitgeven.',
        'Ik heb één vast persoon nodig bij wie ik terecht kan als het weer minder gaat.',
      ],
    },
    organisations: [planOrganisation('welzijn'), planOrganisation('ggz'), planOrganisation('woning'), planOrganisation('schuldhulp')],
    participants: [
      {
        id: 'p-resident',
        name: 'Samira Benali',
        role: 'resident',
        reasons: ['experience'],
        expectation: 'Vertelt wat ze wil en beslist mee over wat er gebeurt.',
      },
      {
        id: 'p-sister',
        name: 'Nadia Benali',
        role: 'network',
        reasons: ['experience', 'thinkAlong'],
        expectation: 'Steunt haar zus tijdens het overleg en vertelt wat zij zelf kan doen.',
      },
      {
        id: 'p-neighbour',
        name: 'Gerda Visser',
        role: 'network',
        reasons: ['thinkAlong'],
        expectation: 'Denkt mee over wat er in de straat mogelijk is.',
      },
      professional('p-esra', U.esra, ['experience', 'thinkAlong'],
        'Heeft het plan met de inwoner gemaakt, bereidt het overleg met haar voor en houdt de afspraken bij.'),
      professional('p-bram', U.bram, ['expertise', 'thinkAlong'],
        'Brengt kennis mee over angst en slecht slapen en denkt mee over steun die bij haar past.'),
      professional('p-wouter', U.wouter, ['expertise', 'criticalEye'],
        'Kijkt wat er mogelijk is met de huurachterstand, zodat de inwoner in haar huis kan blijven.'),
      professional('p-kofi', U.kofi, ['expertise', 'thinkAlong'],
        'Brengt in kaart wat nodig is voor overzicht en rust in de financiën, en zegt wat Geldrust kan doen.'),
    ],
    consents: [
      {
        id: 'c-1',
        subject: 'samenwerkwijze',
        date: '2026-11-16',
        how: 'verbal',
        recordedByUserId: U.esra,
        note: 'Samira wil dat Nadia bij alle gesprekken is.',
      },
      {
        id: 'c-2',
        subject: 'meeting',
        participantIds: ['p-sister', 'p-neighbour', 'p-esra', 'p-bram', 'p-wouter', 'p-kofi'],
        date: '2026-11-19',
        how: 'written',
        recordedByUserId: U.esra,
        note: 'Samira heeft zelf gekozen wie er aan tafel komt. Esra verstuurt de uitnodiging.',
      },
    ],
    meetings: [
      {
        id: 'm-1',
        start: '2026-12-01T10:00:00+01:00',
        durationMinutes: 90,
        location: { kind: 'home' },
        goal: 'Samen met de inwoner zoeken naar rust: een veilig thuis, overzicht over geld en steun bij zorgen. We spreken af wie wat doet.',
        status: 'planned',
      },
    ],
    agreements: [],
    caseDirection: { caseDirectorParticipantId: 'p-esra', processDirectorNeeded: false, aveLevel: 2 },
    log: [
      { at: '2026-11-16T13:10:00Z', byUserId: U.esra, action: 'plan.created' },
      { at: '2026-11-16T13:25:00Z', byUserId: U.esra, action: 'consent.recorded' },
      { at: '2026-11-19T09:40:00Z', byUserId: U.esra, action: 'consent.recorded' },
      { at: '2026-11-19T09:55:00Z', byUserId: U.esra, action: 'meeting.planned' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Case 2: SO-2026-021, Maasveld-Noord. Living alone after a loss; the SO was held, evaluation is under way.

function planCase021(): SeedPlan {
  return {
    schemaVersion: 1,
    caseAlias: 'SO-2026-021',
    status: 'evaluating',
    createdAt: '2026-10-15T09:30:00Z',
    resident: { id: '53d8b540-855a-4f2b-8ea3-43ecd2aefd6d', name: 'Henk van der Meulen' },
    municipality: TENANT.municipality,
    areaId: AREA.noord.id,
    caseDirectorUserId: U.esra,
    wants: [
      {
        id: 'w-1',
        text: 'Ik wil weer mensen om me heen. Nu praat ik soms dagen met niemand.',
        target: 'Ik heb elke week een paar vaste momenten waarop ik anderen zie en een praatje maak.',
      },
      {
        id: 'w-2',
        text: 'Ik wil in mijn eigen huis blijven en me daar goed redden.',
        target:
          "Ik ben 's ochtends op tijd gewassen en aangekleed en neem mijn pillen op het goede moment. Mijn huis is zo schoon dat ik weer bezoek durf te vragen.",
      },
      {
        id: 'w-3',
        text: 'Ik wil niet meer wakker liggen van de post. Riet deed altijd de papieren.',
        target:
          'Ik weet welke brieven belangrijk zijn. De rekeningen worden op tijd betaald en ik weet wie ik kan vragen als ik iets niet snap.',
      },
    ],
    wellbeing: [
      {
        score: 4,
        date: '2026-10-15',
        moment: 'start',
        comment: 'Sinds Riet er niet meer is, zijn de dagen lang en stil. Ik red me wel, maar blij ben ik niet.',
      },
      {
        score: 6,
        date: '2026-11-19',
        moment: 'evaluation',
        comment: 'De dinsdag is nu mijn beste dag. Met de post zit ik nog steeds in de knoop.',
      },
    ],
    can: {
      own: [
        'Ik kan zelf koken, als het maar simpel is.',
        'Ik loop nog goed en haal zelf mijn boodschappen.',
        'Mijn dochter Monique belt elke zondag en komt een keer per maand langs.',
        'Mijn buurman Abdel wil me meenemen naar het buurthuis.',
      ],
      offer: [
        'Ik ben veertig jaar timmerman geweest. Ik kan mensen helpen met kleine klussen in huis.',
        'Ik kan goed vertellen hoe de wijk er vroeger uitzag.',
      ],
    },
    needs: {
      shortTerm: [
        "Ik heb 's ochtends hulp nodig bij het wassen en bij mijn pillen.",
        'Ik heb iemand nodig die met mij de stapel post doorneemt.',
        'Ik heb hulp nodig om mijn huis schoon te houden.',
      ],
      longTerm: [
        'Ik heb vaste plekken nodig waar ik mensen tref, ook als Abdel een keer niet kan.',
        'Ik heb iemand nodig die samen met mij de papieren bijhoudt, zodat ik zelf het overzicht houd.',
      ],
    },
    organisations: [planOrganisation('welzijn'), planOrganisation('gemeente'), planOrganisation('wijkverpleging')],
    participants: [
      {
        id: 'p-resident',
        name: 'Henk van der Meulen',
        role: 'resident',
        reasons: ['experience'],
        expectation: 'Vertelt wat hij wil en beslist mee over wat er gebeurt.',
      },
      {
        id: 'p-daughter',
        name: 'Monique van der Meulen',
        role: 'network',
        reasons: ['experience', 'thinkAlong'],
        expectation: 'Denkt mee vanuit wat zij van haar vader weet en zegt wat zij zelf kan doen.',
      },
      {
        id: 'p-neighbour',
        name: 'Abdel Amrani',
        role: 'network',
        reasons: ['thinkAlong'],
        expectation: 'Denkt mee over wat er in de buurt te doen is en waar hij bij kan helpen.',
      },
      professional('p-esra', U.esra, ['experience', 'thinkAlong'],
        'Heeft het plan met de inwoner gemaakt en houdt samen met hem de regie op de afspraken.'),
      professional('p-priya', U.priya, ['thinkAlong', 'criticalEye'],
        'Zit het overleg voor en let erop dat de inwoner steeds zelf aan het woord komt.'),
      professional('p-anouk', U.anouk, ['expertise'],
        "Kijkt wat de inwoner 's ochtends nodig heeft bij wassen en medicijnen."),
      professional('p-kees', U.kees, ['expertise', 'thinkAlong'],
        'Brengt kennis mee over wat de gemeente kan doen bij het huishouden en bij meedoen in de wijk.'),
    ],
    consents: [
      {
        id: 'c-1',
        subject: 'samenwerkwijze',
        date: '2026-10-15',
        how: 'verbal',
        recordedByUserId: U.esra,
      },
      {
        id: 'c-2',
        subject: 'meeting',
        participantIds: ['p-daughter', 'p-neighbour', 'p-esra', 'p-priya', 'p-anouk', 'p-kees'],
        date: '2026-10-15',
        how: 'verbal',
        recordedByUserId: U.esra,
        note: 'Henk wil het overleg bij hem thuis, in de ochtend.',
      },
      {
        id: 'c-3',
        subject: 'sharePlan',
        participantIds: ['p-daughter', 'p-priya', 'p-anouk', 'p-kees'],
        date: '2026-10-27',
        how: 'written',
        recordedByUserId: U.esra,
        note: 'Abdel krijgt alleen de afspraak die over hem gaat, niet het hele plan.',
      },
    ],
    meetings: [
      {
        id: 'm-1',
        start: '2026-10-27T10:00:00+01:00',
        durationMinutes: 90,
        location: { kind: 'home' },
        goal: 'Met de inwoner afspreken hoe hij weer mensen om zich heen krijgt, zich thuis goed redt en grip krijgt op de papieren.',
        status: 'held',
      },
      {
        id: 'm-2',
        start: '2026-11-26T14:00:00+01:00',
        durationMinutes: 60,
        location: { kind: 'home' },
        goal: 'Evaluatie: samen terugkijken op de afspraken en bepalen wat er nog nodig is.',
        status: 'planned',
      },
    ],
    agreements: [
      {
        id: 'a-1',
        who: 'p-anouk',
        what: "Start met een vaste ochtendronde: hulp bij wassen en aankleden, en samen de medicijnen klaarzetten.",
        due: '2026-11-06',
        wantId: 'w-2',
        status: 'done',
        createdAt: '2026-10-27T10:10:00Z',
      },
      {
        id: 'a-2',
        who: 'p-neighbour',
        what: 'Gaat elke dinsdag met Henk naar de koffieochtend in Wijkpunt De Kompaan.',
        due: '2026-11-03',
        wantId: 'w-1',
        status: 'done',
        createdAt: '2026-10-27T10:12:00Z',
      },
      {
        id: 'a-3',
        who: 'p-kees',
        what: 'Regelt samen met Henk hulp bij het huishouden, een ochtend per week.',
        due: '2026-11-20',
        wantId: 'w-2',
        status: 'done',
        createdAt: '2026-10-27T10:15:00Z',
      },
      {
        id: 'a-4',
        who: 'p-esra',
        what: 'Zoekt met Henk een vrijwilliger voor de thuisadministratie en is bij het eerste gesprek.',
        due: '2026-11-13',
        wantId: 'w-3',
        status: 'open',
        createdAt: '2026-10-27T10:18:00Z',
      },
      {
        id: 'a-5',
        who: 'p-kees',
        what: 'Zoekt uit of Henk vanaf januari mee kan doen in de klussenwerkplaats van de wijk en laat het hem voor de uiterlijke datum weten.',
        due: '2026-12-04',
        wantId: 'w-1',
        perspectiveOnly: true,
        perspectiveNote: 'Voor de uiterlijke datum weet Henk of hij in januari kan beginnen, of wanneer er wel plek is.',
        status: 'open',
        createdAt: '2026-10-27T10:22:00Z',
      },
    ],
    caseDirection: { caseDirectorParticipantId: 'p-esra', processDirectorNeeded: false, aveLevel: 2 },
    log: [
      { at: '2026-10-15T09:30:00Z', byUserId: U.esra, action: 'plan.created' },
      { at: '2026-10-15T09:45:00Z', byUserId: U.esra, action: 'consent.recorded' },
      { at: '2026-10-15T10:05:00Z', byUserId: U.esra, action: 'meeting.planned' },
      { at: '2026-10-27T10:25:00Z', byUserId: U.priya, action: 'agreements.recorded' },
      { at: '2026-10-27T10:35:00Z', byUserId: U.priya, action: 'meeting.held' },
      { at: '2026-10-27T13:00:00Z', byUserId: U.esra, action: 'plan.shared' },
      { at: '2026-11-03T16:20:00Z', byUserId: U.esra, action: 'agreement.done' },
      { at: '2026-11-06T11:05:00Z', byUserId: U.anouk, action: 'agreement.done' },
      { at: '2026-11-18T15:40:00Z', byUserId: U.kees, action: 'agreement.done' },
      { at: '2026-11-19T14:00:00Z', byUserId: U.esra, action: 'wellbeing.recorded' },
      { at: '2026-11-19T14:05:00Z', byUserId: U.esra, action: 'meeting.planned' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The area team's library

function planItem(id: string, plan: SeedPlan, lastModifiedDateTime: string): DemoDriveItem {
  return {
    id,
    name: `${plan.caseAlias}.json`,
    folder: PLAN_FOLDER,
    mimeType: 'application/json',
    createdDateTime: plan.createdAt,
    lastModifiedDateTime,
    createdByUserId: plan.caseDirectorUserId,
    lastModifiedByUserId: plan.caseDirectorUserId,
    version: 1,
    content: JSON.stringify(plan, null, 2),
  };
}

/**
 * A fresh, deep copy of the demo tenant's initial state: callers may mutate it freely. Without `now` the seed
 * stands as written (its anchor week, see seedTime.ts); with `now` every date moves by whole weeks into the
 * week of `now`, so the demo's SO is always ahead and its history always behind.
 */
export function createSeed(now?: Date): DemoTenantState {
  // withWorkplace (seedWorkplace.ts) adds the area team's groups, the mailboxes with their calendars, the plan
  // shares and the Planner plan.
  return shiftSeed(writtenSeed(), now ? seedWeekShift(now) : 0);
}

function writtenSeed(): DemoTenantState {
  return withWorkplace({
    version: DEMO_STATE_VERSION,
    tenant: { ...TENANT },
    organisations: buildOrganisations(),
    users: buildUsers(),
    areas: buildAreas(),
    planDrive: {
      id: DEMO_PLAN_DRIVE_ID,
      name: 'Samenwerkplannen Wijkteam Noord',
      items: [
        planItem('01QWXKRMZPLHTVDNEJSBAFYGOCUIRKZQWM', planCase014(), '2026-11-19T09:55:00Z'),
        planItem('01HTVMQZWKEJRPLSDNXOBCAGFYUZKRWQTE', planCase021(), '2026-11-19T14:05:00Z'),
      ],
    },
  });
}
