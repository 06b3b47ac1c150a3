// The backups in the folder, newest first, each with its kind, time, size, whether it is encrypted, and "Restore…".
import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import type { BackupEntryDto, BackupKind } from '../../../../preload/contract/backups.js';
import { t } from '../../i18n/index.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';

function kindLabel(kind: BackupKind): string {
  if (kind === 'scheduled') return t('backups:kind.scheduled');
  if (kind === 'manual') return t('backups:kind.manual');
  return t('backups:kind.beforeMigration');
}

const sizeText = (bytes: number) =>
  t('backups:list.size', { size: formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 }) });

export function BackupsList({
  backups,
  onRestore,
}: {
  backups: readonly BackupEntryDto[];
  onRestore: (backup: BackupEntryDto) => void;
}) {
  if (backups.length === 0) return <Text size="sm">{t('backups:list.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={t('backups:list.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups:list.taken')}</Table.Th>
            <Table.Th>{t('backups:list.kind')}</Table.Th>
            <Table.Th>{t('backups:list.sizeHeader')}</Table.Th>
            <Table.Th>{t('backups:list.name')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('backups:list.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.name}>
              <Table.Td>{formatDateTime(backup.createdAt)}</Table.Td>
              <Table.Td>
                {kindLabel(backup.kind)}{' '}
                {backup.encrypted ? (
                  <Badge size="sm" variant="light">
                    {t('backups:list.encrypted')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{sizeText(backup.bytes)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {backup.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRestore size={14} aria-hidden />}
                  aria-label={t('backups:list.restoreNamed', { taken: formatDateTime(backup.createdAt) })}
                  onClick={() => onRestore(backup)}
                >
                  {t('backups:list.restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
