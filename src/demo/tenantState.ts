// The demo tenant's whole state: what a small Microsoft 365 tenant of one municipality would hold.
// It is plain data so it can be persisted in IndexedDB and reset to the seed at any time.

export const DEMO_STATE_VERSION = 1;

export type PersonaRole = 'caseDirector' | 'chair' | 'participant';

export interface DemoOrganisation {
  id: string;
  name: string;
  /** welzijn, ggz, woningcorporatie, schuldhulp, wijkverpleging, gemeente */
  kind: 'gemeente' | 'welzijn' | 'ggz' | 'woningcorporatie' | 'schuldhulp' | 'wijkverpleging';
}

export interface DemoUser {
  id: string; // GUID, as Entra object ids are
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  companyName: string; // the organisation's name
  organisationId: string;
  officeLocation: string;
  areaId: string;
  /** The demo offers these users in the persona switcher. */
  persona?: PersonaRole;
}

export interface DemoArea {
  id: string;
  name: string; // a neighbourhood (wijk) of the municipality
  championUserId: string; // gebiedsaanjager / wijkaanjager
}

export interface DemoDriveItem {
  id: string;
  name: string;
  /** Folder path below the drive root, without leading slash, e.g. "Samenwerkplannen". */
  folder: string;
  mimeType: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdByUserId: string;
  lastModifiedByUserId: string;
  /** Incremented on every write; the eTag is derived from it. */
  version: number;
  content: string;
  /** The document library's columns (Graph: listItem fields); set by the app, derived for the seed. */
  fields?: Record<string, string | number | boolean | null>;
}

export interface DemoDrive {
  id: string;
  name: string;
  items: DemoDriveItem[];
}

export interface DemoTenantState {
  version: typeof DEMO_STATE_VERSION;
  tenant: { id: string; displayName: string; municipality: string; domain: string };
  organisations: DemoOrganisation[];
  users: DemoUser[];
  areas: DemoArea[];
  /** The area team's document library holding the Samenwerkplannen. */
  planDrive: DemoDrive;
}
