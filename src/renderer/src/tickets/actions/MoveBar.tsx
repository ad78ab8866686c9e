// The status moves open to the ticket now, one button each named by its verb.
// A move that needs a reason opens a small note form in place; a move only a
// manager may make asks for a manager's PIN when main says so.
import { Button, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/domain';
import { roleMayMove } from '../../../../shared/roles';
import { useSession } from '../../session/session-context';
import { keyboardFormKeyDown } from '../../forms/keyboard-form';
import { required } from '../../forms/required';
import type { ActionFormProps } from './action-types';
import { FailureAlert } from '../../widgets/FailureAlert';
import { moveButtons, type MoveButton } from './move-verbs';
import { useFailure } from '../../widgets/useFailure';

const TONE_PROPS = {
  forward: { variant: 'filled' },
  other: { variant: 'default' },
  danger: { variant: 'light', color: 'red' },
} as const;

export function MoveBar({ workflow, perform }: ActionFormProps) {
  const { t } = useTranslation();
  const buttons = moveButtons(workflow.status, workflow.nextMoves);
  const [asking, setAsking] = useState<MoveButton | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { failure, fail, failFields, clear, edited, fieldError } = useFailure(['note']);
  const buttonRefs = useRef(new Map<string, HTMLButtonElement>());
  const role = useSession().current?.staff.role ?? null;
  // The role table's moves: one the signed-in role may not make is disabled with why; a manager's move says it asks for their PIN.
  const refusal = (move: MoveButton) =>
    role !== null && !roleMayMove(move.to, role) ? t('trust.gate.refused', { rule: t('errors.field.move_not_for_role'), role: t(`role.${role}`) }) : null;
  const approvalHint = (move: MoveButton) => (move.requiresManager && role !== 'manager' ? t('trust.gate.approval') : null);

  const label = (move: MoveButton) =>
    move.verb === 'moveTo' ? t('ticketActions.move.moveTo', { status: t(`status.${move.to}`) }) : t(`ticketActions.move.${move.verb}`);
  const prompt = (move: MoveButton) => t(`ticketActions.notePrompt.${move.verb in NOTE_PROMPTS ? (move.verb as NotePrompt) : 'moveTo'}`);

  const makeMove = async (move: MoveButton, text: string) => {
    if (busy) return;
    if (move.requiresNote && text.trim() === '') return failFields({ note: 'required' });
    setBusy(true);
    clear();
    const outcome = await perform(
      'workflow.move',
      { ticketId: workflow.ticketId, toStatus: move.to, note: text, managerApproval: null },
      t('ticketActions.managerReason.move', { action: label(move), number: workflow.displayNumber }),
    );
    setBusy(false);
    if (outcome.kind === 'failed') return fail(outcome.error);
    if (outcome.kind === 'done') {
      setAsking(null);
      setNote('');
    }
  };

  const open = (move: MoveButton) => {
    clear();
    if (!move.requiresNote) return void makeMove(move, '');
    setAsking(move);
    setNote('');
  };

  const closeNote = () => {
    const move = asking;
    setAsking(null);
    clear();
    if (move) buttonRefs.current.get(move.to)?.focus();
  };

  const onNoteKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Escape closes the note, not the ticket page.
    if (event.key === 'Escape') {
      event.preventDefault();
      return closeNote();
    }
    keyboardFormKeyDown(() => asking && void makeMove(asking, note))(event);
  };

  return (
    <Stack gap="xs" data-section="moves" component="section" aria-labelledby="ticket-actions-moves">
      <Title order={4} size="h5" id="ticket-actions-moves">
        {t('ticketActions.nextSteps')}
      </Title>
      {buttons.length > 0 && (
        <Group gap="sm">
          {buttons.map((move) => {
            const refused = refusal(move);
            const hint = refused ?? approvalHint(move);
            const button = (
              <Button
                key={move.to}
                ref={(element) => {
                  if (element) buttonRefs.current.set(move.to, element);
                  else buttonRefs.current.delete(move.to);
                }}
                {...TONE_PROPS[move.tone]}
                aria-expanded={move.requiresNote ? asking?.to === move.to : undefined}
                // data-disabled keeps hover and focus, so the reason shows.
                data-disabled={refused !== null || undefined}
                aria-disabled={refused !== null || undefined}
                aria-description={hint ?? undefined}
                disabled={busy}
                onClick={() => refused === null && open(move)}
              >
                {label(move)}
              </Button>
            );
            return hint === null ? (
              button
            ) : (
              <Tooltip key={move.to} label={hint} withArrow>
                {button}
              </Tooltip>
            );
          })}
        </Group>
      )}
      <StatusHint workflow={workflow} hasButtons={buttons.length > 0} />
      {asking && (
        <form
          noValidate
          aria-label={label(asking)}
          onKeyDown={onNoteKeyDown}
          onSubmit={(event) => {
            event.preventDefault();
            void makeMove(asking, note);
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={prompt(asking)}
              {...required()}
              data-autofocus
              autoFocus
              maxLength={LIMITS.notesMax}
              value={note}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                edited('note');
              }}
              error={fieldError('note')}
              description={asking.requiresManager ? t('ticketActions.needsManager') : undefined}
              style={{ flex: 1, minWidth: 280 }}
            />
            <Button type="submit" data-enter-target loading={busy} color={asking.tone === 'danger' ? 'red' : undefined}>
              {label(asking)}
            </Button>
            <Button variant="default" onClick={closeNote}>
              {t('ticketActions.cancel')}
            </Button>
          </Group>
        </form>
      )}
      <FailureAlert failure={failure} />
    </Stack>
  );
}

const NOTE_PROMPTS = {
  diagnoseAgain: true,
  sendToManufacturer: true,
  sendBackToManufacturer: true,
  testFailed: true,
  reopenTesting: true,
  customerReconsidered: true,
  markUnrepairable: true,
  cancelRepair: true,
} as const;
type NotePrompt = keyof typeof NOTE_PROMPTS;

/** Says why there is no button for what comes next (the customer decides, or it happens at collection). */
function StatusHint({ workflow, hasButtons }: { workflow: ActionFormProps['workflow']; hasButtons: boolean }) {
  const { t } = useTranslation();
  const via = workflow.nextMoves.map((move) => move.via);
  const text = via.includes('approval')
    ? t('ticketActions.waitingForDecision')
    : via.includes('collection')
      ? t('ticketActions.atCollection')
      : hasButtons
        ? null
        : t('ticketActions.nothingToDo');
  return text ? (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  ) : null;
}
