import type { PostState } from '../state/post-state.js';
import { manifestEntryOf } from '../state/post-state.js';
import type { BodyFoundBy, PostStatus } from '../types.js';
import { viewPath } from './view-path.js';

/** One post as the report's table shows it: plain data, embedded in `report.html` as JSON. */
export interface ReportRow {
  id: string;
  url: string;
  title: string;
  status: PostStatus;
  /** Published date as the page gave it (ISO 8601); null when the post has no page to read it from. */
  date: string | null;
  /** Category path joined with ` / `; empty when none. */
  category: string;
  bodyFoundBy: BodyFoundBy | null;
  warnings: string[];
  error: string | null;
  /** Relative to the output folder. */
  files: string[];
  /** The side-by-side view, relative to the output folder; null for a post with no body (protected, failed). */
  view: string | null;
  /** What "only problems" keeps: not exported, a warning, or a body found by guessing. */
  problem: boolean;
}

export function reportRow(state: PostState): ReportRow {
  const entry = manifestEntryOf(state);
  const meta = state.linked ?? state.protectedMeta;
  const warnings = entry.warnings ?? [];
  const bodyFoundBy = entry.bodyFoundBy ?? null;
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    status: entry.status,
    date: meta?.published ?? null,
    category: (meta?.categories ?? []).join(' / '),
    bodyFoundBy,
    warnings,
    error: entry.error ?? null,
    files: entry.files,
    view: state.linked ? viewPath(entry.id) : null,
    problem: entry.status !== 'ok' || warnings.length > 0 || bodyFoundBy === 'scored',
  };
}
