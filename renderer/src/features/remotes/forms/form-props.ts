import type { FieldError } from '../../../components/field-errors.js';

export interface FormProps<D> {
  draft: D;
  onChange(draft: D): void;
  errors: readonly FieldError[];
}
