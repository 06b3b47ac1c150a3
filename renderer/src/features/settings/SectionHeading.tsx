// The heading of a Settings section: its title (the section's accessible name, by `id`) and what it is for.
import { Stack, Text, Title } from '@mantine/core';

export function SectionHeading({
  id,
  title,
  description,
  maw = 720,
}: {
  id: string;
  title: string;
  description: string;
  maw?: number;
}) {
  return (
    <Stack gap={4} maw={maw}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {description}
      </Text>
    </Stack>
  );
}
