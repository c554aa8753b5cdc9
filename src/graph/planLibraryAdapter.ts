// The Samenwerkplannen live as JSON documents in a document library. The case list is read from
// the library's columns (listItem fields), so listing never opens a plan document.
import { isCaseStatus } from '../domain';
import type { CaseSummary } from '../domain';
import type { CaseIndexPort, CaseListEntry, NewCaseDocument } from '../app/ports';
import type { GraphRequester } from './graphClient';

export const PLAN_FOLDER = 'Samenwerkplannen';

/** The library columns that carry the case summary. */
interface CaseFields {
  SOCaseAlias?: string;
  SOStatus?: string;
  SONextMeeting?: string | null;
  SOOpenAgreements?: number;
}

interface GraphDriveItem {
  id: string;
  name: string;
  lastModifiedDateTime: string;
  file?: unknown;
  listItem?: { fields?: CaseFields };
}

const FIELD_NAMES = 'SOCaseAlias,SOStatus,SONextMeeting,SOOpenAgreements';

export function driveBase(planDriveId: string): string {
  return planDriveId ? `/drives/${encodeURIComponent(planDriveId)}` : '/me/drive';
}

export function toCaseEntry(item: GraphDriveItem): CaseListEntry | undefined {
  const fields = item.listItem?.fields ?? {};
  const caseAlias = fields.SOCaseAlias ?? item.name.replace(/\.json$/, '');
  if (!item.file || !item.name.endsWith('.json')) return undefined;
  const entry: CaseListEntry = {
    documentId: item.id,
    caseAlias,
    status: isCaseStatus(fields.SOStatus) ? fields.SOStatus : 'draft',
    openAgreements: typeof fields.SOOpenAgreements === 'number' ? fields.SOOpenAgreements : 0,
    lastModified: item.lastModifiedDateTime,
  };
  if (fields.SONextMeeting) entry.nextMeeting = fields.SONextMeeting;
  return entry;
}

export function createPlanLibraryAdapter(graph: GraphRequester, planDriveId: string): CaseIndexPort {
  const base = driveBase(planDriveId);
  return {
    async listCases() {
      const items = await graph.getAll<GraphDriveItem>(
        `${base}/root:/${PLAN_FOLDER}:/children?$select=id,name,file,lastModifiedDateTime&$expand=listItem($expand=fields($select=${FIELD_NAMES}))`,
      );
      return items.map(toCaseEntry).filter((c): c is CaseListEntry => c !== undefined);
    },

    async createCase({ summary, content }: NewCaseDocument) {
      const name = `${summary.caseAlias}.json`;
      // conflictBehavior=fail: a second case director choosing the same alias gets 409, not an overwrite.
      const item = await graph.put<GraphDriveItem>(
        `${base}/root:/${PLAN_FOLDER}/${encodeURIComponent(name)}:/content?@microsoft.graph.conflictBehavior=fail`,
        content,
        'application/json',
      );
      const fields = caseFields(summary);
      await graph.patch(`${base}/items/${encodeURIComponent(item.id)}/listItem/fields`, fields);
      const entry = toCaseEntry({ ...item, listItem: { fields } });
      if (!entry) throw new Error('created plan document is not a JSON file');
      return entry;
    },

    async updateSummary(documentId, summary) {
      await graph.patch(`${base}/items/${encodeURIComponent(documentId)}/listItem/fields`, caseFields(summary));
    },
  };
}

function caseFields(summary: CaseSummary): CaseFields {
  return {
    SOCaseAlias: summary.caseAlias,
    SOStatus: summary.status,
    SONextMeeting: summary.nextMeeting ?? null,
    SOOpenAgreements: summary.openAgreements,
  };
}
