// One part: its details, what can be done to its stock, and its ledger.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartView } from '../../../shared/stock-contract';
import { call } from '../api';
import { useSession } from '../session/session-context';
import { useFormat } from '../desk/useFormat';
import { AdjustForm } from './AdjustForm';
import { PartForm } from './PartForm';
import { RestockForm } from './RestockForm';
import { StockMoves } from './StockMoves';
import { useCostsVisible } from '../session/useAccess';
import { GatedButton } from '../widgets/GatedButton';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

type Mode = 'edit' | 'restock' | 'adjust' | null;

interface Props {
  part: PartView;
  onChanged(part: PartView): void;
  onBack(): void;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </div>
  );
}

export function PartPage({ part, onChanged, onBack }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const session = useSession().current?.token ?? null;
  const showCosts = useCostsVisible();
  const [moves, reloadMoves] = useLoaded(
    () => call('parts.moves', { partId: part.id, limit: 100, session }),
    (error) => loadFailure(t, error),
    session ?? '',
  );

  const done = (next: PartView, message: string) => {
    setMode(null);
    setNotice(message);
    onChanged(next);
    void reloadMoves();
  };
  const open = (next: Mode) => {
    setNotice(null);
    setMode(next);
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="part-page-title">
      <Group>
        <Button variant="subtle" size="compact-sm" onClick={onBack}>
          {t('stock.parts.back')}
        </Button>
      </Group>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} id="part-page-title">
            {part.name}
          </Title>
          <Text c="dimmed">{part.specification}</Text>
        </div>
        <Group gap="xs">
          <GatedButton channel="parts.save" variant="default" onClick={() => open('edit')} disabled={mode !== null}>
            {t('stock.parts.editButton')}
          </GatedButton>
          <Button onClick={() => open('restock')} disabled={mode !== null}>
            {t('stock.restock.button')}
          </Button>
          <GatedButton channel="parts.adjust" variant="default" onClick={() => open('adjust')} disabled={mode !== null}>
            {t('stock.adjust.button')}
          </GatedButton>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm">
          <Fact label={t('stock.parts.onHand')}>
            <span id="part-on-hand">{part.qtyOnHand}</span>
            {part.lowStock && (
              <Badge color="red" variant="filled" size="sm" tt="none" ml={8}>
                {t('stock.parts.lowStock')}
              </Badge>
            )}
          </Fact>
          <Fact label={t('stock.parts.reorderLevel')}>{part.reorderLevel}</Fact>
          <Fact label={t('stock.parts.returned')}>{part.qtyReturned}</Fact>
          {showCosts && <Fact label={t('stock.parts.cost')}>{part.costMinor === null ? '—' : format.money(part.costMinor)}</Fact>}
          <Fact label={t('stock.parts.price')}>{format.money(part.priceMinor)}</Fact>
          <Fact label={t('stock.parts.state')}>{part.active ? t('stock.active') : t('stock.inactive')}</Fact>
        </SimpleGrid>
        {part.compatibleModels && (
          <Text size="sm" mt="sm">
            <Text span c="dimmed" size="sm">
              {t('stock.parts.compatibleModels')}:{' '}
            </Text>
            {part.compatibleModels}
          </Text>
        )}
      </Paper>
      {notice && (
        <Text size="sm" c="teal" role="status">
          {notice}
        </Text>
      )}
      {mode === 'edit' && <PartForm part={part} onSaved={(next) => done(next, t('stock.parts.saved', { name: next.name }))} onCancel={() => setMode(null)} />}
      {mode === 'restock' && (
        <RestockForm
          part={part}
          onDone={(next) => done(next, t('stock.restock.done', { qty: next.qtyOnHand - part.qtyOnHand, onHand: next.qtyOnHand }))}
          onCancel={() => setMode(null)}
        />
      )}
      {mode === 'adjust' && (
        <AdjustForm part={part} onDone={(next) => done(next, t('stock.adjust.done', { onHand: next.qtyOnHand }))} onCancel={() => setMode(null)} />
      )}
      <Title order={4}>{t('stock.moves.title')}</Title>
      <StockMoves moves={moves} />
    </Stack>
  );
}
