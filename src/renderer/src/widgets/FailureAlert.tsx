// The message of a failed action that no field shows, announced to screen readers.
import { Alert } from '@mantine/core';
import type { Failure } from './error-text';

export function FailureAlert({ failure }: { failure: Failure | null }) {
  if (!failure?.message) return null;
  return (
    <Alert color="red" role="alert" py="xs">
      {failure.message}
    </Alert>
  );
}
