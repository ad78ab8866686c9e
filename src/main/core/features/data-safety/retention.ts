// Which backups to keep: the newest of each of the last 7 days that have one,
// of the last 4 weeks and of the last 12 months (a backup may count for all
// three), and always the newest. Days, weeks and months are the shop's local
// calendar.

export const RETENTION = { daily: 7, weekly: 4, monthly: 12 } as const;

export interface Dated {
  id: string;
  takenAt: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** The Monday that starts the date's week, as a day key. */
function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday);
}

function newestPer(backups: Dated[], key: (d: Date) => string, slots: number): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const backup of backups) {
    const bucket = key(backup.takenAt);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    kept.push(backup.id);
    if (seen.size === slots) break;
  }
  return kept;
}

/** The ids to keep among verified backups. */
export function backupsToKeep(backups: Dated[]): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  return new Set([
    ...newestFirst.slice(0, 1).map((b) => b.id),
    ...newestPer(newestFirst, dayKey, RETENTION.daily),
    ...newestPer(newestFirst, weekKey, RETENTION.weekly),
    ...newestPer(newestFirst, monthKey, RETENTION.monthly),
  ]);
}
