// #/policy (admins): the lowest role for each command, and the idle lock. Saved whole (a rule not sent would go
// back to its default); the agent refuses giving a command to viewers, said next to that rule.
import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { PolicyDto } from '../../../../preload/contract/access.js';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { POLICY_KEYS, ROLES, type Role } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt } from '../../components/field-errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ROLE_LABELS } from '../access/access-text.js';
import { POLICY_KEY_LABELS, POLICY_TEXT as T } from './policy-text.js';

/** Viewers only look: a command is never given to them (the agent refuses it too). */
const SENDING_ROLES = ROLES.filter((r) => r !== 'viewer').map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

export function PolicyView() {
  const stores = useStores();
  const { policy, error } = useStore(stores.policy);
  const [draft, setDraft] = useState<PolicyDto | null>(null);
  // As typed: an emptied field is not "0 = never" by accident.
  const [idle, setIdle] = useState<number | string>('');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void stores.policy.getState().load();
  }, [stores]);
  useEffect(() => {
    if (!policy) return;
    setDraft(policy);
    setIdle(policy.idleLockMinutes);
  }, [policy]);

  const errors = failure?.errors ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={T.title} description={T.description} />
      <ErrorSummary error={error} />
      {draft ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            if (typeof idle !== 'number') {
              setFailure({
                status: 0,
                code: 'LOCAL',
                message: T.idleLockMissing,
                errors: [{ field: 'idleLockMinutes', message: T.idleLockMissing }],
              });
              return;
            }
            setBusy(true);
            void stores.policy
              .getState()
              .save({ rules: draft.rules, idleLockMinutes: idle })
              .then((result) => {
                setBusy(false);
                setFailure(result.ok ? null : result.error);
                setSaved(result.ok);
              });
          }}
        >
          <Stack gap="md">
            <ErrorSummary error={failure} focusOnShow />
            <Paper withBorder>
              <Table verticalSpacing="xs" aria-label={T.title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{T.command}</Table.Th>
                    <Table.Th w={260}>{T.lowestRole}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {POLICY_KEYS.map((key) => (
                    <Table.Tr key={key} data-testid="policy-row" data-key={key}>
                      <Table.Td>
                        <Text fw={600}>{POLICY_KEY_LABELS[key]}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={T.roleFor(POLICY_KEY_LABELS[key])}
                          data={SENDING_ROLES}
                          value={draft.rules[key]}
                          onChange={(v) =>
                            v && setDraft({ ...draft, rules: { ...draft.rules, [key]: v as Role } })
                          }
                          allowDeselect={false}
                          error={errorAt(errors, `rules.${key}`)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <NumberInput
              label={T.idleLock}
              description={T.idleLockHelp}
              min={0}
              max={720}
              allowDecimal={false}
              value={idle}
              onChange={setIdle}
              error={errorAt(errors, 'idleLockMinutes')}
              w={360}
            />
            <Group>
              <Button type="submit" loading={busy}>
                {T.save}
              </Button>
              {saved ? (
                <Text role="status" c="green.8">
                  {T.saved}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
