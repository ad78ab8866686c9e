// The shop's identity and the furthest it has got (last ticket number), kept
// beside the database. When the database is later found empty, replaced or
// older, the desk knows it is not looking at a new shop.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../storage/atomic-file';

export const IDENTITY_FILE = 'desk-identity.json';

export interface DeskIdentity {
  shopId: string;
  lastTicketNumber: number | null;
  tickets: number;
  /**
   * The highest ticket number ever handed out here, kept when an older backup
   * (or an empty start) puts the file behind it: numbering never goes back to it.
   */
  ticketFloor: number | null;
  updatedAt: string;
}

export function readIdentity(dataDir: string): DeskIdentity | null {
  const file = join(dataDir, IDENTITY_FILE);
  if (!existsSync(file)) return null;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<DeskIdentity>;
    if (typeof value.shopId !== 'string' || value.shopId === '') return null;
    return {
      shopId: value.shopId,
      lastTicketNumber: typeof value.lastTicketNumber === 'number' ? value.lastTicketNumber : null,
      tickets: typeof value.tickets === 'number' ? value.tickets : 0,
      ticketFloor: typeof value.ticketFloor === 'number' ? value.ticketFloor : null,
      updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : '',
    };
  } catch {
    return null; // a torn file cannot happen (atomic writes); an edited one is ignored
  }
}

export function writeIdentity(dataDir: string, identity: DeskIdentity, options: { flush?: boolean } = {}): void {
  writeFileAtomic(join(dataDir, IDENTITY_FILE), JSON.stringify(identity, null, 2), 0o644, options);
}

/** The furthest number this desk is known to have handed out: the remembered last number or the floor. */
export function rememberedHighest(identity: DeskIdentity | null): number | null {
  if (!identity) return null;
  return Math.max(identity.lastTicketNumber ?? 0, identity.ticketFloor ?? 0) || null;
}

/**
 * Moves the remembered position forward only: a crash between a check-in and this write leaves it behind, never ahead.
 * `flush: false` (after each check-in): the database's own commit is already flushed, so this note lagging after a
 * power cut only makes the next start's check less strict; it is flushed at close.
 */
export function advanceIdentity(
  dataDir: string,
  seen: { shopId: string; lastTicketNumber: number | null; tickets: number },
  now: Date,
  options: { flush?: boolean } = {},
): void {
  const known = readIdentity(dataDir);
  const mine = known?.shopId === seen.shopId ? known : null;
  if (known && known.shopId === seen.shopId && (known.lastTicketNumber ?? 0) >= (seen.lastTicketNumber ?? 0) && known.tickets >= seen.tickets) return;
  writeIdentity(
    dataDir,
    {
      shopId: seen.shopId,
      lastTicketNumber: Math.max(seen.lastTicketNumber ?? 0, mine?.lastTicketNumber ?? 0) || null,
      tickets: Math.max(seen.tickets, mine?.tickets ?? 0),
      ticketFloor: known?.ticketFloor ?? null,
      updatedAt: now.toISOString(),
    },
    options,
  );
}
