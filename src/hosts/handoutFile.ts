// The hand-out PDF, served with the app (or the municipality's own, by configuration), read as base64
// for the invitation's attachment. Read once per session.
import { AppError } from '../app/errors';
import type { HandoutFile, HandoutPort } from '../app/ports';

export const DEFAULT_HANDOUT_URL = '/assets/handout/samenwerkwijze-principes.pdf';
export const HANDOUT_NAME = 'Samenwerkwijze - de vijf principes.pdf';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createHandoutFromUrl(url: string, fetchFn: typeof fetch = (input, init) => fetch(input, init)): HandoutPort {
  let file: Promise<HandoutFile> | undefined;
  const load = async (): Promise<HandoutFile> => {
    const response = await fetchFn(url).catch((cause: unknown) => { throw new AppError('network-offline', { cause }); });
    if (!response.ok) throw new AppError('handout-missing', { status: response.status, detail: url });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { name: HANDOUT_NAME, contentType: 'application/pdf', bytesBase64: toBase64(bytes) };
  };
  return {
    load() {
      file ??= load();
      file.catch(() => { file = undefined; });
      return file;
    },
  };
}
