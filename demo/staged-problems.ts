// What the demo blog gets wrong on purpose, read from the same data and defaults its server uses, so the
// demo can say so before the warnings appear and a newcomer does not take them for bugs in the tool.

import { defaultFailFirst } from './blog/fixture-blog.js';
import type { FixtureBlogData, PostUrlStyle } from './blog/fixture-data.js';
import { postPath } from './blog/fixture-paths.js';

export type StagedProblemKind = 'rate-limited' | 'comments-fail' | 'protected' | 'deleted';

export interface StagedProblem {
  kind: StagedProblemKind;
  /** The request path that shows the problem. */
  path: string;
  /** The entry it concerns, as the manifest names it; null for a path that is no entry's. */
  postId: string | null;
  /** One line of the announcement. */
  description: string;
}

export function stagedProblems(blog: FixtureBlogData, style: PostUrlStyle = 'id'): StagedProblem[] {
  const entries = [...blog.posts, ...(blog.notices ?? []), ...(blog.pages ?? [])];
  const problems: StagedProblem[] = [];
  for (const [path, failure] of Object.entries(defaultFailFirst(blog, style))) {
    const wait = failure.retryAfter === undefined ? '' : ` (Retry-After: ${failure.retryAfter})`;
    const postId = entries.find((entry) => postPath(entry, style) === path)?.id ?? null;
    problems.push({
      kind: 'rate-limited',
      path,
      postId,
      description: `${postId === null ? path : `post ${postId}`} answers ${failure.status}${wait} on its first request: the tool waits and tries again`,
    });
  }
  for (const id of blog.comments?.failing ?? []) {
    problems.push({
      kind: 'comments-fail',
      path: `/m/api/${id}/comment`,
      postId: id,
      description: `the comment API of post ${id} answers 500 every time: the post is exported without its comments, with a warning`,
    });
  }
  for (const post of blog.posts) {
    const path = postPath(post, style);
    if (post.state === 'protected') {
      problems.push({
        kind: 'protected',
        path,
        postId: post.id,
        description: `post ${post.id} is password-protected: only its metadata is exported (status protected)`,
      });
    }
    // A deleted post no list or sitemap names is never asked for, so the run never shows it.
    if (post.state === 'deleted' && post.inSitemap) {
      problems.push({
        kind: 'deleted',
        path,
        postId: post.id,
        description: `post ${post.id} was deleted but the sitemap still lists it: it answers 404 (status missing)`,
      });
    }
  }
  return problems;
}

/** Printed before the run. */
export function stagedProblemsAnnouncement(problems: readonly StagedProblem[]): string {
  if (problems.length === 0) return '';
  return [
    'The demo blog stages these problems on purpose, to show how the tool handles them:',
    ...problems.map((problem) => `  - ${problem.description}`),
    '',
  ].join('\n');
}

/** Printed after the run, below the warnings. */
export function stagedProblemsReminder(problems: readonly StagedProblem[]): string {
  if (problems.length === 0) return '';
  return 'The retries, warnings, protected and missing posts above were staged by the demo blog (listed at the start); they are not bugs.\n';
}
