import { TextDecoder } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { errorMessage } from '../errors.js';
import { BackupFileTooLargeError, collect, limitBytes, type BackupArchive } from './archive.js';
import { EntrySpellings } from './duplicate-entries.js';
import { normaliseEntryPath } from './entry-path.js';

/** General purpose bit 11: the entry name is UTF-8. */
const UTF8_NAME_FLAG = 0x800;

/**
 * A backup `.zip` read through yauzl: only the central directory (names, sizes, offsets) is read when
 * it opens; each file is inflated from its own offset when asked for, so a backup of many GB of images
 * never sits in memory.
 */
export async function openZipArchive(path: string): Promise<BackupArchive> {
  // Names are decoded here, not by yauzl: a zip made on Korean Windows stores CP949 names without the
  // UTF-8 flag, which yauzl would read as CP437 and turn Hangul into mojibake.
  const zip = await yauzl
    .openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true })
    .catch((error: unknown) => {
      // yauzl's words for an empty file or one that is something else ("End of central directory record
      // signature not found…") do not tell a user what is wrong with what they gave.
      const message = errorMessage(error);
      throw new Error(
        /end of central directory record signature not found/i.test(message)
          ? 'not a zip file, or a zip cut short'
          : `not a readable zip file (${message})`,
      );
    });
  const entries = new Map<string, Entry>();
  const refused: string[] = [];
  const spellings = new EntrySpellings();
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entryName(entry);
      if (name.endsWith('/') || name.endsWith('\\')) continue;
      const normalised = normaliseEntryPath(name);
      if (normalised === null) refused.push(name);
      else {
        entries.set(normalised, entry);
        spellings.add(normalised, name);
      }
    }
  } catch (error) {
    zip.close();
    throw error;
  }
  return zipArchive(zip, entries, refused, spellings.duplicates());
}

function zipArchive(zip: ZipFile, entries: Map<string, Entry>, refused: string[], duplicates: string[]): BackupArchive {
  const open = async (path: string, maxBytes: number) => {
    const entry = entries.get(path);
    if (!entry) throw new Error(`${path} is not in the backup`);
    if (entry.uncompressedSize > maxBytes) throw new BackupFileTooLargeError(path, entry.uncompressedSize, maxBytes);
    // validateEntrySizes makes the stream fail when the data is longer than the directory said.
    return limitBytes(await zip.openReadStreamPromise(entry), path, maxBytes);
  };
  return {
    files: new Map([...entries].map(([path, entry]) => [path, entry.uncompressedSize])),
    refused,
    duplicates,
    open,
    read: async (path, maxBytes) => collect(await open(path, maxBytes), path, maxBytes),
    async close() {
      zip.close();
    },
  };
}

function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  if ((entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('euc-kr').decode(raw);
  }
}
