// A file a backup page names that the backup does not hold. Its reference must come out as the author
// wrote it (`./img/photo.jpg`): resolved against the post's address it would become a URL that never
// existed. Between extraction and the asset stage it travels as a placeholder (`missingFileUrl`), so the
// converter tokenises it like any image or file and every format gets the reference back through that
// token.

import type { AssetKind, PostAsset } from '../types.js';
import { missingReferenceOf } from './backup-urls.js';

/** The manifest's `error` for such a file: it will not be there on the next run either. */
export const MISSING_FROM_BACKUP = 'missing from the backup';

/** The asset a missing file is: nothing to download, its reference kept as written. Null for any other URL. */
export function missingFileAsset(url: string, kind: AssetKind): PostAsset | null {
  const reference = missingReferenceOf(url);
  if (reference === null) return null;
  return { url: reference, kind, file: null, name: null, sha256: null, bytes: null, error: MISSING_FROM_BACKUP };
}
