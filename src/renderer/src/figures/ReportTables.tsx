// The report's figures as tables: the same tables the exports and the print
// hold, so what is on screen is what is in the file.
import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { boughtInRows, TECHNICIAN_COLUMNS, technicianRows, type Report } from '../../../shared/figures-contract';
import { useFormat } from '../desk/useFormat';

type Row = [string, ...(string | number | null)[]];
const num = { fontVariantNumeric: 'tabular-nums' } as const;

function FigureTable({ title, columns, rows }: { title: string; columns: string[]; rows: Row[] }) {
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <Table aria-label={title} withTableBorder verticalSpacing={3} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={c} ta={i === 0 ? 'left' : 'right'}>
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, ...cells]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={500}>
                {label}
              </Table.Th>
              {cells.map((cell, i) => (
                <Table.Td key={i} ta="right" style={num}>
                  {cell ?? '—'}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

export function ReportTables({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const say = (key: string, vars: Record<string, string | number> = {}) => t(`figures.reports.${key}` as 'figures.reports.title', vars);
  // A sum taken away shows with its minus sign, and nothing as plain zero (never "-0.00").
  const money = (minor: number) => format.money(minor === 0 ? 0 : minor, report.currency);
  const share = (n: number, total: number) => (total > 0 ? say('share', { count: n, total, percent: `${((n / total) * 100).toFixed(1)}%` }) : '—');
  const r = report.revenue;
  const tu = report.turnaround;
  const methodRows: Row[] = r.byMethod.map((m) => [t(`figures.method.${m.method}`), m.count, money(m.amountMinor)]);
  if (r.depositsWithoutMethodMinor > 0) methodRows.push([t('figures.noMethod'), null, money(r.depositsWithoutMethodMinor)]);
  methodRows.push([say('takings'), null, money(r.takingsMinor)]);
  const sat = report.satisfaction;
  const score = (average: number | null): Row[1][] => [
    average === null ? null : average.toFixed(2),
    say('targetScore', { score: sat.targetScore }),
    average === null ? null : say(average >= sat.targetScore ? 'meetsTarget' : 'belowTarget'),
  ];
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <FigureTable
          title={say('tickets')}
          columns={[say('figure'), say('count')]}
          rows={[
            [say('ticketsIn'), report.tickets.in],
            [say('finished'), report.tickets.finished],
            [say('collected'), report.tickets.collected],
            [say('cancelled'), report.tickets.cancelled],
          ]}
        />
        <FigureTable
          title={say('revenue')}
          columns={[say('figure'), say('amount')]}
          rows={[
            [say('labour'), money(r.labourMinor)],
            [say('parts'), money(r.partsMinor)],
            [say('diagnosis'), money(r.diagnosisMinor)],
            [say('discounts'), money(-r.discountsMinor)],
            [say('charged'), money(r.chargedMinor)],
            [say('refunds'), money(-r.refundsMinor)],
          ]}
        />
        <FigureTable title={say('byMethod')} columns={[say('figure'), say('count'), say('amount')]} rows={methodRows} />
        <FigureTable
          title={say('turnaround')}
          columns={[say('figure'), say('value')]}
          rows={[
            [say('finished'), tu.finished],
            [say('averageDays'), tu.averageWorkingDays],
            [say('within7'), share(tu.within7Days, tu.finished)],
            [say('within24h'), share(tu.within24Hours, tu.finished)],
          ]}
        />
        <FigureTable
          title={say('repairClasses')}
          columns={[say('figure'), say('count')]}
          rows={report.repairClasses.map((c) => [say(`repairClass.${c.repairClass ?? 'none'}`), c.count])}
        />
        <FigureTable
          title={say('open')}
          columns={[say('status'), say('count')]}
          rows={[
            ...report.open.byStatus.map((s): Row => [t(`status.${s.status}`), s.count]),
            ...report.open.ageing.map((a): Row => [say(`bucket.${a.bucket}`), a.count]),
          ]}
        />
      </SimpleGrid>
      <FigureTable
        title={say('firstResponse')}
        columns={[say('severity'), say('target'), say('responded'), say('withinTarget'), say('averageMinutes'), say('waiting')]}
        rows={report.firstResponse.map((f) => [
          say(`level.${f.severity ?? 'none'}`),
          f.targetMinutes === null ? null : say('targetMinutes', { minutes: f.targetMinutes }),
          f.responded,
          f.severity === null ? null : share(f.withinTarget, f.responded),
          f.averageMinutes,
          f.waiting,
        ])}
      />
      <Text size="xs" c="dimmed">
        {say('firstResponseHint')}
      </Text>
      <FigureTable
        title={say('satisfaction')}
        columns={[say('figure'), say('value'), say('target'), say('result')]}
        rows={[
          [say('calls'), sat.calls, null, null],
          [say('reached'), share(sat.reached, sat.calls), null, null],
          [say('averageQuality'), ...score(sat.averageQuality)],
          [say('averageAttitude'), ...score(sat.averageAttitude)],
          [say('complaintsOpened'), sat.complaintsOpened, null, null],
          [say('complaintsClosed'), sat.complaintsClosed, null, null],
          [say('complaintsOpenNow'), sat.complaintsOpen, null, null],
        ]}
      />
      <Text size="xs" c="dimmed">
        {say('satisfactionHint', { score: sat.targetScore })}
      </Text>
      <FigureTable
        title={say('technicians')}
        columns={TECHNICIAN_COLUMNS.map((key) => say(key))}
        rows={technicianRows(report.technicians, say('unassigned'), money)}
      />
      {report.parts ? (
        <FigureTable
          title={say('partsUsed')}
          columns={[say('part'), say('qty'), say('cost'), say('charged'), say('margin')]}
          rows={[
            ...report.parts.lines.map((p): Row => [p.name, p.qty, money(p.costMinor), money(p.chargedMinor), money(p.marginMinor)]),
            ...boughtInRows(report.parts.boughtIn).map((b): Row => [
              say('boughtInParts'),
              b.qty,
              money(b.costMinor),
              money(b.chargedMinor),
              money(b.marginMinor),
            ]),
            [say('total'), null, money(report.parts.costMinor), money(report.parts.chargedMinor), money(report.parts.marginMinor)],
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {say('partsManagerOnly')}
        </Text>
      )}
    </Stack>
  );
}
