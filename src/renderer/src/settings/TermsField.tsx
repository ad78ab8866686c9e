// The shop's own terms printed on a document: the intake form's and the claim
// ticket's (other documents have none). Empty prints the built-in terms.
import { Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableDocument } from '../../../shared/contract';
import { LIMITS } from '../../../shared/domain';
import { fieldId } from '../forms/field-errors';
import { PRINTING_FORM } from './printing-draft';

export type TermsKey = 'intakeTerms' | 'claimTerms';

const TERMS: Partial<
  Record<PrintableDocument, { key: TermsKey; placeholder: 'docs.defaultTerms' | 'docs.defaultClaimTerms'; minRows: number; maxRows: number }>
> = {
  'intake-form': { key: 'intakeTerms', placeholder: 'docs.defaultTerms', minRows: 3, maxRows: 10 },
  'claim-ticket': { key: 'claimTerms', placeholder: 'docs.defaultClaimTerms', minRows: 2, maxRows: 8 },
};

interface Props {
  document: PrintableDocument;
  value: Record<TermsKey, string>;
  error(key: TermsKey): ReactNode;
  onChange(key: TermsKey, value: string): void;
}

export function TermsField({ document, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const terms = TERMS[document];
  if (!terms) return null;
  return (
    <Textarea
      id={fieldId(PRINTING_FORM, terms.key)}
      label={t(`settings.printing.${terms.key}`)}
      description={t('settings.printing.termsHint')}
      placeholder={t(terms.placeholder)}
      autosize
      minRows={terms.minRows}
      maxRows={terms.maxRows}
      maxLength={LIMITS.notesMax}
      value={value[terms.key]}
      error={error(terms.key)}
      onChange={(event) => onChange(terms.key, event.currentTarget.value)}
    />
  );
}
