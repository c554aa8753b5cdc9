// The task board (Planner): a mirror of the agreements owned by professionals in the tenant.
import type { AppError } from '../errors';

export interface TaskUpsert {
  /** The app's stable id for the agreement; results come back under it. */
  key: string;
  planId: string;
  bucketId: string;
  /** Case alias + what; never personal details. */
  title: string;
  /** ISO 8601 (date-time with offset). */
  dueDateTime?: string;
  /** Assign these users (directory ids; people in the tenant only). */
  assigneeUserIds: string[];
  /** Unassign these users (on an update). */
  unassignUserIds?: string[];
  percentComplete?: number;
  /** Set for an existing task: updated with If-Match on etag. Absent: the task is created. */
  taskId?: string;
  etag?: string;
}

export type TaskUpsertResult =
  | { key: string; ok: true; taskId: string; etag: string; created: boolean }
  | { key: string; ok: false; error: AppError };

/** A task as the board has it now (read back for the mirror and for "my agreements"). */
export interface BoardTask {
  taskId: string;
  /** Pass back to update it (If-Match). */
  etag: string;
  title: string;
  /** 0–100; 100 = done. */
  percentComplete: number;
  /** ISO 8601 instant. */
  dueDateTime?: string;
  assigneeUserIds: string[];
  planId: string;
  /** Absent for a task outside any bucket. */
  bucketId?: string;
}

export interface TaskBoardPort {
  /** The bucket named after the case alias, created when missing. */
  ensureBucket(planId: string, caseAlias: string): Promise<{ bucketId: string }>;
  /**
   * Creates or updates tasks, 20 per round trip. Every item gets a result: successes carry the
   * task id and new etag (store them next to the agreement), failures a typed error.
   */
  upsertTasks(items: TaskUpsert[]): Promise<TaskUpsertResult[]>;
  /** Every task in the bucket (all pages). */
  listBucketTasks(bucketId: string): Promise<BoardTask[]>;
  /** Every task assigned to me, in any plan I can see (all pages). */
  listMyTasks(): Promise<BoardTask[]>;
  /** Marks the task done (100 %); re-reads the etag once when it changed meanwhile. */
  completeTask(taskId: string, etag: string): Promise<{ etag: string }>;
}
