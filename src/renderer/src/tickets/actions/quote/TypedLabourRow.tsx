// Work the fee standard does not list: a description and a price typed in.
import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../shared/domain';
import { MoneyInput } from '../../../widgets/MoneyInput';
import { addTypedLabour, type DraftErrors, type DraftLine } from './quote-draft';

interface Props {
  lines: DraftLine[];
  onAdded: (lines: DraftLine[]) => void;
}

const NOTHING_TYPED = { description: '', price: '' };

export function TypedLabourRow({ lines, onAdded }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(NOTHING_TYPED);
  const [errors, setErrors] = useState<DraftErrors>({});
  const errorOf = (field: string) => (errors[field] ? t(`errors.field.${errors[field]}`) : undefined);
  const add = () => {
    const added = addTypedLabour(lines, typed);
    setErrors(added.errors);
    if (Object.keys(added.errors).length > 0) return;
    onAdded(added.lines);
    setTyped(NOTHING_TYPED);
  };
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <TextInput
        label={t('ticketActions.quote.typedLabour')}
        maxLength={LIMITS.shortTextMax * 2}
        value={typed.description}
        onChange={(event) => setTyped({ ...typed, description: event.currentTarget.value })}
        error={errorOf('typedDescription')}
        style={{ flex: 1 }}
      />
      <MoneyInput
        label={t('ticketActions.quote.typedLabourPrice')}
        value={typed.price}
        onChange={(event) => setTyped({ ...typed, price: event.currentTarget.value })}
        error={errorOf('typedPrice')}
        w={130}
      />
      <Button variant="default" mt={24} onClick={add}>
        {t('ticketActions.quote.addTypedLabour')}
      </Button>
    </Group>
  );
}
