// The translated name and meaning of a severity level (故障等级). The tables key
// levels by number, which the typed t() cannot spell, hence the one cast here.
import type { TFunction } from 'i18next';
import type { SeverityLevel } from '../../../../shared/workflow';

export function severityName(t: TFunction, level: SeverityLevel): string {
  return t(`workflow.severity.${level}` as 'workflow.severityLabel');
}

export function severityMeaning(t: TFunction, level: SeverityLevel): string {
  return t(`workflow.severityHint.${level}` as 'workflow.severityLabel');
}
