// Asked before a new intake replaces one that is typed but not checked in.
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  onKeep(): void;
  onDiscard(): void;
}

export function DiscardDraftDialog({ opened, onKeep, onDiscard }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onKeep} title={t('counter.draft.discardTitle')} centered>
      <Text size="sm">{t('counter.draft.discardText')}</Text>
      <Group justify="flex-end" mt="md">
        {/* Keeping is the safe answer, so it has the focus: Enter keeps the typed intake. */}
        <Button variant="default" onClick={onKeep} data-autofocus>
          {t('counter.draft.keep')}
        </Button>
        <Button color="red" onClick={onDiscard}>
          {t('counter.draft.discard')}
        </Button>
      </Group>
    </Modal>
  );
}
