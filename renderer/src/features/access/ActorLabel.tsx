// Who did something, with their role: the audit log, the action page, the history.
import { Group, Text } from '@mantine/core';
import type { ActorRef } from '../../../../preload/contract/vocabulary.js';
import { actorText } from './access-text.js';
import { RoleBadge } from './RoleBadge.js';

export function ActorLabel({
  actor,
  fallback,
}: {
  actor: ActorRef | null | undefined;
  fallback?: string | null;
}) {
  if (!actor) return <Text size="sm">{fallback ?? ''}</Text>;
  return (
    <Group gap={6} wrap="nowrap" data-testid="actor" data-actor-kind={actor.kind}>
      <Text size="sm" fw={600}>
        {actorText(actor)}
      </Text>
      {actor.kind === 'system' ? null : <RoleBadge role={actor.role} size="sm" />}
    </Group>
  );
}
