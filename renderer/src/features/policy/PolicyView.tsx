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
import { t } from '../../i18n/index.js';
import { roleLabel } from '../access/access-text.js';
import { policyKeyLabel } from './policy-text.js';

/** Viewers only look: a command is never given to them (the agent refuses it too). */
const sendingRoles = () =>
  ROLES.filter((r) => r !== 'viewer').map((value) => ({ value, label: roleLabel(value) }));

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
  const idleError = errorAt(errors, 'idleLockMinutes');
  return (
    <Stack gap="md">
      <PageHeader title={t('policy:title')} description={t('policy:description')} />
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
                message: t('policy:idleLock.missing'),
                errors: [{ field: 'idleLockMinutes', message: t('policy:idleLock.missing') }],
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
              <Table verticalSpacing="xs" aria-label={t('policy:title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('policy:column.command')}</Table.Th>
                    <Table.Th w={260}>{t('policy:column.lowestRole')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {POLICY_KEYS.map((key) => (
                    <Table.Tr key={key} data-testid="policy-row" data-key={key}>
                      <Table.Td>
                        <Text fw={600}>{policyKeyLabel(key)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={t('policy:roleFor', { command: policyKeyLabel(key) })}
                          data={sendingRoles()}
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
              label={t('policy:idleLock.label')}
              description={t('policy:idleLock.help')}
              min={0}
              max={720}
              allowDecimal={false}
              value={idle}
              onChange={setIdle}
              error={idleError}
              w={360}
            />
            <Group>
              <Button type="submit" loading={busy}>
                {t('policy:save')}
              </Button>
              {saved ? (
                <Text role="status" c="green.8">
                  {t('policy:saved')}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
