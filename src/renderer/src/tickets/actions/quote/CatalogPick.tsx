// A pick from a list (the fee standard, the parts on the shelf) with its Add
// button: the keyboard path is choose, Tab, Enter.
import { Button, Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  addLabel: string;
  options: { value: string; label: string }[];
  onAdd: (id: number) => void;
}

export function CatalogPick({ label, addLabel, options, onAdd }: Props) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState('');
  const add = () => {
    const id = Number(picked);
    if (id) onAdd(id);
  };
  return (
    <Group align="flex-end" gap="sm" wrap="nowrap">
      <NativeSelect
        label={label}
        value={picked}
        onChange={(event) => setPicked(event.currentTarget.value)}
        data={[{ value: '', label: t('ticketActions.diagnosis.choose') }, ...options]}
        style={{ flex: 1 }}
      />
      <Button variant="default" disabled={!picked} onClick={add}>
        {addLabel}
      </Button>
    </Group>
  );
}
