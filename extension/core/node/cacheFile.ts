/**
 * What the build's caches on disk share (the highlight cache, the Open Graph cards):
 * their keys, and how a file is put in place so that a build sharing the cache never
 * reads half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** SHA-256 of a string, as 32 hex digits: a cache key. */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** Writes `file` through `write` under a temporary name beside it, then renames it into place. */
export async function replaceFile(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await write(tmp);
  await fs.rename(tmp, file);
}
