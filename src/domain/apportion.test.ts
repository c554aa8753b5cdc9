import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion';

describe('apportion', () => {
  it('splits by weight and gives leftover minutes to the largest remainders', () => {
    expect(apportion(10, [1, 1, 1], [0, 0, 0])).toEqual([4, 3, 3]);
    expect(apportion(10, [3, 1], [1, 1])).toEqual([7, 3]);
  });

  it('refuses a total below the minimums', () => {
    expect(() => apportion(2, [1, 1, 1], [1, 1, 1])).toThrow(RangeError);
  });

  it('always sums exactly to the total and respects every minimum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 5 })), { minLength: 1, maxLength: 15 }),
        fc.nat({ max: 1000 }),
        (parts, extra) => {
          const weights = parts.map(([w]) => w);
          const minimums = parts.map(([, m]) => m);
          const total = minimums.reduce((a, b) => a + b, 0) + extra;
          const shares = apportion(total, weights, minimums);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => {
            expect(Number.isInteger(s)).toBe(true);
            expect(s).toBeGreaterThanOrEqual(minimums[i]!);
          });
        },
      ),
    );
  });
});
