import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ClientFailure } from '../../../preload/contract/client.js';

/** The API's refusal in its own words, with every field message listed (each is also shown by its field). */
export function ErrorSummary({ error, title }: { error: ClientFailure | null; title?: string }) {
  if (!error) return null;
  const fields = error.errors.filter((e) => e.message);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? error.message}
      role="alert"
      data-testid="error-summary"
    >
      {title ? error.message : null}
      {fields.length > 0 && (
        <List size="sm" mt={title ? 'xs' : 0}>
          {fields.map((e, i) => (
            <List.Item key={`${e.field}-${i}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
