// Kept notifications, newest first: when, for which callback, why, how many problems, the remote actions they
// name. A row opens its entry on a click or, focused, on Enter.
import { Badge, Paper, Table, Text } from '@mantine/core';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import type { QuarantineEntryDto } from '../../../../preload/contract/quarantine.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { callbackTitle } from '../callbacks/callback-text.js';
import { moreText, reasonLabel, reasonSentence, stateText } from './quarantine-text.js';
import classes from './QuarantineTable.module.css';

/** The first few ids fit a table cell; the entry shows them all. */
const IDS_SHOWN = 3;

export function QuarantineTable({
  items,
  callbacks,
  onOpen,
}: {
  items: QuarantineEntryDto[];
  callbacks?: CallbackDto[];
  onOpen(id: number): void;
}) {
  const names = new Map((callbacks ?? []).map((c) => [c.id, callbackTitle(c)]));
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" highlightOnHover aria-label={t('quarantine:table.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quarantine:table.column.received')}</Table.Th>
              <Table.Th>{t('quarantine:table.column.callback')}</Table.Th>
              <Table.Th>{t('quarantine:table.column.reason')}</Table.Th>
              <Table.Th>{t('quarantine:table.column.errors')}</Table.Th>
              <Table.Th>{t('quarantine:table.column.actionIds')}</Table.Th>
              <Table.Th>{t('quarantine:table.column.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => {
              const more = moreText(Math.min(IDS_SHOWN, e.remoteActionIds.length), e.remoteActionIdCount);
              return (
                <Table.Tr
                  key={e.id}
                  data-testid="quarantine-row"
                  data-id={e.id}
                  className={classes.row}
                  tabIndex={0}
                  aria-label={t('quarantine:table.row', { id: String(e.id), reason: reasonLabel(e.reason) })}
                  onClick={() => onOpen(e.id)}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    onOpen(e.id);
                  }}
                >
                  <Table.Td>
                    <TimeAgo iso={e.receivedAt} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{names.get(e.callbackId) ?? e.callbackId}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {reasonLabel(e.reason)}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2} maw={360}>
                      {reasonSentence(e)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatNumber(e.errorCount)}</Table.Td>
                  <Table.Td>
                    {e.remoteActionIds.slice(0, IDS_SHOWN).map((id) => (
                      <Text key={id} size="xs" ff="monospace" truncate maw={260}>
                        {id}
                      </Text>
                    ))}
                    {more ? (
                      <Text size="xs" c="dimmed">
                        {more}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {e.resolvedAt === null ? (
                      <Badge color="orange" variant="light">
                        {stateText(e)}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {stateText(e)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
