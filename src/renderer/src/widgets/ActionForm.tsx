// An ActionCard that holds one form: Enter walks the fields, Ctrl+Enter or the
// submit button sends it, and the browser never validates or reloads.
import type { ReactNode } from 'react';
import { keyboardFormKeyDown } from '../forms/keyboard-form';
import { ActionCard } from './ActionCard';

export function ActionForm({ title, error, onSubmit, children }: { title: string; error?: string | null; onSubmit(): void; children: ReactNode }) {
  return (
    <ActionCard title={title} error={error}>
      <form
        noValidate
        onKeyDown={keyboardFormKeyDown(onSubmit)}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </ActionCard>
  );
}
