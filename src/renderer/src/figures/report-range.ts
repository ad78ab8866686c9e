// The report's preset ranges as local calendar days (YYYY-MM-DD), up to today.
export const RANGE_PRESETS = ['today', 'week', 'month', 'lastMonth', 'year'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

function iso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A week starts on Monday, as shops in China count it. */
export function presetRange(preset: RangePreset, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case 'today':
      return { from: iso(today), to: iso(today) };
    case 'week': {
      const back = (today.getDay() + 6) % 7;
      return { from: iso(new Date(y, m, today.getDate() - back)), to: iso(today) };
    }
    case 'month':
      return { from: iso(new Date(y, m, 1)), to: iso(today) };
    case 'lastMonth':
      return { from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 0)) };
    case 'year':
      return { from: iso(new Date(y, 0, 1)), to: iso(today) };
  }
}
