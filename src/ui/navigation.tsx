// The route as React state, backed by the browser's history: a screen reads `route` and calls `navigate`;
// Back/Forward (popstate) and links land on the same state. Without a provider (component tests, the stage)
// a screen keeps its route in its own state, as before there was a URL.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { formatRoute, parseRoute, sameRoute } from './route';
import type { Route } from './route';

export interface Navigation {
  route: Route;
  /** Pushes a history entry (Back returns here); `replace` corrects the current one instead. */
  navigate(route: Route, options?: { replace?: boolean }): void;
}

const NavigationContext = createContext<Navigation | undefined>(undefined);

/** The history the provider writes to; the browser's by default, a fake in tests. */
export interface HistoryLike {
  readonly location: { search: string; pathname: string; hash: string };
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

function browserHistory(): HistoryLike {
  return {
    location: window.location,
    pushState: (data, unused, url) => window.history.pushState(data, unused, url),
    replaceState: (data, unused, url) => window.history.replaceState(data, unused, url),
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  };
}

export function NavigationProvider({ children, initial, history }: { children: ReactNode; initial?: Route; history?: HistoryLike }) {
  const [source] = useState(() => history ?? browserHistory());
  const [route, setRoute] = useState<Route>(() => {
    const fromUrl = parseRoute(source.location.search);
    if (initial && !sameRoute(initial, fromUrl)) {
      // A Teams deep link named the route: put it in the address, so a reload and Back agree with the screen.
      const { pathname, search, hash } = source.location;
      source.replaceState(null, '', `${pathname}${formatRoute(initial, search)}${hash}`);
      return initial;
    }
    return fromUrl;
  });

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(source.location.search));
    source.addEventListener('popstate', onPop);
    return () => source.removeEventListener('popstate', onPop);
  }, [source]);

  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const { pathname, search, hash } = source.location;
    const url = `${pathname}${formatRoute(next, search)}${hash}`;
    if (sameRoute(next, parseRoute(search))) {
      setRoute(next);
      return;
    }
    if (options?.replace) source.replaceState(null, '', url);
    else source.pushState(null, '', url);
    setRoute(next);
  }, [source]);

  const value = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/** The route and a way to change it; `fallback` is the starting route when no provider is mounted. */
export function useNavigation(fallback: Route): Navigation {
  const context = useContext(NavigationContext);
  const [local, setLocal] = useState<Route>(fallback);
  const navigateLocally = useCallback((next: Route) => setLocal(next), []);
  return useMemo(() => context ?? { route: local, navigate: navigateLocally }, [context, local, navigateLocally]);
}
