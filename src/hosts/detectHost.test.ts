import { describe, expect, it } from 'vitest';
import { couldBeHosted } from './detectHost';

describe('couldBeHosted', () => {
  const top = {};

  it('is false for a top-level window without opener or native bridge', () => {
    expect(couldBeHosted({ parent: top, self: top, opener: null })).toBe(false);
  });

  it('is true in a frame, a popup, or a mobile host webview', () => {
    expect(couldBeHosted({ parent: {}, self: top, opener: null })).toBe(true);
    expect(couldBeHosted({ parent: top, self: top, opener: {} })).toBe(true);
    expect(couldBeHosted({ parent: top, self: top, opener: null, nativeInterface: {} })).toBe(true);
  });
});
