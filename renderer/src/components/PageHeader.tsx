import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A page's title (its one h1, focused when the page opens: tabIndex −1, see use-page-open.ts), a line about it and
 * its actions. `compact`, for pages that need the room below (the fleet list): all on one line that never wraps, the
 * description cut short if need be.
 */
export function PageHeader({
  title,
  description,
  actions,
  compact,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  compact?: boolean;
}) {
  if (compact) {
    // Title and line side by side: the rows below get the height.
    return (
      <Group justify="space-between" align="baseline" wrap="nowrap" gap="md">
        <Group align="baseline" gap="md" wrap="nowrap" miw={0}>
          <Title order={1} size="h2" tabIndex={-1} style={{ flex: 'none' }}>
            {title}
          </Title>
          {description ? (
            <Text c="dimmed" size="sm" truncate="end">
              {description}
            </Text>
          ) : null}
        </Group>
        {actions}
      </Group>
    );
  }
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap" gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2" tabIndex={-1}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="md">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
