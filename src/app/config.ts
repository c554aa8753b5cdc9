// Build-time configuration (webpack DefinePlugin). No client id means there is no tenant: demo mode.
declare const __APP_CONFIG__: Partial<AppConfig> | undefined;

export interface AppConfig {
  clientId: string;
  tenantId: string;
  /** The area team's document library with the Samenwerkplannen; empty = the user's OneDrive. */
  planDriveId: string;
  municipality: string;
  /** AREA_CHAMPIONS: "areaId|Area name|Full Name|mail" entries separated by ";". */
  areaChampions: string;
  /** PLANNER_PLAN_ID: the area team's Planner plan for the agreements; empty = no Planner mirror. */
  plannerPlanId: string;
}

export type RunMode = 'demo' | 'tenant';

export function readAppConfig(): AppConfig {
  const compiled = typeof __APP_CONFIG__ === 'undefined' ? {} : __APP_CONFIG__;
  return {
    clientId: compiled.clientId ?? '',
    tenantId: compiled.tenantId ?? '',
    planDriveId: compiled.planDriveId ?? '',
    municipality: compiled.municipality ?? '',
    areaChampions: compiled.areaChampions ?? '',
    plannerPlanId: compiled.plannerPlanId ?? '',
  };
}

/** Demo mode: no tenant configured, or explicitly asked for with ?demo=1 outside a Microsoft 365 host. */
export function chooseRunMode(config: AppConfig, search: string, inMicrosoftHost: boolean): RunMode {
  if (!config.clientId) return 'demo';
  const asked = new URLSearchParams(search).get('demo') === '1';
  return asked && !inMicrosoftHost ? 'demo' : 'tenant';
}
