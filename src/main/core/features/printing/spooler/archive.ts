// Every printed PDF is kept under <dataDir>/prints/<ticket number>/, written
// before it goes to the printer, so a failed or lost print can be reprinted.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { PRINT_DOCUMENTS, type PrintDocument } from './types';

export const PRINTS_FOLDER = 'prints';

/** The archive root for a data directory: <dataDir>/prints. */
export function printArchiveDir(dataDir: string): string {
  return join(dataDir, PRINTS_FOLDER);
}

/** A ticket number as a folder name: letters, digits, "-" and "_" only. */
export function ticketFolderName(ticketNumber: string | number): string {
  const name = String(ticketNumber)
    .trim()
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  if (!name) throw new TypeError(`Unusable ticket number for the print archive: ${JSON.stringify(ticketNumber)}`);
  return name;
}

/** A sortable, file-name-safe UTC time: 2026-11-23T09-28-03.123Z. */
export function archiveStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

export interface ArchiveRequest {
  archiveDir: string;
  ticketNumber: string | number;
  document: PrintDocument;
  pdf: Buffer;
  now: Date;
}

/** Writes the PDF and returns its path; never overwrites an earlier print. */
export async function archivePdf(request: ArchiveRequest): Promise<string> {
  if (!PRINT_DOCUMENTS.includes(request.document)) throw new TypeError(`Unknown document: ${request.document}`);
  const folder = join(request.archiveDir, ticketFolderName(request.ticketNumber));
  await mkdir(folder, { recursive: true });
  const base = `${archiveStamp(request.now)}-${request.document}`;
  for (let attempt = 1; ; attempt++) {
    const path = join(folder, attempt === 1 ? `${base}.pdf` : `${base}-${attempt}.pdf`);
    try {
      await writeFile(path, request.pdf, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 1000) throw error;
    }
  }
}

export interface ArchivedPrint {
  path: string;
  fileName: string;
  document: PrintDocument;
  /** The stamp from the file name (UTC). */
  printedAt: string;
}

const ARCHIVED_NAME = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z)-(${PRINT_DOCUMENTS.join('|')})(?:-\\d+)?\\.pdf$`);

/** The archived prints of one ticket, oldest first. */
export async function listArchivedPrints(archiveDir: string, ticketNumber: string | number): Promise<ArchivedPrint[]> {
  const folder = join(archiveDir, ticketFolderName(ticketNumber));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const prints: ArchivedPrint[] = [];
  for (const fileName of names.sort()) {
    const match = ARCHIVED_NAME.exec(fileName);
    const [, stamp, document] = match ?? [];
    if (stamp === undefined || document === undefined) continue;
    prints.push({
      path: join(folder, fileName),
      fileName,
      document: document as PrintDocument,
      printedAt: stamp.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3'),
    });
  }
  return prints;
}

/** Reads an archived PDF, refusing any path outside the archive. */
export async function readArchivedPdf(archiveDir: string, path: string): Promise<Buffer> {
  const root = resolve(archiveDir);
  const target = resolve(root, path);
  const inside = relative(root, target);
  if (!inside || inside.startsWith('..') || isAbsolute(inside) || !target.endsWith('.pdf')) {
    throw new TypeError(`Not an archived print: ${path}`);
  }
  return readFile(target);
}
