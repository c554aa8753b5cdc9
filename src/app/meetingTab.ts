// The meeting tab's configuration: which case's SO this Teams meeting runs.
import type { TabConfig } from './hostPort';

export function meetingTabConfig(caseAlias: string, origin: string, displayName: string): TabConfig {
  const query = `surface=meeting&case=${encodeURIComponent(caseAlias)}`;
  return {
    entityId: `so-${caseAlias}`,
    contentUrl: `${origin}/index.html?${query}`,
    websiteUrl: `${origin}/index.html?${query}`,
    suggestedDisplayName: displayName,
  };
}
