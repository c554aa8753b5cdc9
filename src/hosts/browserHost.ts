// A plain browser: the theme follows the operating system, there is nobody to notify.
import type { Host, HostTheme, Surface } from '../app/hostPort';

export function browserTheme(media: (query: string) => MediaQueryList = (q) => window.matchMedia(q)): HostTheme {
  if (media('(forced-colors: active)').matches) return 'contrast';
  return media('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function createBrowserHost(surface: Surface): Host {
  return {
    info: { kind: 'browser', surface, theme: browserTheme() },
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
    onThemeChange(listener) {
      const queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) => window.matchMedia(q));
      const onChange = () => listener(browserTheme());
      queries.forEach((q) => q.addEventListener('change', onChange));
      return () => queries.forEach((q) => q.removeEventListener('change', onChange));
    },
  };
}
