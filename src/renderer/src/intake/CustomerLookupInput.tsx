// A customer field that doubles as an archive lookup: matches open in a
// listbox under the field; ArrowDown/ArrowUp choose, Enter picks, Escape closes.
import { Combobox, Group, Text, TextInput, useCombobox, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../shared/contract';

interface Props extends Omit<TextInputProps, 'onChange'> {
  value: string;
  onChange(value: string): void;
  matches: CustomerSummary[];
  /** Matches are offered only while the customer is not yet linked. */
  offerMatches: boolean;
  onPick(customer: CustomerSummary): void;
}

export function CustomerLookupInput({ value, onChange, matches, offerMatches, onPick, onFocus, onBlur, ...inputProps }: Props) {
  const { t } = useTranslation();
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const opened = focused && offerMatches && !dismissed && matches.length > 0;
  const combobox = useCombobox({
    opened,
    onOpenedChange: (next) => setDismissed(!next),
    onDropdownClose: () => combobox.resetSelectedOption(),
  });

  return (
    <Combobox
      store={combobox}
      withinPortal
      position="bottom-start"
      onOptionSubmit={(id) => {
        const picked = matches.find((m) => String(m.id) === id);
        if (picked) onPick(picked);
      }}
    >
      <Combobox.Target>
        <TextInput
          {...inputProps}
          value={value}
          autoComplete="off"
          onChange={(event) => {
            setDismissed(false);
            onChange(event.currentTarget.value);
          }}
          onFocus={(event) => {
            setFocused(true);
            onFocus?.(event);
          }}
          onBlur={(event) => {
            setFocused(false);
            onBlur?.(event);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown miw={320}>
        <Combobox.Header>
          <Text size="xs" c="dimmed">
            {t('intake.matches')}
          </Text>
        </Combobox.Header>
        <Combobox.Options aria-label={t('intake.matches')}>
          {matches.map((match) => (
            <Combobox.Option key={match.id} value={String(match.id)}>
              <Group justify="space-between" wrap="nowrap" gap="md">
                <div>
                  <Text size="sm" fw={500}>
                    {match.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {match.phone}
                  </Text>
                </div>
                <Text size="xs" c="dimmed">
                  {t('intake.visits', { count: match.ticketCount })}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
