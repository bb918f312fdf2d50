import type { ExportSettings } from '../../options.js';
import type { RunPlan } from '../../state/plan.js';
import { readAppPassword, type AppPassword } from './app-password.js';
import type { WordPressClient } from './client.js';
import { connectWordPress } from './connect.js';
import { parseSiteUrl } from './site-url.js';
import { WordPressPublisher } from './publisher.js';
import { PublishState } from './state.js';

export interface OpenedSite {
  client: WordPressClient;
  state: PublishState;
}

/** The site of `--wp-url`, connected and checked, with the output folder's record of it. */
export async function openSite(
  settings: ExportSettings,
  outDir: string,
  { dryRun = false, password }: { dryRun?: boolean; password?: AppPassword } = {},
): Promise<OpenedSite> {
  const siteUrl = parseSiteUrl(settings.wpUrl ?? '');
  password ??= await readAppPassword(settings.wpAppPassword);
  const client = await connectWordPress({ siteUrl, user: settings.wpUser ?? '', password });
  return { client, state: await PublishState.load(outDir, siteUrl, { dryRun }) };
}

export function publisherFor(
  site: OpenedSite,
  settings: ExportSettings,
  outDir: string,
  onWarning: (message: string) => void,
): WordPressPublisher {
  return new WordPressPublisher(
    site.client,
    site.state,
    outDir,
    {
      status: settings.wpStatus,
      protectedStatus: settings.wpProtected,
      comments: settings.comments !== 'off',
      besideOtherFormats: settings.formats.some((format) => format !== 'wordpress'),
    },
    onWarning,
  );
}

/**
 * `--dry-run -f wordpress`: the posts the run would hand to the site. One the site has from an earlier run
 * is updated only if what would be sent changed, which a dry run, reading no post, cannot tell.
 */
export function wordpressPlan(
  site: OpenedSite,
  plan: RunPlan,
): { action: 'create' | 'update'; id: string; url: string }[] {
  const posts = site.state.site.posts;
  const fetched = plan.fetch.map(({ post, previous }) => ({ id: previous?.entry.id ?? post.id, url: post.url }));
  const kept = plan.keep
    .filter((state) => state.linked || state.protectedMeta)
    .map((state) => ({ id: state.entry.id, url: state.entry.url }));
  return [...fetched, ...kept].map(({ id, url }) => {
    const known = id === null ? undefined : posts[id];
    return known
      ? { action: 'update' as const, id: id!, url: known.link }
      : { action: 'create' as const, id: id ?? '-', url };
  });
}
