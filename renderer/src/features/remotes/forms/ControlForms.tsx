// The one-choice features: doors, horn, lights, state refresh, immobilization and stolen.
import { Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { errorAt } from '../../../components/field-errors.js';
import { t } from '../../../i18n/index.js';
import type {
  DoorsDraft,
  HornDraft,
  ImmobilizationDraft,
  LightsDraft,
  StolenDraft,
  StolenMode,
} from '../models/control-models.js';
import type { FormProps } from './form-props.js';

export function DoorsForm({ draft, onChange }: FormProps<DoorsDraft>) {
  return (
    <SegmentedControl
      aria-label={t('remotes:doors.label')}
      size="md"
      data={[
        { value: 'Locked', label: t('remotes:action.lock') },
        { value: 'Unlocked', label: t('remotes:action.unlock') },
      ]}
      value={draft.state}
      onChange={(state) => onChange({ state })}
    />
  );
}

export function HornForm({ draft, onChange }: FormProps<HornDraft>) {
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('vocab:feature.Horn')}
        size="md"
        data={[
          { value: 'Activated', label: t('remotes:action.honk') },
          { value: 'Unactivated', label: t('remotes:action.stopHorn') },
        ]}
        value={draft.state}
        onChange={(state) => onChange({ state })}
      />
      <Text size="sm" c="dimmed">
        {t('remotes:horn.hint')}
      </Text>
    </Stack>
  );
}

export function LightsForm({ draft, onChange }: FormProps<LightsDraft>) {
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('vocab:feature.Lights')}
        size="md"
        data={[
          { value: 'on', label: t('remotes:action.flashLights') },
          { value: 'off', label: t('remotes:action.lightsOff') },
        ]}
        value={draft.on ? 'on' : 'off'}
        onChange={(v) => onChange({ on: v === 'on' })}
      />
      <Text size="sm" c="dimmed">
        {t('remotes:lights.hint')}
      </Text>
    </Stack>
  );
}

export function WakeUpForm() {
  return <Text>{t('remotes:wakeUp.hint')}</Text>;
}

export function ImmobilizationForm({ draft, onChange }: FormProps<ImmobilizationDraft>) {
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('remotes:immobilization.label')}
        size="md"
        color={draft.activate ? 'red' : undefined}
        data={[
          { value: 'on', label: t('remotes:action.immobilize') },
          { value: 'off', label: t('remotes:action.release') },
        ]}
        value={draft.activate ? 'on' : 'off'}
        onChange={(v) => onChange({ activate: v === 'on' })}
      />
      <Text size="sm">
        {draft.activate ? t('remotes:immobilization.hint.on') : t('remotes:immobilization.hint.off')}
      </Text>
    </Stack>
  );
}

/** The stolen-mode requests: what each is called and what it does, in the language shown now. */
const STOLEN_MODES: Record<StolenMode, { label(): string; hint(): string }> = {
  declare: {
    label: () => t('remotes:action.declareStolen'),
    hint: () => t('remotes:stolen.hint.declare'),
  },
  clear: {
    label: () => t('remotes:action.clearStolen'),
    hint: () => t('remotes:stolen.hint.clear'),
  },
  tracking: {
    label: () => t('remotes:action.trackingPeriods'),
    hint: () => t('remotes:stolen.hint.tracking'),
  },
  immobilize: {
    label: () => t('remotes:action.immobilize'),
    hint: () => t('remotes:stolen.hint.immobilize'),
  },
  release: {
    label: () => t('remotes:action.release'),
    hint: () => t('remotes:stolen.hint.release'),
  },
};
const STOLEN_ORDER: StolenMode[] = ['declare', 'clear', 'tracking', 'immobilize', 'release'];

/** The fleet API's lowest tracking periods (stellantis-api-notes.md: running ≥ 5, shutdown ≥ 60). */
const RUNNING_MIN = 5;
const SHUTDOWN_MIN = 60;

export function StolenForm({ draft, onChange, errors }: FormProps<StolenDraft>) {
  const path = 'stolen.trackingPeriod';
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('remotes:stolen.label')}
        data={STOLEN_ORDER.map((value) => ({ value, label: STOLEN_MODES[value].label() }))}
        value={draft.mode}
        onChange={(mode) => onChange({ ...draft, mode })}
        fullWidth
      />
      <Text size="sm">{STOLEN_MODES[draft.mode].hint()}</Text>
      {draft.mode === 'tracking' && (
        <Group align="flex-start">
          <NumberInput
            label={t('remotes:stolen.running.label')}
            description={t('remotes:stolen.atLeast', { min: RUNNING_MIN })}
            min={RUNNING_MIN}
            allowDecimal={false}
            value={draft.running}
            onChange={(v) => onChange({ ...draft, running: typeof v === 'number' ? v : '' })}
            error={errorAt(errors, `${path}.running`)}
            w={220}
          />
          <NumberInput
            label={t('remotes:stolen.shutdown.label')}
            description={t('remotes:stolen.atLeast', { min: SHUTDOWN_MIN })}
            min={SHUTDOWN_MIN}
            allowDecimal={false}
            value={draft.shutdown}
            onChange={(v) => onChange({ ...draft, shutdown: typeof v === 'number' ? v : '' })}
            error={errorAt(errors, `${path}.shutdown`)}
            w={220}
          />
        </Group>
      )}
      {draft.mode === 'tracking' && errorAt(errors, path) ? (
        <Text c="red" size="sm">
          {errorAt(errors, path)}
        </Text>
      ) : null}
    </Stack>
  );
}
