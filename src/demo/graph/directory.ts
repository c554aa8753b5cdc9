// Lookups every route shares: users by address, mailboxes, group membership.
import type { DemoEmailAddress, DemoMailbox, DemoTenantState, DemoUser } from '../tenantState';

export const DEFAULT_MAILBOX_TIME_ZONE = 'W. Europe Standard Time';

/** The tenant user behind an SMTP address or UPN (case-insensitive), if any. */
export function userByAddress(state: DemoTenantState, address: string | undefined): DemoUser | undefined {
  if (!address) return undefined;
  const key = address.trim().toLowerCase();
  return state.users.find((u) => u.mail.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
}

export function userById(state: DemoTenantState, id: string | undefined): DemoUser | undefined {
  return id ? state.users.find((u) => u.id === id) : undefined;
}

/** The user's mailbox; every tenant user has one (created on first use for users added later). */
export function mailboxOf(state: DemoTenantState, userId: string): DemoMailbox {
  let mailbox = state.mailboxes[userId];
  if (!mailbox) {
    mailbox = { userId, timeZone: DEFAULT_MAILBOX_TIME_ZONE, events: [], messages: [] };
    state.mailboxes[userId] = mailbox;
  }
  return mailbox;
}

export function emailAddressOf(user: DemoUser): DemoEmailAddress {
  return { name: user.displayName, address: user.mail };
}

export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  return Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
}

export function isGroupMember(state: DemoTenantState, groupId: string | undefined, userId: string): boolean {
  return Boolean(groupId && state.groups.find((g) => g.id === groupId)?.memberIds.includes(userId));
}

/** identitySet.user as Graph writes it for a tenant user. */
export function userIdentity(state: DemoTenantState, userId: string): { user: { id: string; displayName: string } } {
  return { user: { id: userId, displayName: userById(state, userId)?.displayName ?? 'Onbekend' } };
}
