// The delegated Microsoft Graph permissions, listed once. The README explains each.
export const GRAPH_SCOPES = {
  /** Who am I: name, mail and job title for the header and as organiser. */
  profile: 'User.Read',
  /** Find colleagues to invite: people relevant to me, then the directory. */
  people: 'People.Read',
  directory: 'User.ReadBasic.All',
  /** Create the SO event with its attachment, read responses, accept, decline, forward. */
  calendars: 'Calendars.ReadWrite',
  /** Free/busy of invitees for findMeetingTimes and getSchedule. */
  calendarsShared: 'Calendars.Read.Shared',
  /** Escalation to the area champion and distribution of the completed plan. */
  mail: 'Mail.Send',
  /** Read and write the plan documents in the area team's library, and share them with participants. */
  files: 'Files.ReadWrite.All',
  /** Mirror agreements as Planner tasks. */
  tasks: 'Tasks.ReadWrite',
} as const;

/** Asked at sign-in; everything the first screen needs. Other scopes are asked when a feature needs them. */
export const SIGN_IN_SCOPES: readonly string[] = [GRAPH_SCOPES.profile, GRAPH_SCOPES.files];
