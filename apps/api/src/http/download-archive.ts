import { pipeline } from 'node:stream/promises';
import archiver from 'archiver';
import type { Response } from 'express';

export interface ArchiveEntry {
  /** Path on disk. */
  path: string;
  /** Path inside the archive. */
  name: string;
  date: Date;
}

/** Folder and file names inside a zip: no separators or control characters from product data. */
const safe = (text: string) => text.replace(/[\\/:*?"<>|\p{Cc}]/gu, '-').trim() || '-';

/** `<product> <version>/<file name>`, numbered when two files would land on the same path. */
export function archivePaths(files: { folder: string; fileName: string }[]): string[] {
  const used = new Set<string>();
  return files.map(({ folder, fileName }) => {
    const base = `${safe(folder)}/${safe(fileName)}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = base.replace(/(\.[^./]+)?$/, (extension) => ` (${n})${extension}`);
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Streams the files as one zip. Entries are stored, not deflated (installers and updates are
 * compressed already), and each file is opened only when its turn comes and read as the client
 * takes the bytes, so memory stays flat however large the files are.
 */
export async function streamZip(res: Response, fileName: string, entries: ArchiveEntry[]): Promise<void> {
  res.status(200).type('application/zip');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/"/g, '')}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  const archive = archiver('zip', { store: true });
  for (const entry of entries) archive.file(entry.path, { name: entry.name, date: entry.date });
  // A file that vanished after the check is an error, not a silently shorter archive.
  archive.on('warning', (error) => archive.emit('error', error));
  const sent = pipeline(archive, res);
  void archive.finalize();
  await sent.catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  });
}
