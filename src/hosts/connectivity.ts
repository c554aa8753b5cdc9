// The browser's idea of being online: navigator.onLine and the online/offline events. "Online" only means
// the device has a network; Graph may still be unreachable, which the sync loop finds out by trying.
import type { Connectivity } from '../app/ports/local';

export function browserConnectivity(target: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator: Pick<Navigator, 'onLine'> } = window): Connectivity {
  return {
    isOnline: () => target.navigator.onLine !== false,
    onChange(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      target.addEventListener('online', online);
      target.addEventListener('offline', offline);
      return () => {
        target.removeEventListener('online', online);
        target.removeEventListener('offline', offline);
      };
    },
  };
}
