// The plan document store: a versioned document per case, written only against the version we read.

export interface StoredDocument {
  /** The document, serialised (JSON for a Samenwerkplan). */
  content: string;
  /** The version we read; pass it back to write. */
  eTag: string;
}

export interface PlanShare {
  /** The permission to revoke later; record it in the plan's log. */
  permissionId: string;
}

export interface PlanStorePort {
  read(documentId: string): Promise<StoredDocument>;
  /**
   * Reads the document only when it is no longer at `eTag` (undefined: unchanged). The live run polls every
   * few seconds; an unchanged plan then costs one small metadata request, not the whole document.
   * Optional: a store without it is read in full and compared.
   */
  readIfChanged?(documentId: string, eTag: string): Promise<StoredDocument | undefined>;
  /**
   * Writes only when the document is still at `eTag`. Fails with 'graph-precondition-failed' when
   * someone else wrote first: reload, merge, write again (see app/savePlan.ts).
   */
  write(documentId: string, content: string, eTag: string): Promise<{ eTag: string }>;
  /** Read-only, sign-in required, invitation mail sent with the message. */
  share(documentId: string, recipient: { email: string }, message: string): Promise<PlanShare>;
  /** Removes the permission. Resolves with alreadyGone when it no longer existed (the goal is met). */
  revoke(documentId: string, permissionId: string): Promise<{ alreadyGone: boolean }>;
  /**
   * The roles of every permission on the document that applies to the user (granted to them, to a group,
   * inherited from the library, a link they used), as the drive reports them: the source of what they may do
   * (domain planRights). A store without rights (a test's memory store) leaves it out: everyone edits.
   */
  rolesOf?(documentId: string, userId: string): Promise<string[]>;
}
