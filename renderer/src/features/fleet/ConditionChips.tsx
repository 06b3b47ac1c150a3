// A vehicle's condition in a fleet row: its readiness (coloured by how pressing, what to do on hover and read with
// the row), then the states it does not already say, as chips.
import type { CSSProperties } from 'react';
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import type { VehicleState } from '../../../../preload/contract/vocabulary.js';
import { useNow } from '../../components/use-now.js';
import { t } from '../../i18n/index.js';
import { nextStepText, READINESS_STATES, readinessLabel, stateLabel } from './fleet-text.js';
import classes from './FleetGrid.module.css';

export const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue', success: 'green' } as const;

export const STATE_COLORS: Readonly<Record<VehicleState, string>> = {
  Stolen: 'red',
  Immobilized: 'orange',
  DeepSleepRisk: 'red',
  NoWakeUpsLeft: 'red',
  Asleep: 'blue',
  PrivacyMode: 'orange',
  DoorsOpen: 'yellow',
  Unlocked: 'yellow',
  Charging: 'teal',
  Plugged: 'gray',
};

/** The theme's badge colours: `filled` for what stops a command or needs a decision, `light` for the rest. */
function chipStyle(color: string, variant: 'filled' | 'light' | 'default'): CSSProperties {
  const vars =
    variant === 'filled'
      ? { '--chip-bg': `var(--mantine-color-${color}-filled)`, '--chip-color': 'var(--mantine-color-white)' }
      : variant === 'light'
        ? {
            '--chip-bg': `var(--mantine-color-${color}-light)`,
            '--chip-color': `var(--mantine-color-${color}-light-color)`,
          }
        : { '--chip-bg': 'var(--mantine-color-default-hover)', '--chip-color': 'var(--mantine-color-text)' };
  return vars as CSSProperties;
}

/** Chips a row has room for after the readiness; the rest are counted ("+2") and named on hover. */
const ROW_CHIPS = 2;

export function ConditionChips({ vehicle }: { vehicle: VehicleSummaryDto }) {
  const now = useNow();
  const { readiness } = vehicle;
  const said = READINESS_STATES[readiness.code];
  const others = vehicle.states.filter((s) => !said.includes(s));
  const shown = others.slice(0, ROW_CHIPS);
  const hidden = others.slice(ROW_CHIPS).map(stateLabel);
  const step = readiness.nextStep === 'none' ? null : nextStepText(readiness, now);
  return (
    <span className={classes.chips}>
      <span
        className={classes.chip}
        style={chipStyle(
          SEVERITY_COLORS[readiness.severity],
          readiness.severity === 'error' || readiness.severity === 'warning' ? 'filled' : 'light',
        )}
        title={step ?? undefined}
        data-testid="vehicle-readiness"
        data-code={readiness.code}
      >
        {readinessLabel(readiness.code)}
      </span>
      {step ? <span className={classes.srOnly}>{step}</span> : null}
      {shown.map((state) => (
        <span
          key={state}
          className={classes.chip}
          style={chipStyle(STATE_COLORS[state], 'light')}
          data-testid="vehicle-state"
          data-state={state}
        >
          {stateLabel(state)}
        </span>
      ))}
      {hidden.length > 0 ? (
        <span className={classes.chip} style={chipStyle('gray', 'default')} title={hidden.join(', ')}>
          <span aria-hidden>{t('fleet:row.moreStates', { count: hidden.length })}</span>
          <span className={classes.srOnly}>{hidden.join(', ')}</span>
        </span>
      ) : null}
    </span>
  );
}
