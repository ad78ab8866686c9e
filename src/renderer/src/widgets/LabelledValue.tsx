// A stored value under its small label, as the ticket and collection pages list
// them; long or multi-line text wraps inside its cell.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function LabelledValue({ label, children, span = 1 }: { label: string; children: ReactNode; span?: number }) {
  return (
    <div style={span > 1 ? { gridColumn: `span ${span}` } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
