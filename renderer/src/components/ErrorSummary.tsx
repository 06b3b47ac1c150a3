import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import type { ClientFailure } from '../../../preload/contract/client.js';
import { t } from '../i18n/index.js';
import { failureMessage, fieldMessage, type FieldError } from './field-errors.js';

/**
 * A form's own checks (before anything is sent) as a refusal to summarise: the same object while `local` is the same
 * array, so a summary that takes the focus takes it once per submit, not at every keystroke.
 */
export function useLocalFailure(local: readonly FieldError[]): ClientFailure | null {
  return useMemo(
    () =>
      local.length > 0
        ? { status: 0, code: 'LOCAL', message: t('errors:form.checkFields'), errors: [...local] }
        : null,
    [local],
  );
}

/**
 * The API's refusal in the reader's words (field-errors.ts), with every field message listed (each is also shown by
 * its field). Above a
 * form, `focusOnShow`: each refusal (a new `error`) brings the summary into view and gives it the focus, so the
 * keyboard and a screen reader start from the list of problems instead of staying on the submit button below.
 */
export function ErrorSummary({
  error,
  title,
  focusOnShow,
}: {
  error: ClientFailure | null;
  title?: string;
  focusOnShow?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const summary = ref.current;
    if (!focusOnShow || !error || !summary) return;
    summary.focus({ preventScroll: true });
    // Centred: at the top it would sit under the fixed header. (jsdom has no scrolling.)
    summary.scrollIntoView?.({ block: 'center' });
  }, [error, focusOnShow]);
  if (!error) return null;
  const fields = error.errors.filter((e) => e.message);
  const message = failureMessage(error);
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? message}
      role="alert"
      tabIndex={focusOnShow ? -1 : undefined}
      data-testid="error-summary"
    >
      {title ? message : null}
      {fields.length > 0 && (
        <List size="sm" mt={title ? 'xs' : 0}>
          {fields.map((e, i) => (
            <List.Item key={`${e.field}-${i}`}>{fieldMessage(e)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
