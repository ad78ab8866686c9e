import { fieldId } from '../forms/field-errors';
import { INTAKE_FORM } from './field-props';

/** Moves focus to the invalid field that comes first on the page. */
export function focusFirstError(paths: string[]): void {
  const elements = paths
    .map((path) => document.getElementById(fieldId(INTAKE_FORM, path)))
    .filter((element): element is HTMLElement => element !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = elements[0];
  if (!first) return;
  first.focus({ preventScroll: true });
  first.scrollIntoView({ block: 'center' });
}

/** The device tab to show: the active one if it has errors, else the first that has. */
export function deviceTabForErrors(paths: string[], activeIndex: number): number {
  const indexes = paths
    .map((path) => /^devices\.(\d+)\./.exec(path))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]));
  if (indexes.length === 0 || indexes.includes(activeIndex)) return activeIndex;
  return Math.min(...indexes);
}
