// The one money field: text as the clerk types it ("120", "120.50", "¥1,200"),
// a decimal keypad on touch screens, no autofill. Read it with readMoney
// (src/shared/money.ts), which gives minor units or the field's error code.
import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';

type Props = TextInputProps & Omit<ComponentPropsWithoutRef<'input'>, keyof TextInputProps | 'inputMode' | 'type'>;

export const MoneyInput = forwardRef<HTMLInputElement, Props>(function MoneyInput(props, ref) {
  return <TextInput ref={ref} inputMode="decimal" autoComplete="off" {...props} />;
});
