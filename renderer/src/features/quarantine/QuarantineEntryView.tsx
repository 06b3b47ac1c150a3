// #/deliveries/quarantine/{id} — one kept notification read whole: why it was kept (each problem, the first 100
// and how many more), the body and headers as received, who sent it; replay it, or resolve it with a reason.
// Past 300 lines: the page and its two actions (replay, resolve) share one entry's state and one outcome line.
import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconCheck, IconPlayerPlay } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { QuarantineDetailDto, QuarantineReplayDto } from '../../../../preload/contract/quarantine.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { clockText } from '../../components/time-text.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { AdminsOnlyNote } from '../access/AdminsOnlyNote.js';
import { useAdminOnly } from '../access/use-access.js';
import { callbackTitle } from '../callbacks/callback-text.js';
import { TimePhrase } from '../deliveries/TimePhrase.js';
import { problemText } from './problem-text.js';
import { reasonLabel, reasonSentence, replayOutcomeText, stateText, moreText } from './quarantine-text.js';
import { ReceivedBody } from './ReceivedBody.js';
import { ResolveDialog } from './ResolveDialog.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

function Problems({ detail }: { detail: QuarantineDetailDto }) {
  if (detail.errorCount === 0) return null;
  const more = detail.errorCount - detail.errors.length;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('quarantine:problems.title', { count: detail.errorCount })}
      </Title>
      {/* Up to 100 lines: scrolled in place, so the body and headers stay near. */}
      <Box
        mah={360}
        style={{ overflowY: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={t('quarantine:problems.label')}
      >
        <List size="sm" spacing={4} data-testid="quarantine-errors">
          {detail.errors.map((e, i) => (
            <List.Item key={`${e.field}-${i}`}>
              {e.field ? (
                <Text span ff="monospace" size="sm" fw={600}>
                  {e.field}
                  {': '}
                </Text>
              ) : null}
              {problemText(e)}
            </List.Item>
          ))}
        </List>
      </Box>
      {more > 0 ? (
        <Text size="sm" c="dimmed" data-testid="quarantine-errors-more">
          {t('quarantine:problems.more', { more, kept: detail.errors.length })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Headers({ headers }: { headers: Record<string, string> }) {
  const names = Object.keys(headers).sort();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('quarantine:headers.title')}
      </Title>
      {names.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('quarantine:headers.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table
            aria-label={t('quarantine:headers.title')}
            verticalSpacing={4}
            data-testid="quarantine-headers"
          >
            <Table.Tbody>
              {names.map((name) => (
                <Table.Tr key={name}>
                  <Table.Td w={240}>
                    <Text ff="monospace" size="sm" fw={600}>
                      {name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                      {headers[name]}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        {t('quarantine:headers.note')}
      </Text>
    </Stack>
  );
}

function ReplayOutcome({ result }: { result: QuarantineReplayDto }) {
  const words = replayOutcomeText(result);
  return (
    <Alert color={words.color} variant="light" title={words.title} role="status" data-testid="replay-outcome">
      {words.text}
    </Alert>
  );
}

export function QuarantineEntryView({ entryId }: { entryId: number }) {
  const stores = useStores();
  const entry = useStore(stores.quarantine, (s) => (s.entry?.id === entryId ? s.entry : null));
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const operator = useStore(stores.session, (s) => s.operator);
  const adminOnly = useAdminOnly();
  const [busy, setBusy] = useState<'replay' | 'resolve' | null>(null);
  const [replayed, setReplayed] = useState<QuarantineReplayDto | null>(null);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [resolved, setResolved] = useState(false);
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void stores.quarantine.getState().open(entryId);
    // Opened from the list with the keyboard: reading starts at the entry's title.
    heading.current?.focus();
    return () => stores.quarantine.getState().close();
  }, [stores, entryId]);

  async function replay() {
    setBusy('replay');
    setFailure(null);
    setResolved(false);
    const r = await stores.quarantine.getState().replay(entryId, operator);
    setBusy(null);
    setReplayed(r.ok ? r.value : null);
    setFailure(r.ok ? null : r.error);
  }
  async function resolve(reason: string) {
    setBusy('resolve');
    setFailure(null);
    const r = await stores.quarantine.getState().resolve(entryId, operator, reason);
    setBusy(null);
    setAsking(false);
    setReplayed(null);
    setResolved(r.ok);
    setFailure(r.ok ? null : r.error);
  }

  const detail = entry?.detail ?? null;
  const callback = detail ? callbacks.find((c) => c.id === detail.callbackId) : undefined;
  const open = detail !== null && detail.resolvedAt === null;
  const actionIdsMore = detail ? moreText(detail.remoteActionIds.length, detail.remoteActionIdCount) : null;
  return (
    <Stack gap="md">
      <Anchor href="#/deliveries/quarantine" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('quarantine:page.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
            {t('quarantine:entry.title', { id: String(entryId) })}
          </Title>
          {detail ? (
            <Text c="dimmed">
              {reasonLabel(detail.reason)} — {reasonSentence(detail)}
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm">
          <AdminsOnlyNote id="quarantine-admins" />
          <Button
            leftSection={<IconPlayerPlay size={18} aria-hidden />}
            disabled={!open || busy !== null || adminOnly.disabled}
            aria-describedby={adminOnly.disabled ? 'quarantine-admins' : undefined}
            loading={busy === 'replay'}
            onClick={() => void replay()}
          >
            {t('quarantine:entry.replay')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconCheck size={18} aria-hidden />}
            disabled={!open || busy !== null || adminOnly.disabled}
            aria-describedby={adminOnly.disabled ? 'quarantine-admins' : undefined}
            onClick={() => setAsking(true)}
          >
            {t('quarantine:entry.resolve')}
          </Button>
        </Group>
      </Group>
      {replayed ? <ReplayOutcome result={replayed} /> : null}
      {resolved ? (
        <Text role="status" fw={600}>
          {t('quarantine:entry.resolved')}
        </Text>
      ) : null}
      <ErrorSummary error={failure} />
      <ErrorSummary error={entry?.error ?? null} />
      {!detail && entry?.loading !== false ? <Loader aria-label={t('quarantine:entry.loading')} /> : null}
      {detail ? (
        <>
          <Paper withBorder p="lg">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
              <Fact label={t('quarantine:fact.received')}>
                <TimeAgo iso={detail.receivedAt} /> · {clockText(detail.receivedAt)}
              </Fact>
              <Fact label={t('quarantine:fact.callback')}>
                <Anchor href={`#/callbacks/${encodeURIComponent(detail.callbackId)}`}>
                  {callback ? callbackTitle(callback) : detail.callbackId}
                </Anchor>
              </Fact>
              <Fact label={t('quarantine:fact.state')}>
                <span data-testid="quarantine-state">{stateText(detail)}</span>
                {detail.resolvedAt ? (
                  <Text size="sm" c="dimmed">
                    <TimeAgo iso={detail.resolvedAt} />
                  </Text>
                ) : null}
              </Fact>
              <Fact label={t('quarantine:fact.replays')}>
                {detail.replays === 0 ? t('quarantine:fact.replays.none') : formatNumber(detail.replays)}
                {detail.lastReplayAt ? (
                  <Text size="sm" c="dimmed">
                    <TimePhrase
                      iso={detail.lastReplayAt}
                      phrase={(when) => t('quarantine:fact.replays.last', { when })}
                    />
                  </Text>
                ) : null}
              </Fact>
              <Fact label={t('quarantine:fact.sentFrom')}>
                {detail.remoteAddress ?? t('quarantine:fact.sentFrom.unknown')}
              </Fact>
            </SimpleGrid>
          </Paper>
          {detail.remoteActionIdCount > 0 ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('quarantine:actions.title')}
              </Title>
              {open ? (
                <Text size="sm" c="dimmed">
                  {t('quarantine:actions.replayedBySelf')}
                </Text>
              ) : null}
              <List size="sm" data-testid="quarantine-action-ids">
                {detail.remoteActionIds.map((id) => (
                  <List.Item key={id}>
                    <Text span ff="monospace" size="sm">
                      {id}
                    </Text>
                  </List.Item>
                ))}
              </List>
              {actionIdsMore ? (
                <Text size="sm" c="dimmed">
                  {actionIdsMore}
                </Text>
              ) : null}
            </Stack>
          ) : null}
          <Problems detail={detail} />
          <ReceivedBody detail={detail} />
          <Headers headers={detail.headers} />
        </>
      ) : null}
      <ResolveDialog
        key={String(asking)}
        opened={asking}
        entryId={entryId}
        operator={operator}
        busy={busy === 'resolve'}
        onResolve={(reason) => void resolve(reason)}
        onCancel={() => setAsking(false)}
      />
    </Stack>
  );
}
