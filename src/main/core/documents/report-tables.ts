// A report as titled tables of cells, in the report's language: the one
// layout the CSV, the XLSX and the printed PDF are all made from, so the three
// always say the same. Money cells carry minor units and are formatted by each
// output (a decimal number in a spreadsheet, text with the currency on paper).
import type { Language } from '../../../shared/domain';
import { boughtInRows, TECHNICIAN_COLUMNS, technicianRows, type Report } from '../../../shared/figures-contract';
import { translate } from '../../../shared/i18n/translate';

export type Cell = string | number | { money: number } | { share: number } | null;

export interface ReportTable {
  /** Which sheet of the workbook it goes on. */
  sheet: 'summary' | 'days' | 'technicians' | 'parts';
  title: string;
  columns: string[];
  rows: Cell[][];
}

export function reportTables(report: Report, language: Language): ReportTable[] {
  const say = (key: string, vars?: Record<string, string | number>) => translate(language, `figures.reports.${key}`, vars);
  const status = (id: string) => translate(language, `status.${id}`);
  const share = (count: number, total: number): Cell => (total > 0 ? { share: count / total } : null);
  // Never a negative zero: a sum taken away that is nothing prints as 0.00.
  const money = (minor: number): Cell => ({ money: minor === 0 ? 0 : minor });
  const pair = [say('figure'), say('value')];
  const tables: ReportTable[] = [];

  tables.push({
    sheet: 'summary',
    title: say('tickets'),
    columns: pair,
    rows: [
      [say('ticketsIn'), report.tickets.in],
      [say('finished'), report.tickets.finished],
      [say('collected'), report.tickets.collected],
      [say('cancelled'), report.tickets.cancelled],
    ],
  });
  const r = report.revenue;
  tables.push({
    sheet: 'summary',
    title: say('revenue'),
    columns: pair,
    rows: [
      [say('labour'), money(r.labourMinor)],
      [say('parts'), money(r.partsMinor)],
      [say('diagnosis'), money(r.diagnosisMinor)],
      [say('discounts'), money(-r.discountsMinor)],
      [say('charged'), money(r.chargedMinor)],
      [say('refunds'), money(-r.refundsMinor)],
    ],
  });
  const methodRows: Cell[][] = r.byMethod.map((m) => [translate(language, `figures.method.${m.method}`), m.count, money(m.amountMinor)]);
  if (r.depositsWithoutMethodMinor > 0) methodRows.push([translate(language, 'figures.noMethod'), null, money(r.depositsWithoutMethodMinor)]);
  methodRows.push([say('takings'), null, money(r.takingsMinor)]);
  tables.push({ sheet: 'summary', title: say('byMethod'), columns: [say('figure'), say('count'), say('amount')], rows: methodRows });

  const t = report.turnaround;
  tables.push({
    sheet: 'summary',
    title: say('turnaround'),
    columns: [say('figure'), say('value'), say('count')],
    rows: [
      [say('finished'), t.finished, null],
      [say('averageDays'), t.averageWorkingDays, null],
      [say('within7'), share(t.within7Days, t.finished), t.within7Days],
      [say('within24h'), share(t.within24Hours, t.finished), t.within24Hours],
      ...t.distribution.map((d): Cell[] => [say('days', { days: d.days, count: Number.parseInt(d.days, 10) }), null, d.count]),
    ],
  });
  tables.push({
    sheet: 'summary',
    title: say('firstResponse'),
    columns: [say('severity'), say('target'), say('responded'), say('withinTarget'), say('averageMinutes'), say('waiting')],
    rows: report.firstResponse.map((f) => [
      say(`level.${f.severity ?? 'none'}`),
      f.targetMinutes === null ? null : say('targetMinutes', { minutes: f.targetMinutes }),
      f.responded,
      f.severity === null ? null : f.withinTarget,
      f.averageMinutes,
      f.waiting,
    ]),
  });
  const sat = report.satisfaction;
  const score = (average: number | null): Cell[] => [
    average,
    say('targetScore', { score: sat.targetScore }),
    average === null ? null : say(average >= sat.targetScore ? 'meetsTarget' : 'belowTarget'),
  ];
  tables.push({
    sheet: 'summary',
    title: say('satisfaction'),
    columns: [say('figure'), say('value'), say('target'), say('result')],
    rows: [
      [say('calls'), sat.calls, null, null],
      [say('reached'), sat.reached, null, null],
      [say('averageQuality'), ...score(sat.averageQuality)],
      [say('averageAttitude'), ...score(sat.averageAttitude)],
      [say('complaintsOpened'), sat.complaintsOpened, null, null],
      [say('complaintsClosed'), sat.complaintsClosed, null, null],
      [say('complaintsOpenNow'), sat.complaintsOpen, null, null],
    ],
  });
  tables.push({
    sheet: 'summary',
    title: say('repairClasses'),
    columns: [say('figure'), say('count')],
    rows: report.repairClasses.map((c) => [say(`repairClass.${c.repairClass ?? 'none'}`), c.count]),
  });
  tables.push({
    sheet: 'summary',
    title: say('open'),
    columns: [say('status'), say('count')],
    rows: [
      ...report.open.byStatus.map((s): Cell[] => [status(s.status), s.count]),
      ...report.open.ageing.map((a): Cell[] => [say(`bucket.${a.bucket}`), a.count]),
    ],
  });
  tables.push({
    sheet: 'technicians',
    title: say('technicians'),
    columns: TECHNICIAN_COLUMNS.map((key) => say(key)),
    rows: technicianRows(report.technicians, say('unassigned'), money),
  });
  if (report.parts) {
    tables.push({
      sheet: 'parts',
      title: say('partsUsed'),
      columns: [say('part'), say('qty'), say('cost'), say('charged'), say('margin')],
      rows: [
        ...report.parts.lines.map((p): Cell[] => [p.name, p.qty, money(p.costMinor), money(p.chargedMinor), money(p.marginMinor)]),
        ...boughtInRows(report.parts.boughtIn).map((b): Cell[] => [
          say('boughtInParts'),
          b.qty,
          money(b.costMinor),
          money(b.chargedMinor),
          money(b.marginMinor),
        ]),
        [say('total'), null, money(report.parts.costMinor), money(report.parts.chargedMinor), money(report.parts.marginMinor)],
      ],
    });
  }
  tables.push({
    sheet: 'days',
    title: say('takingsPerDay'),
    columns: [say('date'), say('takings'), say('ticketsIn'), say('finished')],
    rows: report.days.map((d) => [d.date, money(d.takingsMinor), d.ticketsIn, d.ticketsFinished]),
  });
  return tables;
}
