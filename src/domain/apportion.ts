// Splitting whole minutes: every share gets its minimum, the rest goes by weight using the largest
// remainder method in integer arithmetic, so the shares always add up to the total exactly.

/**
 * Integer shares of `total`, each at least its minimum, the rest proportional to `weights` (whole numbers).
 * Ties in the remainder go to the earlier share. Requires `total >= sum(minimums)`.
 */
export function apportion(total: number, weights: readonly number[], minimums: readonly number[]): number[] {
  const floor = minimums.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || total < floor) throw new RangeError(`cannot split ${total} over minimums summing to ${floor}`);
  const spare = total - floor;
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const effective = weightSum > 0 ? weights : weights.map(() => 1);
  const divisor = weightSum > 0 ? weightSum : weights.length;
  const shares = effective.map((w) => Math.floor((spare * w) / divisor));
  let left = spare - shares.reduce((a, b) => a + b, 0);
  const order = effective
    .map((w, i) => ({ i, remainder: (spare * w) % divisor }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares.map((share, i) => share + (minimums[i] ?? 0));
}
