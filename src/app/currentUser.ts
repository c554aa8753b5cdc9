// Who is signed in, also offline: the outbox and the device's copy of the case list are kept per user, and
// a reload without a network must still find them. The directory answers when it can; otherwise the last
// user seen on this device stands in.
import type { Services } from './ports';

export const LAST_USER_KEY = 'session:lastUser';
export const UNKNOWN_USER = 'unknown';

export async function currentUserId(services: Pick<Services, 'directory' | 'local'>): Promise<string> {
  try {
    const me = await services.directory.me();
    await services.local.set(LAST_USER_KEY, { id: me.id }).catch(() => undefined);
    return me.id;
  } catch {
    const last = await services.local.get<{ id?: string }>(LAST_USER_KEY).catch(() => undefined);
    return typeof last?.id === 'string' && last.id !== '' ? last.id : UNKNOWN_USER;
  }
}
