import { describe, expect, it } from 'vitest';
import { servicesFor } from './servicesFor';

describe('servicesFor', () => {
  it('keeps the ports a test provides and makes every other port fail loudly', async () => {
    const services = servicesFor({ municipality: 'Maasveld' });
    expect(services.municipality).toBe('Maasveld');
    expect(() => services.mail.send({ to: [], subject: 's', html: '' })).toThrow('services.mail.send is not part of this test');
    // Awaiting a port must not treat it as a promise.
    await expect(Promise.resolve(services.plans)).resolves.toBe(services.plans);
  });
});
