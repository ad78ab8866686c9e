// Submitting an intake: check the draft, send it once, and keep either the
// result or the errors (the draft itself is never cleared on error).
import { useCallback, useRef, useState } from 'react';
import type { CheckInResult, WarrantyAssessment } from '../../../shared/contract';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useDesk } from '../desk/desk-context';
import { serverFieldErrors, withoutField, type FieldErrors } from '../forms/field-errors';
import type { DeviceDraft, IntakeDraft } from './draft';
import { checkIntakePayload } from './payload';
import { deskToday } from '../desk/today';

export interface Submitted {
  result: CheckInResult;
  devices: DeviceDraft[];
}

export function useCheckIn(warranties: Record<string, WarrantyAssessment | undefined>) {
  const { settings } = useDesk();
  const signedIn = useSignedInCall();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ message: string; code: string } | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const inFlight = useRef(false);

  /** Resolves to the errors found, so the form can move focus to the first one. */
  const submit = useCallback(
    async (draft: IntakeDraft): Promise<FieldErrors> => {
      if (inFlight.current) return {};
      const checked = checkIntakePayload(draft, { settings, warranties, today: deskToday() });
      setFailure(null);
      if (!checked.ok) {
        setErrors(checked.errors);
        return checked.errors;
      }
      inFlight.current = true;
      setSaving(true);
      try {
        // The clerk is whoever signs in: a locked counter asks for a PIN here and then checks in.
        const result = await signedIn('intake.checkIn', checked.payload);
        if (isCancelled(result)) return {};
        if (result.ok) {
          setErrors({});
          setSubmitted({ result: result.data, devices: draft.devices });
          return {};
        }
        const fieldErrors = serverFieldErrors(result.error.fields);
        setErrors(fieldErrors);
        setFailure({ message: result.error.message, code: result.error.code });
        return fieldErrors;
      } finally {
        inFlight.current = false;
        setSaving(false);
      }
    },
    [settings, warranties, signedIn],
  );

  const clearError = useCallback((path: string) => setErrors((current) => withoutField(current, path)), []);

  return { saving, errors, failure, submitted, submit, clearError };
}
