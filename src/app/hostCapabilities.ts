// Before a screen offers a meeting or stage action it asks the host whether it can; where it cannot,
// the user gets a Dutch explanation (error.host-lacks-…) instead of a button that fails.
import { AppError, type ErrorCode } from './errors';
import type { Host, HostCapabilities, HostInfo } from './hostPort';

export type HostCapability = 'meeting' | 'stageShare';

const NOTHING: HostCapabilities = { nestedAppAuth: false, meeting: false, stageShare: false };

export function capabilitiesOf(info: HostInfo): HostCapabilities {
  return info.capabilities ?? NOTHING;
}

const GAP: Record<HostCapability, ErrorCode> = {
  meeting: 'host-lacks-meeting',
  stageShare: 'host-lacks-stage-share',
};

/** Whether the host can do this; for stage sharing the stage API must also be wired. */
export function hostCan(host: Pick<Host, 'info' | 'stage'>, capability: HostCapability): boolean {
  const supported = capabilitiesOf(host.info)[capability];
  return capability === 'stageShare' ? supported && host.stage !== undefined : supported;
}

/** The error code whose Dutch message explains why this host cannot; undefined when it can. */
export function capabilityGap(host: Pick<Host, 'info' | 'stage'>, capability: HostCapability): ErrorCode | undefined {
  return hostCan(host, capability) ? undefined : GAP[capability];
}

/** Throws the explaining AppError when the host lacks the capability. */
export function requireCapability(host: Pick<Host, 'info' | 'stage'>, capability: HostCapability): void {
  const gap = capabilityGap(host, capability);
  if (gap) throw new AppError(gap, { detail: host.info.hostName ?? host.info.kind });
}
