// Test-only helpers: a fresh demo tenant on its own in-memory IndexedDB, and a terse way to call it as a persona.
// Imported by tests only, never by the app.
import { IDBFactory } from 'fake-indexeddb';
import { openKvStore } from '../storage/kvStore';
import { createDemoTenant, demoTokenFor } from './demoTenant';
import type { DemoTenant, DemoTenantOptions } from './demoTenant';
import type { TenantResponse } from './graph/http';
import { createSeed } from './seed';
import type { DemoUser } from './tenantState';

/** Sunday 22 November 2026, 09:00 in Amsterdam: the demo's "today". */
export const DEMO_NOW = new Date('2026-11-22T09:00:00+01:00');

export const seedUsers = createSeed().users;

export function user(mailPrefix: string): DemoUser {
  const found = seedUsers.find((u) => u.mail.startsWith(mailPrefix));
  if (!found) throw new Error(`no seed user ${mailPrefix}`);
  return found;
}

/** The personas and the people the stories use. */
export const people = {
  esra: user('esra.aydin'), // case director (library member)
  priya: user('p.ramdin'), // chair (library member)
  bram: user('bram.hoekstra'), // participant (GGZ, not a library member)
  kees: user('k.brouwer'),
  anouk: user('anouk.peeters'),
  wouter: user('wouter.dijkman'),
  kofi: user('kofi.mensah'),
  sem: user('sem.degraaf'), // works in Oude Haven: not in the Noord groups
};

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestTenant {
  tenant: DemoTenant;
  /** Calls the tenant as the user (a path below /v1.0, with its query). */
  call(as: DemoUser | string, method: string, path: string, options?: CallOptions): Promise<TenantResponse>;
  now: { value: Date };
}

export function createTestTenant(options: Partial<Omit<DemoTenantOptions, 'kv' | 'now'>> & { now?: Date } = {}): TestTenant {
  const clock = { value: options.now ?? DEMO_NOW };
  const tenant = createDemoTenant({
    ...options,
    kv: openKvStore(`demo-test-${Math.random().toString(36).slice(2)}`, new IDBFactory()),
    now: () => clock.value,
  });
  return {
    tenant,
    now: clock,
    call: (as, method, path, { body, headers = {} } = {}) => {
      const token = typeof as === 'string' ? as : demoTokenFor(as.id);
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      const all: Record<string, string> = { authorization: `Bearer ${token}`, ...headers };
      if (body !== undefined && typeof body !== 'string' && !Object.keys(all).some((k) => k.toLowerCase() === 'content-type')) all['content-type'] = 'application/json';
      return tenant.handle({ method, url: new URL(`https://graph.microsoft.com/v1.0${path}`), headers: new Headers(all), body: text });
    },
  };
}

/** The JSON body of a response, typed loosely for assertions. */
export function bodyOf<T = Record<string, unknown>>(response: TenantResponse): T {
  return response.body as T;
}
