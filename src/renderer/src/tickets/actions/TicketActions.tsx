// The ticket page's repair panel: what to do next for the ticket's status —
// the status moves, and the diagnosis, quote, customer approval and parts
// forms the workflow view offers now — then the secondary actions. Each
// action answers with the ticket's new workflow view; the page is refreshed
// too, so its history shows the new event, and focus moves to what comes next.
import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketWorkflow } from '../../../../shared/repair-contract';
import { useFormat } from '../../desk/useFormat';
import { call } from '../../api';
import { ApprovalForm } from './ApprovalForm';
import { DiagnosisForm } from './DiagnosisForm';
import { MoveBar } from './MoveBar';
import { MoreActions } from './more/MoreActions';
import { focusSection, nextFocusSection } from './next-focus';
import { PartsPanel } from './PartsPanel';
import { QuoteEditor } from './quote/QuoteEditor';
import { SectionBox } from './SectionBox';
import { severityName } from './severity-text';
import { useCatalog } from './useCatalog';
import { useWorkflowAction } from './useWorkflowAction';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';

interface Props {
  ticketId: number;
  /** Bumped each time the Tickets screen is shown again: the workflow, the fee standard and the stock are read afresh. */
  refreshKey: number;
  /** The ticket changed: the page reloads it (status, history). */
  onTicketChanged(): void;
}

export function TicketActions({ ticketId, refreshKey, onTicketChanged }: Props) {
  const { t } = useTranslation();
  const [load, , setWorkflow] = useLoaded(
    () => call('tickets.getWorkflow', { ticketId }),
    (error) => loadFailure(t, error),
    `${ticketId}:${refreshKey}`,
  );
  const [focusRequest, setFocusRequest] = useState(0);
  const panelRef = useRef<HTMLDivElement>(null);

  const changed = useCallback(
    (next: TicketWorkflow) => {
      setWorkflow(() => next);
      onTicketChanged();
    },
    [setWorkflow, onTicketChanged],
  );
  // The panel's own steps move focus on to what comes next; the secondary actions keep theirs.
  const stepDone = useCallback(
    (next: TicketWorkflow) => {
      changed(next);
      setFocusRequest((n) => n + 1);
    },
    [changed],
  );
  const perform = useWorkflowAction(stepDone);
  const workflow = load.state === 'done' ? load.data : null;
  const { feeItems, parts } = useCatalog(workflow, workflow !== null && (workflow.actions.includes('quotes.save') || workflow.actions.includes('parts.use')));

  // After an action, focus the next thing to do once the new view is on screen.
  // Only an action moves focus (focusRequest), so the view is read through a ref.
  const workflowRef = useRef(workflow);
  workflowRef.current = workflow;
  useEffect(() => {
    const current = workflowRef.current;
    if (focusRequest === 0 || current === null) return;
    requestAnimationFrame(() => focusSection(panelRef.current, nextFocusSection(current)));
  }, [focusRequest]);

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="ticket-actions-title" ref={panelRef}>
      <Stack gap="sm">
        <Title order={3} size="h4" id="ticket-actions-title">
          {t('ticketActions.title')}
        </Title>
        {load.state === 'loading' && (
          <Center mih={60}>
            <Loader size="sm" aria-label={t('app.loading')} />
          </Center>
        )}
        {load.state === 'failed' && (
          <Alert color="red" title={t('ticketActions.loadFailed')}>
            {load.message}
          </Alert>
        )}
        {workflow && <WorkflowSections key={workflow.status} workflow={workflow} perform={perform} feeItems={feeItems} parts={parts} />}
        {workflow && <MoreActions workflow={workflow} onChanged={changed} />}
      </Stack>
    </Paper>
  );
}

type SectionsProps = Parameters<typeof PartsPanel>[0] & Pick<Parameters<typeof QuoteEditor>[0], 'feeItems'>;

/** Keyed by status: a new status opens the sections of its own task afresh. */
function WorkflowSections({ workflow, perform, feeItems, parts }: SectionsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = (action: TicketWorkflow['actions'][number]) => workflow.actions.includes(action);
  const diagnosing = workflow.status === 'diagnosing';
  const diagnosis = workflow.diagnosis;
  const openQuote = workflow.quotes[0];
  return (
    <Stack gap="sm">
      {/* A new event on the ticket starts the moves afresh (no stale refusal from before). */}
      <MoveBar key={workflow.timeline.length} workflow={workflow} perform={perform} />
      {can('approvals.record') && (
        <SectionBox section="approval" title={t('ticketActions.approval.title')} initiallyOpen>
          <ApprovalForm key={openQuote?.id} workflow={workflow} perform={perform} />
        </SectionBox>
      )}
      {can('diagnosis.save') && (
        <SectionBox
          section="diagnosis"
          title={t('ticketActions.diagnosis.title')}
          initiallyOpen={diagnosing}
          summary={
            diagnosis && !diagnosing ? (
              <Text size="sm">
                {t(`workflow.faultCategory.${diagnosis.category}`)} · {severityName(t, diagnosis.severity)} · {diagnosis.cause}
              </Text>
            ) : null
          }
        >
          <DiagnosisForm key={diagnosis?.updatedAt ?? 'new'} workflow={workflow} perform={perform} />
        </SectionBox>
      )}
      {can('quotes.save') && (
        <SectionBox
          section="quote"
          title={t('ticketActions.quote.title')}
          initiallyOpen={diagnosing}
          summary={
            openQuote && !diagnosing ? (
              <Text size="sm">
                {t('ticketActions.quote.current', { version: openQuote.version, status: t(`workflow.quoteStatus.${openQuote.status}`) })} ·{' '}
                {format.money(openQuote.totalMinor, workflow.currency)}
              </Text>
            ) : null
          }
        >
          {diagnosis === null ? (
            <Text size="sm" c="dimmed">
              {t('ticketActions.quote.needsDiagnosis')}
            </Text>
          ) : (
            // Keyed by the quote alone: saving the diagnosis re-prices the lines being written, it does not discard them.
            <QuoteEditor key={openQuote?.id ?? 'new'} workflow={workflow} perform={perform} feeItems={feeItems} parts={parts} />
          )}
        </SectionBox>
      )}
      {(can('parts.use') || can('parts.returnToCustomer')) && (
        <SectionBox section="parts" title={t('ticketActions.parts.title')} initiallyOpen>
          <PartsPanel workflow={workflow} perform={perform} parts={parts} />
        </SectionBox>
      )}
    </Stack>
  );
}
