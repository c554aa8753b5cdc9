// What the signed-in user may do with a plan: decided by what the drive reports for them, never by the screen
// or the persona. A plan shared read-only after the SO is read-only for its readers: no edit controls, and no
// edit that the drive would refuse (a 403 that never syncs).

export type PlanRights = 'edit' | 'read';

/** Drive roles that allow changing the document's content (driveItem permission `roles`). */
const WRITING_ROLES: ReadonlySet<string> = new Set(['write', 'owner', 'sp.owner', 'sp.member', 'sp.full control', 'sp.edit']);

export interface PlanRightsInput {
  /**
   * The roles of every permission the drive reports as applying to the user (their own, their groups',
   * inherited from the library). Undefined when the drive could not be asked (offline, service down); an empty
   * list counts the same (the drive named nothing the user holds, yet they could open the plan).
   */
  roles: readonly string[] | undefined;
  /** The user is the plan's case director (plan.caseDirectorUserId). */
  isCaseDirector: boolean;
  /** What the drive said the last time it could be asked, on this device. */
  lastKnown?: PlanRights;
}

/**
 * 'edit' when the drive grants a writing role; 'read' when it reports only reading roles — for the case director
 * too: the drive refuses their write all the same, so offering it would only queue an edit that cannot sync.
 * When the drive could not be asked, or listed nothing that applies to the user: what it said last time; else the
 * case director (who started the plan in the library) edits and anyone else reads until the drive says more.
 */
export function planRights(input: PlanRightsInput): PlanRights {
  // An empty list says nothing about the user (access through the site, not listed on the item): as unknown.
  if (input.roles !== undefined && input.roles.length > 0) return input.roles.some((r) => WRITING_ROLES.has(r.toLowerCase())) ? 'edit' : 'read';
  if (input.lastKnown !== undefined) return input.lastKnown;
  return input.isCaseDirector ? 'edit' : 'read';
}

/** Whether the user is the plan's case director (a read-only reader is told to ask them). */
export function isCaseDirectorOf(plan: { caseDirectorUserId: string }, userId: string | undefined): boolean {
  return userId !== undefined && plan.caseDirectorUserId === userId;
}
