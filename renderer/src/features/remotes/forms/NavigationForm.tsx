import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconMapPin, IconPlus, IconTrash } from '@tabler/icons-react';
import { errorAt } from '../../../components/field-errors.js';
import { t } from '../../../i18n/index.js';
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

/** Where the API reports a problem with the list of points as a whole. */
const POSITIONS_FIELD = 'navigation.positions';

function pointName(index: number, count: number): string {
  return index === count - 1
    ? t('remotes:navigation.destination')
    : t('remotes:navigation.waypoint', { number: index + 1 });
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
        {t('remotes:navigation.intro', { max: MAX_POINTS })}
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
                    label={t('remotes:navigation.latitude')}
                    placeholder="48.8566"
                    inputMode="decimal"
                    w={160}
                    value={point.latitude}
                    onPaste={onPaste(index, point)}
                    onChange={(e) => setPoint(index, { ...point, latitude: e.currentTarget.value })}
                    error={errorAt(errors, `${path}.coordinates[1]`)}
                    aria-label={t('remotes:navigation.latitudeOf', { point: name })}
                  />
                  <TextInput
                    label={t('remotes:navigation.longitude')}
                    placeholder="2.3522"
                    inputMode="decimal"
                    w={160}
                    value={point.longitude}
                    onPaste={onPaste(index, point)}
                    onChange={(e) => setPoint(index, { ...point, longitude: e.currentTarget.value })}
                    error={errorAt(errors, `${path}.coordinates[0]`)}
                    aria-label={t('remotes:navigation.longitudeOf', { point: name })}
                  />
                  <Group gap={4} mt={28}>
                    <Tooltip label={t('remotes:navigation.moveUp')}>
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={t('remotes:navigation.moveUpOf', { point: name })}
                        disabled={index === 0}
                        onClick={() => onChange(movePoint(draft, index, -1))}
                      >
                        <IconArrowUp size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('remotes:navigation.moveDown')}>
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={t('remotes:navigation.moveDownOf', { point: name })}
                        disabled={index === count - 1}
                        onClick={() => onChange(movePoint(draft, index, 1))}
                      >
                        <IconArrowDown size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('remotes:navigation.remove')}>
                      <ActionIcon
                        variant="default"
                        color="red"
                        size="lg"
                        aria-label={t('remotes:navigation.removeOf', { point: name })}
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
      {errorAt(errors, POSITIONS_FIELD) ? (
        <Text c="red" size="sm">
          {errorAt(errors, POSITIONS_FIELD)}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={count >= MAX_POINTS}
          onClick={() => onChange(addPoint(draft))}
        >
          {t('remotes:navigation.addPoint')}
        </Button>
        {count >= MAX_POINTS ? (
          <Text size="sm">{t('remotes:navigation.max', { max: MAX_POINTS, waypoints: MAX_POINTS - 1 })}</Text>
        ) : null}
      </Group>
    </Stack>
  );
}
