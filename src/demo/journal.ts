// The request journal: what the app sent to Graph and what it got back, one entry per served request
// (batch sub-requests included). Never holds the Authorization header or any token.
//
// This module is for Node (the Vitest setup appends entries to the file named by GRAPH_JOURNAL). The browser
// chunk imports only its types, so node:fs never reaches the bundle.
import { appendFileSync } from 'node:fs';

/** The request headers the journal keeps: those that change Graph's behaviour. */
export type JournaledHeader = 'if-match' | 'prefer' | 'consistencylevel' | 'content-type';

export interface JournalEntry {
  /** When the tenant served it (ISO). */
  at: string;
  /** The request-id the tenant answered with. */
  requestId: string;
  method: string;
  url: string;
  /** The persona (user id) the demo token named; empty when the request had no valid token. */
  userId: string;
  headers: Partial<Record<JournaledHeader, string>>;
  /** The parsed JSON body; for a body that is not JSON (file content), only its length. */
  requestBody?: unknown;
  requestBodyLength?: number;
  /** 0 when the client got no answer (offline, lost response). */
  status: number;
  responseBody?: unknown;
  responseBodyLength?: number;
  /** Set on $batch sub-requests: the batch's request-id and the sub-request's id. */
  batch?: { requestId: string; id: string };
  /** Set when an injected fault decided the answer. */
  fault?: string;
  /** Contract violations found in this exchange. */
  contractViolations?: string[];
}

/** Appends each entry as one JSON line to `file` (Node only). */
export function createJournalFileSink(file: string): (entry: JournalEntry & Record<string, unknown>) => void {
  return (entry) => {
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  };
}
