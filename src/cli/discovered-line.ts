import type { ExportEvent } from '../types.js';
import { plural } from './plural.js';

type Discovered = Extract<ExportEvent, { type: 'discovered' }>;

/**
 * What discovery found and what of it this run fetches. A re-run into a finished export finds the whole
 * blog and fetches little or nothing: "Found 0 posts" would read as a blog gone empty. "Already
 * exported" is all the tool knows of the posts it skips: their dates on the blog are not newer than the
 * export's, which is not proof that they are unchanged. Worded for a dry run too ("to fetch").
 */
export function discoveredLine(event: Discovered): string {
  const found = event.found ?? event.total;
  const head = `Found ${plural(found, 'post')}`;
  const exported = event.alreadyExported ?? 0;
  const again = event.again ?? 0;
  const parts: string[] = [];
  if (event.limitLeftOut) parts.push(`${event.limitLeftOut} beyond --limit`);
  if (event.datesLeftOut) parts.push(`${event.datesLeftOut} left out by ${event.dateFlags || '--since'}`);
  if (exported > 0)
    parts.push(exported === found ? `all ${exported} already exported` : `${exported} already exported`);
  if (parts.length === 0 && again === 0) return `${head}.`;
  if (event.total === 0) return `${head}: ${parts.join(', ')}; nothing to fetch.`;
  parts.push(toFetch(event.total, again, found));
  return `${head}: ${parts.join(', ')}.`;
}

function toFetch(total: number, again: number, found: number): string {
  if (again === 0) return `${total} to fetch`;
  if (again === total) return total === found && total > 1 ? `all ${total} to fetch again` : `${total} to fetch again`;
  return `${total} to fetch (${total - again} new, ${again} again)`;
}
