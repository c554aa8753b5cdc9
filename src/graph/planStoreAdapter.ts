// The plan documents as drive items: content read and written with the eTag, shared read-only.
import type { PlanStorePort, StoredDocument } from '../app/ports';
import { AppError } from '../app/errors';
import type { GraphRequester } from './graphClient';
import { query, seg } from './odata';
import { driveBase } from './planLibraryAdapter';

interface GraphDriveItemVersion {
  id: string;
  eTag?: string | null;
  name?: string | null;
}

interface GraphIdentity {
  id?: string | null;
}

interface GraphPermission {
  id: string;
  roles?: string[] | null;
  grantedTo?: { user?: GraphIdentity | null } | null;
  grantedToV2?: { user?: GraphIdentity | null } | null;
  grantedToIdentitiesV2?: { user?: GraphIdentity | null }[] | null;
}

/**
 * Whether a permission the drive lists applies to the user. Graph lists every permission to the item's owners
 * and only the caller's own to anyone else; so a permission applies unless it names other people: one granted
 * to another user, or a link whose identities do not include the user. Group and inherited library
 * permissions come back to a non-owner only when they apply (and an owner writes anyway).
 */
export function appliesTo(permission: GraphPermission, userId: string): boolean {
  const user = permission.grantedToV2?.user ?? permission.grantedTo?.user;
  if (user?.id) return user.id === userId;
  const identities = permission.grantedToIdentitiesV2 ?? [];
  if (identities.some((i) => i.user?.id)) return identities.some((i) => i.user?.id === userId);
  return true;
}

export function createPlanStoreAdapter(graph: GraphRequester, planDriveId: string): PlanStorePort {
  const item = (documentId: string) => `${driveBase(planDriveId)}/items/${seg(documentId)}`;

  async function readFrom(documentId: string): Promise<StoredDocument>;
  async function readFrom(documentId: string, unlessETag: string): Promise<StoredDocument | undefined>;
  async function readFrom(documentId: string, unlessETag?: string): Promise<StoredDocument | undefined> {
    // The eTag first, then the content: if someone writes in between, our eTag is the older one and
    // our next write gets a 412 (and merges) instead of silently overwriting their change.
    const meta = await graph.get<GraphDriveItemVersion>(`${item(documentId)}${query({ $select: 'id,eTag,name' })}`);
    if (!meta.eTag) throw new AppError('graph-failed', { detail: 'drive item without eTag' });
    if (unlessETag !== undefined && meta.eTag === unlessETag) return undefined;
    const content = await graph.getText(`${item(documentId)}/content`);
    return { content, eTag: meta.eTag };
  }

  return {
    read: (documentId) => readFrom(documentId),

    async readIfChanged(documentId, eTag) {
      // The same small metadata request as a read's first step; the content only when the eTag moved.
      return readFrom(documentId, eTag);
    },

    async write(documentId, content, eTag) {
      // 412 becomes 'graph-precondition-failed': app/savePlan.ts reloads, merges and writes again.
      const written = await graph.put<GraphDriveItemVersion>(`${item(documentId)}/content`, content, 'application/json', { 'If-Match': eTag });
      if (!written?.eTag) throw new AppError('graph-failed', { detail: 'write answered without eTag' });
      return { eTag: written.eTag };
    },

    async share(documentId, recipient, message) {
      // Not retried on 503/504: sendInvitation would mail the person twice.
      const granted = await graph.post<{ value?: GraphPermission[] }>(`${item(documentId)}/invite`, {
        recipients: [{ email: recipient.email }],
        roles: ['read'],
        requireSignIn: true,
        sendInvitation: true,
        message,
      });
      const permissionId = granted?.value?.[0]?.id;
      if (!permissionId) throw new AppError('graph-failed', { detail: 'invite answered without a permission' });
      return { permissionId };
    },

    async rolesOf(documentId, userId) {
      const permissions = await graph.getAll<GraphPermission>(`${item(documentId)}/permissions`);
      return [...new Set(permissions.filter((p) => appliesTo(p, userId)).flatMap((p) => p.roles ?? []))];
    },

    async revoke(documentId, permissionId) {
      try {
        await graph.delete(`${item(documentId)}/permissions/${seg(permissionId)}`);
        return { alreadyGone: false };
      } catch (error) {
        // Revoking is about the end state: a permission that is gone already is what we wanted.
        if (error instanceof AppError && error.code === 'graph-not-found') return { alreadyGone: true };
        throw error;
      }
    },
  };
}
