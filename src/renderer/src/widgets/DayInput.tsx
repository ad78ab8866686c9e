// A calendar day typed or picked, shown in the language's one date format (the
// same as on paper) and handed on as the YYYY-MM-DD the contract takes ('' when
// empty). Typing works in either format, so the keyboard never needs the calendar.
//
// The calendar opens on a click, on a key typed in the field and when the field
// is tabbed into, never when the desk moves focus there itself (a refused form
// showing its first wrong field): it would cover the fields below, and the next
// click would land on it.
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage, DATE_INPUT_FORMAT, parseDateInput } from '../../../shared/dates';

interface Props extends Omit<DateInputProps, 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate'> {
  value: string;
  onChange(isoDay: string): void;
  /**
   * The calendar offers only days up to today ('past') or from today ('future').
   * A day typed outside still reaches main, which says why it refuses it.
   */
  offer?: 'past' | 'future';
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whether the last key pressed anywhere was Tab (and no pointer went down since): a focus then is the user's. */
let tabbing = false;
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (event) => (tabbing = event.key === 'Tab'), true);
  document.addEventListener('pointerdown', () => (tabbing = false), true);
}

export function DayInput({ value, onChange, offer, popoverProps, getDayProps, onFocus, onBlur, onClick, onKeyDown, ...rest }: Props) {
  const { i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const [opened, setOpened] = useState(false);
  const outOfRange = (day: string) => (offer === 'past' ? day > today() : day < today());
  return (
    <DateInput
      {...rest}
      popoverProps={{ ...popoverProps, opened }}
      onFocus={(event) => {
        if (tabbing) setOpened(true);
        onFocus?.(event);
      }}
      onBlur={(event) => {
        setOpened(false);
        onBlur?.(event);
      }}
      onClick={(event) => {
        setOpened(true);
        onClick?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'Tab') setOpened(false);
        else if (event.key.length === 1 || ['ArrowDown', 'ArrowUp', 'Backspace', 'Delete'].includes(event.key)) setOpened(true);
        onKeyDown?.(event);
      }}
      getDayProps={(day) => {
        const props = getDayProps?.(day);
        return {
          ...props,
          onClick: (event) => {
            props?.onClick?.(event);
            // A day picked closes the calendar, as it does uncontrolled.
            setOpened(false);
          },
        };
      }}
      value={value === '' ? null : value}
      onChange={(day) => onChange(day ?? '')}
      valueFormat={DATE_INPUT_FORMAT[language]}
      dateParser={parseDateInput}
      excludeDate={offer === undefined ? undefined : (day) => outOfRange(day.slice(0, 10))}
      clearable
    />
  );
}
