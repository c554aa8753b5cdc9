// Who to turn to when someone refuses to join an SO: the area champion (gebiedsaanjager) per area.
// Graph has no such role, so it comes from configuration (AREA_CHAMPIONS) or the demo tenant's seed.
export interface AreaChampion {
  areaId: string;
  areaName: string;
  name: string;
  email: string;
}

export interface AreaChampionPort {
  championFor(areaId: string | undefined): AreaChampion | undefined;
  all(): AreaChampion[];
}

/** Parses AREA_CHAMPIONS: "areaId|Area name|Full Name|mail@org.nl" entries separated by ";". Bad entries are skipped and returned. */
export function parseAreaChampions(text: string): { champions: AreaChampion[]; rejected: string[] } {
  const champions: AreaChampion[] = [];
  const rejected: string[] = [];
  for (const raw of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [areaId, areaName, name, email] = raw.split('|').map((s) => s.trim());
    if (areaId && areaName && name && email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) champions.push({ areaId, areaName, name, email });
    else rejected.push(raw);
  }
  return { champions, rejected };
}

export function areaChampionsFrom(champions: AreaChampion[]): AreaChampionPort {
  return {
    championFor: (areaId) => champions.find((c) => c.areaId === areaId),
    all: () => [...champions],
  };
}
