// Above the fleet list: how many vehicles are ticked (said to screen readers as it changes, since Space on a row
// ticks without moving the focus), tick every vehicle shown or none, and act on the ticked ones: add them to a group,
// or send them one command (the bulk command page).
import { Button, Group, Text } from '@mantine/core';
import { IconSend, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { useStores } from '../../app/stores-context.js';
import { useOpenedOnce } from '../../components/use-opened-once.js';
import { t } from '../../i18n/index.js';
import { ROUTINE_ACCESS_TEXT, useRoutineAccess } from '../access/routine-access.js';
import { AddToGroupDialog } from './GroupDialogs.js';

export function SelectionBar({ shown }: { shown: readonly VehicleSummaryDto[] }) {
  const stores = useStores();
  const selected = useStore(stores.selection, (s) => s.selected);
  const access = useRoutineAccess();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const dialogMounted = useOpenedOnce(adding);
  const count = selected.size;
  const allShown = shown.length > 0 && shown.every((v) => selected.has(v.id));

  return (
    <Group gap="xs" wrap="wrap" data-testid="selection-bar">
      <Text size="sm" fw={600} role="status" data-testid="selection-count" miw={90}>
        {count === 0 ? t('groups:selection.none') : t('groups:selection.count', { count })}
      </Text>
      <Button
        size="xs"
        variant="default"
        onClick={() =>
          stores.selection.getState().setMany(
            shown.map((v) => v.id),
            !allShown,
          )
        }
        disabled={shown.length === 0}
      >
        {allShown
          ? t('groups:selection.unselectAll')
          : t('groups:selection.selectAll', { count: shown.length })}
      </Button>
      <Button
        size="xs"
        variant="default"
        onClick={() => stores.selection.getState().clear()}
        disabled={count === 0}
      >
        {t('groups:selection.clear')}
      </Button>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconUsersPlus size={16} aria-hidden />}
        onClick={() => setAdding(true)}
        disabled={count === 0 || !access.groups}
        title={access.groups ? undefined : ROUTINE_ACCESS_TEXT.groups}
      >
        {t('groups:selection.addToGroup')}
      </Button>
      <Button
        size="xs"
        leftSection={<IconSend size={16} aria-hidden />}
        onClick={() => stores.router.getState().navigate({ name: 'bulk-new' })}
        disabled={count === 0}
      >
        {t('groups:selection.send')}
      </Button>
      <Text size="sm" c="green.9" role="status" data-testid="selection-notice">
        {notice}
      </Text>
      {dialogMounted ? (
        <AddToGroupDialog
          opened={adding}
          vehicleIds={[...selected]}
          onClose={() => setAdding(false)}
          onDone={setNotice}
        />
      ) : null}
    </Group>
  );
}
