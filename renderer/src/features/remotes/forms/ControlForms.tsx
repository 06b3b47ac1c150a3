// The one-choice features: doors, horn, lights, state refresh, immobilization and stolen.
import { Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { errorAt } from '../../../components/field-errors.js';
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
      aria-label="Lock or unlock"
      size="md"
      data={[
        { value: 'Locked', label: 'Lock' },
        { value: 'Unlocked', label: 'Unlock' },
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
        aria-label="Horn"
        size="md"
        data={[
          { value: 'Activated', label: 'Honk' },
          { value: 'Unactivated', label: 'Stop the horn' },
        ]}
        value={draft.state}
        onChange={(state) => onChange({ state })}
      />
      <Text size="sm" c="dimmed">
        The vehicle decides how long it honks.
      </Text>
    </Stack>
  );
}

export function LightsForm({ draft, onChange }: FormProps<LightsDraft>) {
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Lights"
        size="md"
        data={[
          { value: 'on', label: 'Flash the lights' },
          { value: 'off', label: 'Lights off' },
        ]}
        value={draft.on ? 'on' : 'off'}
        onChange={(v) => onChange({ on: v === 'on' })}
      />
      <Text size="sm" c="dimmed">
        The vehicle decides how long they stay on (about 10 seconds).
      </Text>
    </Stack>
  );
}

export function WakeUpForm() {
  return (
    <Text>
      Wakes the vehicle so it reports its latest status (battery, range, doors, position). Each wake-up uses
      some of the vehicle&apos;s monthly budget and of its 12 V battery: use it when the status shown is too
      old.
    </Text>
  );
}

export function ImmobilizationForm({ draft, onChange }: FormProps<ImmobilizationDraft>) {
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Immobilize or release"
        size="md"
        color={draft.activate ? 'red' : undefined}
        data={[
          { value: 'on', label: 'Immobilize' },
          { value: 'off', label: 'Release' },
        ]}
        value={draft.activate ? 'on' : 'off'}
        onChange={(v) => onChange({ activate: v === 'on' })}
      />
      <Text size="sm">
        {draft.activate
          ? 'The vehicle will not start until it is released. A vehicle already driving is not stopped.'
          : 'Lifts the immobilization: the vehicle can start again.'}
      </Text>
    </Stack>
  );
}

const STOLEN_MODES: { value: StolenMode; label: string }[] = [
  { value: 'declare', label: 'Declare stolen' },
  { value: 'clear', label: 'Clear stolen' },
  { value: 'tracking', label: 'Tracking periods' },
  { value: 'immobilize', label: 'Immobilize' },
  { value: 'release', label: 'Release' },
];

const STOLEN_TEXT: Record<StolenMode, string> = {
  declare: 'Declares the vehicle stolen: it stays awake and reports its position regularly.',
  clear: 'Clears the stolen declaration.',
  tracking: 'How often the vehicle reports while stolen, with the ignition on and off.',
  immobilize: 'Immobilizes the vehicle within the stolen flow: it will not start until released.',
  release: 'Lifts the immobilization set in the stolen flow.',
};

export function StolenForm({ draft, onChange, errors }: FormProps<StolenDraft>) {
  const path = 'stolen.trackingPeriod';
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Stolen action"
        data={STOLEN_MODES}
        value={draft.mode}
        onChange={(mode) => onChange({ ...draft, mode })}
        fullWidth
      />
      <Text size="sm">{STOLEN_TEXT[draft.mode]}</Text>
      {draft.mode === 'tracking' && (
        <Group align="flex-start">
          <NumberInput
            label="With ignition on (running)"
            description="At least 5"
            min={5}
            allowDecimal={false}
            value={draft.running}
            onChange={(v) => onChange({ ...draft, running: typeof v === 'number' ? v : '' })}
            error={errorAt(errors, `${path}.running`)}
            w={220}
          />
          <NumberInput
            label="With ignition off (shutdown)"
            description="At least 60"
            min={60}
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
