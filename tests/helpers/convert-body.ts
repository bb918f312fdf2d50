// The export's conversion of a body given as HTML: parsed once, then converted where it lies, as the
// export converts a body it has found in its page (see `bodyConverter`).
import { parseBody } from '../../src/convert/prepare/index.js';
import type { BlogNames } from '../../src/body/post-registry.js';
import { convertedPost, type PostRecord } from '../../src/body/post-body.js';
import { bodyConverter, type ConvertedBody, type ConvertSettings } from '../../src/read/pure-stages.js';
import type { PostAsset, PostMeta } from '../../src/types.js';

export function convertBody(bodyHtml: string, baseUrl: string, settings: ConvertSettings): ConvertedBody {
  return bodyConverter(settings)(parseBody(bodyHtml), { url: baseUrl } as PostMeta).body;
}

/** The Markdown an export writes for the body, its images left at their addresses and no linked post exported. */
export function exportedMarkdown(bodyHtml: string, baseUrl: string, names: BlogNames): string {
  const body = convertBody(bodyHtml, baseUrl, { images: 'remote', names });
  const record: PostRecord = {
    meta: {} as PostMeta,
    id: '1',
    slug: 'test',
    oldUrls: [],
    markdown: body.markdown,
    html: body.html,
    assets: body.assets.map((asset) => ({ url: asset.url }) as PostAsset),
    links: body.links,
    cover: null,
  };
  return convertedPost(record, () => null).render({ asset: () => null, post: () => null }).markdown;
}
