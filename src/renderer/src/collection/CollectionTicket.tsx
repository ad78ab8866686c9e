// One ticket at the collection counter: who and what, the charges and the
// balance due, then (only when it can be collected) payment and hand-over.
// A ticket that is not ready, already collected or cancelled says so and
// offers nothing to pay or sign.
import { Alert, Button, Center, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionIdentity, CollectionResult, CollectionView } from '../../../shared/collection-contract';
import { useFormat } from '../desk/useFormat';
import { StatusBadge } from '../widgets/StatusBadge';
import { ChargesPanel } from './ChargesPanel';
import { HandOver } from './HandOver';
import { LoanWarning, type LoanerOverride } from './LoanWarning';
import { PaymentForm } from './PaymentForm';
import { PaymentsList } from './PaymentsList';
import { RefundForm } from './RefundForm';
import { TicketFacts } from './TicketFacts';
import { useCollectionView } from './useCollectionView';

interface Props {
  ticketId: number;
  defaultIdentity: CollectionIdentity;
  /** Bumped when the screen is shown again: the ticket is fetched fresh. */
  refreshKey: number;
  /** Money moved (payment, refund, void): the drawer's figures are stale. */
  onMoneyMoved(): void;
  onCompleted(result: CollectionResult): void;
}

function Refusal({ view }: { view: CollectionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!view.refusal) return null;
  const text =
    view.refusal === 'not_ready'
      ? t('collection.refusal.not_ready', { status: t(`status.${view.status}`) })
      : view.refusal === 'already_collected'
        ? view.collectedAt
          ? t('collection.refusal.already_collected', { date: format.instant(view.collectedAt) })
          : t('collection.refusal.already_collected_undated')
        : t('collection.refusal.cancelled');
  return (
    <Alert color={view.refusal === 'already_collected' ? 'gray' : 'red'} title={t('collection.refusal.title')} role="alert">
      {text}
    </Alert>
  );
}

export function CollectionTicket({ ticketId, defaultIdentity, refreshKey, onMoneyMoved, onCompleted }: Props) {
  const { t } = useTranslation();
  const { load, reload, replace } = useCollectionView(ticketId, refreshKey);
  const [override, setOverride] = useState<LoanerOverride | null>(null);
  const [paying, setPaying] = useState(false);
  const [payFocus, setPayFocus] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  if (load.state === 'loading') {
    return (
      <Center mih={160} aria-busy="true">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (load.state === 'failed') {
    return (
      <Alert color="red" title={t('collection.loadFailed')} role="alert">
        {load.message}
      </Alert>
    );
  }

  const view = load.data;
  const open = view.collectable && view.refusal === null;
  const moneyMoved = (next: CollectionView, message: string | null) => {
    replace(next);
    setNotice(message);
    if (next.balanceMinor <= 0) setPaying(false);
    onMoneyMoved();
  };

  return (
    <Stack gap="md" component="article" aria-labelledby="collection-ticket-number">
      <Group gap="md" align="center">
        <Text id="collection-ticket-number" component="h2" fz={30} fw={700} ff="monospace" lh={1.1} m={0}>
          {view.displayNumber}
        </Text>
        <StatusBadge status={view.status} size="lg" />
        <Text size="md">
          {view.customer.name} · {t(`deviceType.${view.device.type}`)} · {view.device.brand} {view.device.model}
        </Text>
      </Group>
      <Refusal view={view} />
      {open && !view.repaired && (
        <Alert color="gray" p="xs">
          {t('collection.unrepaired', { status: t(`status.${view.status}`) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <TicketFacts view={view} />
          <ChargesPanel view={view} />
        </Stack>
        {open ? (
          <Stack gap="md">
            <LoanWarning view={view} override={override} onOverride={setOverride} onReturned={() => void reload()} />
            {notice && (
              <Alert color="teal" p="xs" role="status" withCloseButton onClose={() => setNotice(null)}>
                {notice}
              </Alert>
            )}
            {view.balanceMinor > 0 &&
              (paying ? (
                <PaymentForm view={view} focusKey={payFocus} onPaid={moneyMoved} onCancel={() => setPaying(false)} />
              ) : (
                <Group>
                  <Button
                    size="md"
                    onClick={() => {
                      setPaying(true);
                      setPayFocus((n) => n + 1);
                    }}
                  >
                    {t('collection.payment.take')}
                  </Button>
                </Group>
              ))}
            {view.balanceMinor < 0 && <RefundForm view={view} onRefunded={moneyMoved} />}
            <PaymentsList view={view} canVoid onView={(next) => moneyMoved(next, null)} />
            <HandOver view={view} defaultIdentity={defaultIdentity} loanerOverride={override} onCompleted={onCompleted} />
          </Stack>
        ) : (
          view.payments.length > 0 && <PaymentsList view={view} canVoid={false} onView={replace} />
        )}
      </SimpleGrid>
    </Stack>
  );
}
