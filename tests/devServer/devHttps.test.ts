// `npm start` serves https with office-addin-dev-certs' development certificate, never asks for a
// password, and falls back to http with a clear message. The certificate made here is real: an https
// server with it answers a client that trusts only the development CA.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
interface Tls { server: 'http' | { type: 'https'; options: { ca: Buffer; cert: Buffer; key: Buffer } }; messages: string[] }
const { devServerOption } = require('../../scripts/dev-https.js') as {
  devServerOption(options: { env?: Record<string, string>; paths?: Record<string, string>; generate?: (p: Record<string, string>) => Promise<void>; verify?: () => boolean }): Promise<Tls>;
};

const dir = mkdtempSync(path.join(tmpdir(), 'so-dev-certs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const paths = {
  caCertificatePath: path.join(dir, 'certs', 'ca.crt'),
  localhostCertificatePath: path.join(dir, 'certs', 'localhost.crt'),
  localhostKeyPath: path.join(dir, 'certs', 'localhost.key'),
};

function get(port: number, ca: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: 'localhost', port, path: '/', ca }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
  });
}

describe('the dev server certificate', () => {
  it('makes a localhost certificate once and serves https that a client trusting the dev CA accepts', async () => {
    let generated = 0;
    const generate = async (p: Record<string, string>) => {
      generated++;
      const certs = require('office-addin-dev-certs') as { generateCertificates(ca: string, cert: string, key: string, days: number, domains: string[]): Promise<void> };
      await certs.generateCertificates(p.caCertificatePath!, p.localhostCertificatePath!, p.localhostKeyPath!, 30, ['127.0.0.1', 'localhost']);
    };
    const first = await devServerOption({ env: {}, paths, generate, verify: () => true });
    expect(first.server).not.toBe('http');
    expect(first.messages.join('\n')).toMatch(/Made a development certificate/);
    const again = await devServerOption({ env: {}, paths, generate, verify: () => true });
    expect(generated).toBe(1); // still valid: reused, not remade
    expect(again.messages).toEqual([]);

    const { options } = first.server as Exclude<Tls['server'], 'http'>;
    const server = createServer({ cert: options.cert, key: options.key }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      expect(await get(port, options.ca)).toBe(200);
    } finally {
      server.close();
    }
  }, 60_000);

  it('says how to trust the certificate when the system does not, and still serves https', async () => {
    const result = await devServerOption({ env: {}, paths, generate: async () => { throw new Error('not reached'); }, verify: () => false });
    expect(result.server).not.toBe('http');
    expect(result.messages.join('\n')).toMatch(/npm run certs:install/);
    const failing = await devServerOption({ env: {}, paths, verify: () => { throw new Error('no trust store'); } });
    expect(failing.messages.join('\n')).toMatch(/does not trust/);
  });

  it('serves http when asked (DEV_HTTP=1) or when no certificate can be made', async () => {
    expect((await devServerOption({ env: { DEV_HTTP: '1' }, paths })).server).toBe('http');
    const broken = await devServerOption({
      env: {},
      paths: { ...paths, localhostCertificatePath: path.join(dir, 'missing', 'x.crt') },
      generate: async () => { throw new Error('read-only home'); },
      verify: () => true,
    });
    expect(broken.server).toBe('http');
    expect(broken.messages.join('\n')).toMatch(/read-only home.*plain http/);
  });
});
