import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconMapPin, IconPlus, IconTrash } from '@tabler/icons-react';
import { errorAt } from '../../../components/field-errors.js';
import {
  addPoint,
  MAX_POINTS,
  movePoint,
  type NavigationDraft,
  type PointDraft,
  removePoint,
  splitPair,
} from '../models/navigation-model.js';
import type { FormProps } from './form-props.js';

function pointName(index: number, count: number): string {
  return index === count - 1 ? 'Destination' : `Waypoint ${index + 1}`;
}

export function NavigationForm({ draft, onChange, errors }: FormProps<NavigationDraft>) {
  const count = draft.points.length;
  const setPoint = (index: number, point: PointDraft) =>
    onChange({ ...draft, points: draft.points.map((p, i) => (i === index ? point : p)) });

  // "48.8566, 2.3522" pasted into either field fills both (maps copy latitude first).
  const onPaste = (index: number, point: PointDraft) => (event: React.ClipboardEvent<HTMLInputElement>) => {
    const pair = splitPair(event.clipboardData.getData('text'));
    if (!pair) return;
    event.preventDefault();
    setPoint(index, { ...point, ...pair });
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Up to {MAX_POINTS} points: the last one is the destination, the others are waypoints in order. Paste
        &quot;latitude, longitude&quot; from a map into either field.
      </Text>
      <ol style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        {draft.points.map((point, index) => {
          const name = pointName(index, count);
          const path = `navigation.positions[${index}]`;
          const pairError = errorAt(errors, `${path}.coordinates`) ?? errorAt(errors, path);
          return (
            <li key={point.key} aria-label={name}>
              <Paper withBorder p="sm">
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <Badge
                    mt={30}
                    size="lg"
                    variant={index === count - 1 ? 'filled' : 'light'}
                    leftSection={<IconMapPin size={14} aria-hidden />}
                    w={150}
                  >
                    {name}
                  </Badge>
                  <TextInput
                    label="Latitude"
                    placeholder="48.8566"
                    inputMode="decimal"
                    w={160}
                    value={point.latitude}
                    onPaste={onPaste(index, point)}
                    onChange={(e) => setPoint(index, { ...point, latitude: e.currentTarget.value })}
                    error={errorAt(errors, `${path}.coordinates[1]`)}
                    aria-label={`${name} latitude`}
                  />
                  <TextInput
                    label="Longitude"
                    placeholder="2.3522"
                    inputMode="decimal"
                    w={160}
                    value={point.longitude}
                    onPaste={onPaste(index, point)}
                    onChange={(e) => setPoint(index, { ...point, longitude: e.currentTarget.value })}
                    error={errorAt(errors, `${path}.coordinates[0]`)}
                    aria-label={`${name} longitude`}
                  />
                  <Group gap={4} mt={28}>
                    <Tooltip label="Move up">
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={`Move ${name} up`}
                        disabled={index === 0}
                        onClick={() => onChange(movePoint(draft, index, -1))}
                      >
                        <IconArrowUp size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Move down">
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={`Move ${name} down`}
                        disabled={index === count - 1}
                        onClick={() => onChange(movePoint(draft, index, 1))}
                      >
                        <IconArrowDown size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Remove">
                      <ActionIcon
                        variant="default"
                        color="red"
                        size="lg"
                        aria-label={`Remove ${name}`}
                        disabled={count === 1}
                        onClick={() => onChange(removePoint(draft, index))}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Group>
                {pairError ? (
                  <Text c="red" size="sm" mt={4}>
                    {pairError}
                  </Text>
                ) : null}
              </Paper>
            </li>
          );
        })}
      </ol>
      {errorAt(errors, 'navigation.positions') ? (
        <Text c="red" size="sm">
          {errorAt(errors, 'navigation.positions')}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={count >= MAX_POINTS}
          onClick={() => onChange(addPoint(draft))}
        >
          Add a point
        </Button>
        {count >= MAX_POINTS ? (
          <Text size="sm">10 points at most: 9 waypoints and the destination.</Text>
        ) : null}
      </Group>
    </Stack>
  );
}
