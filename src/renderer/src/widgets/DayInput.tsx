// A calendar day typed or picked, shown in the language's one date format (the
// same as on paper) and handed on as the YYYY-MM-DD the contract takes ('' when
// empty). Typing works in either format, so the keyboard never needs the calendar.
import { DateInput, type DateInputProps } from '@mantine/dates';
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

export function DayInput({ value, onChange, offer, ...rest }: Props) {
  const { i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const outOfRange = (day: string) => (offer === 'past' ? day > today() : day < today());
  return (
    <DateInput
      {...rest}
      value={value === '' ? null : value}
      onChange={(day) => onChange(day ?? '')}
      valueFormat={DATE_INPUT_FORMAT[language]}
      dateParser={parseDateInput}
      excludeDate={offer === undefined ? undefined : (day) => outOfRange(day.slice(0, 10))}
      clearable
    />
  );
}
