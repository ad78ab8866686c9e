// The quote's discount: none, a percentage or an amount, always with a reason.
import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../shared/domain';
import { DISCOUNT_KINDS } from '../../../../../shared/workflow';
import { required } from '../../../forms/required';
import { MoneyInput } from '../../../widgets/MoneyInput';
import type { QuoteDraft } from './quote-draft';

type Discount = Pick<QuoteDraft, 'discountKind' | 'discountValue' | 'discountReason'>;

interface Props {
  discount: Discount;
  /** A change; field is the contract path whose error it clears, if any. */
  onChange: (change: Partial<Discount>, field?: string) => void;
  fieldError: (field: string) => string | undefined;
  /** Main found the discount larger than the charge. */
  tooLarge: string | undefined;
}

export function DiscountFields({ discount, onChange, fieldError, tooLarge }: Props) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <NativeSelect
        label={t('ticketActions.quote.discountKind')}
        value={discount.discountKind}
        onChange={(event) => onChange({ discountKind: event.currentTarget.value as QuoteDraft['discountKind'] })}
        data={[
          { value: 'none', label: t('ticketActions.quote.noDiscount') },
          ...DISCOUNT_KINDS.map((kind) => ({ value: kind, label: t(`workflow.discountKind.${kind}`) })),
        ]}
        w={160}
      />
      {discount.discountKind !== 'none' && (
        <>
          <MoneyInput
            label={discount.discountKind === 'percent' ? t('ticketActions.quote.discountPercent') : t('ticketActions.quote.discountAmount')}
            {...required()}
            value={discount.discountValue}
            onChange={(event) => onChange({ discountValue: event.currentTarget.value }, 'discount.value')}
            error={fieldError('discount.value') ?? tooLarge}
            w={150}
          />
          <TextInput
            label={t('ticketActions.quote.discountReason')}
            {...required()}
            maxLength={LIMITS.shortTextMax * 2}
            value={discount.discountReason}
            onChange={(event) => onChange({ discountReason: event.currentTarget.value }, 'discount.reason')}
            error={fieldError('discount.reason')}
            style={{ flex: 1 }}
          />
        </>
      )}
    </Group>
  );
}
