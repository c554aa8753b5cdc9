// The Outlook add-in surfaces (appointment organizer compose / attendee read), through Office.js.
// Office.js comes from Microsoft's CDN; outside Outlook (or offline) the page must not wait for it.
import type { Host, HostCapabilities, HostTheme, Surface } from '../app/hostPort';

type OfficeGlobal = typeof Office;

function officeScript(): HTMLScriptElement | null {
  return document.querySelector<HTMLScriptElement>('script[src*="office.js"]');
}

/** Resolves Office once the script has loaded and Office is ready; undefined when it never comes. */
export function waitForOffice(timeoutMs: number): Promise<OfficeGlobal | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    const done = (value: OfficeGlobal | undefined) => { clearTimeout(timer); resolve(value); };
    const ready = () => {
      const office = (window as { Office?: OfficeGlobal }).Office;
      if (!office) return done(undefined);
      office.onReady().then((info) => done(info.host ? office : undefined), () => done(undefined));
    };
    if ((window as { Office?: OfficeGlobal }).Office) return ready();
    const script = officeScript();
    if (!script) return done(undefined);
    script.addEventListener('load', ready, { once: true });
    script.addEventListener('error', () => done(undefined), { once: true });
  });
}

export function officeTheme(office: OfficeGlobal): HostTheme {
  const background = office.context.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return 'light';
  const hex = background.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}

/** Office decides nested app auth by requirement set (NestedAppAuth 1.1); an add-in has no meeting APIs. */
export function officeCapabilities(office: Pick<OfficeGlobal, 'context'>): HostCapabilities {
  let nestedAppAuth = false;
  try {
    nestedAppAuth = office.context.requirements?.isSetSupported('NestedAppAuth', '1.1') ?? false;
  } catch {
    nestedAppAuth = false;
  }
  return { nestedAppAuth, meeting: false, stageShare: false };
}

export function addinSurface(search: string): Surface {
  return new URLSearchParams(search).get('mode') === 'attendee' ? 'addinAttendee' : 'addinOrganizer';
}

export function createOfficeHost(office: OfficeGlobal, surface: Surface): Host {
  const info: Host['info'] = { kind: 'outlookAddin', surface, theme: officeTheme(office), hostName: String(office.context.diagnostics?.host ?? 'Outlook') };
  const upn = office.context.mailbox?.userProfile?.emailAddress;
  if (upn) info.loginHint = upn;
  info.capabilities = officeCapabilities(office);
  const language = office.context.displayLanguage;
  if (language) info.locale = language;
  return {
    info,
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
    onThemeChange: () => () => undefined,
  };
}
