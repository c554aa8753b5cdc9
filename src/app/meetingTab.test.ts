import { describe, expect, it } from 'vitest';
import { meetingTabConfig } from './meetingTab';

describe('meetingTabConfig', () => {
  it('links the tab to the case by alias only', () => {
    expect(meetingTabConfig('SO-2026-014', 'https://so.example', 'SO SO-2026-014')).toEqual({
      entityId: 'so-SO-2026-014',
      contentUrl: 'https://so.example/index.html?surface=meeting&case=SO-2026-014',
      websiteUrl: 'https://so.example/index.html?surface=meeting&case=SO-2026-014',
      suggestedDisplayName: 'SO SO-2026-014',
    });
  });

  it('encodes whatever it is given', () => {
    expect(meetingTabConfig('a&b', 'https://x', 'n').contentUrl).toBe('https://x/index.html?surface=meeting&case=a%26b');
  });
});
