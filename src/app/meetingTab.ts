// The meeting tab's configuration: which case's SO this Teams meeting runs; and the case's stage view, the
// page Teams shows on the meeting stage when the chair shares it from the side panel.
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

/**
 * The absolute URL of the case's read-only stage view (`surface=stage`, src/ui/meeting/meetingChoice.ts). Same
 * page and origin as the tab's contentUrl, so it lies inside the manifest's valid domains, which Teams requires
 * of a URL shared to the stage.
 */
export function stageViewUrl(caseAlias: string, origin: string): string {
  return `${origin}/index.html?surface=stage&case=${encodeURIComponent(caseAlias)}`;
}
