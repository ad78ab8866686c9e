// A part ordered in for this one repair: never stock. Its cost is the shop's,
// shown to managers only afterwards.
import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../shared/domain';
import { MoneyInput } from '../../../widgets/MoneyInput';
import { addBoughtPart, type DraftErrors, type DraftLine } from './quote-draft';

interface Props {
  lines: DraftLine[];
  onAdded: (lines: DraftLine[]) => void;
}

const NO_BOUGHT_PART = { description: '', price: '', cost: '', supplier: '' };

export function BoughtPartRow({ lines, onAdded }: Props) {
  const { t } = useTranslation();
  const [bought, setBought] = useState(NO_BOUGHT_PART);
  const [errors, setErrors] = useState<DraftErrors>({});
  const errorOf = (field: string) => (errors[field] ? t(`errors.field.${errors[field]}`) : undefined);
  const add = () => {
    const added = addBoughtPart(lines, bought);
    setErrors(added.errors);
    if (Object.keys(added.errors).length > 0) return;
    onAdded(added.lines);
    setBought(NO_BOUGHT_PART);
  };
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <TextInput
        label={t('ticketActions.quote.boughtPart')}
        maxLength={LIMITS.shortTextMax * 2}
        value={bought.description}
        onChange={(event) => setBought({ ...bought, description: event.currentTarget.value })}
        error={errorOf('boughtDescription')}
        style={{ flex: 1 }}
      />
      <MoneyInput
        label={t('ticketActions.quote.boughtPrice')}
        value={bought.price}
        onChange={(event) => setBought({ ...bought, price: event.currentTarget.value })}
        error={errorOf('boughtPrice')}
        w={120}
      />
      <MoneyInput
        label={t('ticketActions.quote.boughtCost')}
        value={bought.cost}
        onChange={(event) => setBought({ ...bought, cost: event.currentTarget.value })}
        error={errorOf('boughtCost')}
        w={120}
      />
      <TextInput
        label={t('ticketActions.quote.boughtSupplier')}
        maxLength={LIMITS.shortTextMax}
        value={bought.supplier}
        onChange={(event) => setBought({ ...bought, supplier: event.currentTarget.value })}
        w={150}
      />
      <Button variant="default" mt={24} onClick={add}>
        {t('ticketActions.quote.addBoughtPart')}
      </Button>
    </Group>
  );
}
