// A 3x3 unlock-pattern pad: the clerk clicks the dots in order, or, with the
// pad focused, types their digits 1-9 (Backspace removes the last one).
import { Box, Button, Group, Input, Stack, Text, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './PatternPad.module.css';

const DOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const CELL = 56;

/** Centre of a dot in the pad's own coordinates. */
function centre(dot: number): { x: number; y: number } {
  const index = dot - 1;
  return { x: (index % 3) * CELL + CELL / 2, y: Math.floor(index / 3) * CELL + CELL / 2 };
}

interface Props {
  id: string;
  error?: string;
  value: number[];
  onChange(value: number[]): void;
}

export function PatternPad({ id, error, value, onChange }: Props) {
  const { t } = useTranslation();
  const add = (dot: number) => {
    if (!value.includes(dot)) onChange([...value, dot]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (/^[1-9]$/.test(event.key)) {
      event.preventDefault();
      add(Number(event.key));
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      onChange(value.slice(0, -1));
    }
  };
  const path = value.map((dot) => centre(dot));

  return (
    // The pad itself carries the field's id (focus goes to it on an error); the wrapper gets its own.
    <Input.Wrapper
      id={`${id}-field`}
      label={t('intake.pattern')}
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
      description={t('intake.patternHint')}
      descriptionProps={{ id: `${id}-description` }}
      error={error}
      errorProps={{ id: `${id}-error` }}
    >
      <Group align="flex-start" gap="md" mt={4}>
        <Box
          id={id}
          className={classes.pad}
          tabIndex={0}
          role="group"
          aria-labelledby={`${id}-label`}
          aria-describedby={error ? `${id}-error ${id}-description` : `${id}-description`}
          aria-invalid={error ? true : undefined}
          onKeyDown={onKeyDown}
          style={{ width: CELL * 3, height: CELL * 3 }}
        >
          <svg className={classes.lines} width={CELL * 3} height={CELL * 3} aria-hidden="true">
            <polyline points={path.map((p) => `${p.x},${p.y}`).join(' ')} />
          </svg>
          {DOTS.map((dot) => {
            const order = value.indexOf(dot);
            return (
              <UnstyledButton
                key={dot}
                tabIndex={-1}
                className={classes.dot}
                data-chosen={order >= 0 || undefined}
                aria-label={t('intake.patternDot', { n: dot })}
                aria-pressed={order >= 0}
                onClick={() => add(dot)}
              >
                {order >= 0 ? order + 1 : ''}
              </UnstyledButton>
            );
          })}
        </Box>
        <Stack gap="xs">
          <Text size="sm" aria-live="polite">
            {value.length > 0 ? t('intake.patternDrawn', { pattern: value.join('-') }) : ''}
          </Text>
          <Button variant="default" size="xs" onClick={() => onChange([])} disabled={value.length === 0}>
            {t('intake.clearPattern')}
          </Button>
        </Stack>
      </Group>
    </Input.Wrapper>
  );
}
