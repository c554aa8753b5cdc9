import { describe, expect, it, vi } from 'vitest';
import { createHandoutFromUrl } from './handoutFile';

describe('createHandoutFromUrl', () => {
  it('reads the PDF once as base64', async () => {
    const fetchFn = vi.fn(async () => new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { status: 200 }));
    const handout = createHandoutFromUrl('/h.pdf', fetchFn as unknown as typeof fetch);
    const file = await handout.load();
    expect(file).toEqual({ name: 'Samenwerkwijze - de vijf principes.pdf', contentType: 'application/pdf', bytesBase64: 'JVBERg==' });
    await handout.load();
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('fails with a code when the file is missing, and tries again next time', async () => {
    const fetchFn = vi.fn(async () => new Response('nee', { status: 404 }));
    const handout = createHandoutFromUrl('/h.pdf', fetchFn as unknown as typeof fetch);
    await expect(handout.load()).rejects.toMatchObject({ code: 'handout-missing', status: 404 });
    await expect(handout.load()).rejects.toMatchObject({ code: 'handout-missing' });
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });
});
