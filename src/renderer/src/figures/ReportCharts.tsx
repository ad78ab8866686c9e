// Where a person would rather look than read: takings per day, tickets in and
// finished, working days to finish, technicians compared. Mantine's charts,
// labelled in the interface language.
import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../shared/figures-contract';
import { useFormat } from '../desk/useFormat';

function ChartCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="sm" role="figure" aria-label={title}>
      <Text fw={600} size="sm" mb="xs">
        {title}
      </Text>
      {children}
    </Paper>
  );
}

export function ReportCharts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (value: number) => format.money(Math.round(value * 100), report.currency);
  const days = report.days.map((d) => ({ day: d.date.slice(5), takings: d.takingsMinor / 100, in: d.ticketsIn, out: d.ticketsFinished }));
  const takings = t('figures.reports.takings');
  const ticketsIn = t('figures.reports.ticketsIn');
  const finished = t('figures.reports.finished');
  const count = t('figures.reports.count');
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard title={t('figures.reports.takingsPerDay')}>
        <BarChart h={220} data={days} dataKey="day" valueFormatter={money} series={[{ name: 'takings', label: takings, color: 'teal.6' }]} />
      </ChartCard>
      <ChartCard title={t('figures.reports.inVsOut')}>
        <LineChart
          h={220}
          data={days}
          dataKey="day"
          withLegend
          curveType="linear"
          series={[
            { name: 'in', label: ticketsIn, color: 'blue.6' },
            { name: 'out', label: finished, color: 'orange.6' },
          ]}
        />
      </ChartCard>
      <ChartCard title={t('figures.reports.distribution')}>
        <BarChart
          h={220}
          // A bucket is "3" or "31+": its number picks the plural ("1 day", "3 days").
          data={report.turnaround.distribution.map((d) => ({
            days: t('figures.reports.days', { days: d.days, count: Number.parseInt(d.days, 10) }),
            count: d.count,
          }))}
          dataKey="days"
          series={[{ name: 'count', label: count, color: 'violet.6' }]}
        />
      </ChartCard>
      <ChartCard title={t('figures.reports.technicianComparison')}>
        <BarChart
          h={220}
          data={report.technicians.map((x) => ({ name: x.name ?? t('figures.reports.unassigned'), finished: x.finished, reworks: x.reworks }))}
          dataKey="name"
          withLegend
          series={[
            { name: 'finished', label: finished, color: 'blue.6' },
            { name: 'reworks', label: t('figures.reports.reworks'), color: 'red.6' },
          ]}
        />
      </ChartCard>
    </SimpleGrid>
  );
}
