// @vitest-environment jsdom
// A vehicle's page says whether a command can go now and what to do (its readiness), each state with where it was
// learnt, the wake-ups used this month against the budget (estimated); and a line in the send area before a command
// that will wake it, or that the network will refuse as things stand (deep sleep, full privacy, no wake-ups left).
// The Settings page sets the wake-up budget.
import './helpers/dom.js';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import { sendWarning } from '../../renderer/src/features/fleet/SendWarning.js';
import { VehicleView } from '../../renderer/src/features/fleet/VehicleView.js';
import { DEFAULT_SETTINGS } from '../../renderer/src/features/settings/settings-model.js';
import { SettingsView } from '../../renderer/src/features/settings/SettingsView.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { fakeClient, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const NOW = Date.parse('2026-01-15T10:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

afterEach(() => vi.useRealTimers());

async function renderVehicle(v: VehicleDto, feature?: string) {
  const client = fakeClient({ vehicles: [v] });
  const stores = createStores(client);
  const r = renderWithStores(<VehicleView vehicleId={v.id} feature={feature} />, client, stores);
  await act(async () => {
    await stores.vehicles.getState().load();
    await stores.callbacks.getState().load();
  });
  await screen.findByRole('heading', { level: 1 });
  return r;
}

const IMMOBILIZED_ASLEEP = vehicle({
  id: 'v-imm',
  label: 'Van 02',
  statusAt: minutesAgo(5),
  states: ['Immobilized', 'Asleep', 'DoorsOpen'],
  stateSources: {
    Immobilized: { source: 'action', at: minutesAgo(20), remoteActionId: 'ra-imm' },
    Asleep: { source: 'status', at: minutesAgo(180) },
    DoorsOpen: { source: 'status', at: minutesAgo(5), detail: 'Driver,Trunk' },
  },
  wakeUps: {
    month: '2026-01',
    usedThisMonth: 7,
    budget: 20,
    estimated: true,
    resetsAt: '2026-02-01T00:00:00.000Z',
    refusedByNetworkAt: null,
  },
  readiness: {
    code: 'immobilized',
    nextStep: 'lift-immobilization-before-use',
    severity: 'warning',
    params: {},
  },
});

describe('the vehicle page', () => {
  it('says the readiness and what to do, each state with its source, and the wake-ups (estimated)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await renderVehicle(IMMOBILIZED_ASLEEP);
    const heading = screen.getByRole('heading', { level: 1, name: 'Van 02' });
    // Focusable by the page-open rule (not a tab stop).
    expect(heading.getAttribute('tabindex')).toBe('-1');
    const readiness = screen.getByTestId('vehicle-readiness');
    expect(readiness.textContent).toBe(
      'ImmobilizedIt will not start: a supervisor lifts the immobilization before it is used.',
    );
    const states = screen.getAllByTestId('vehicle-state');
    expect(states.map((s) => s.getAttribute('data-state'))).toEqual(['Immobilized', 'Asleep', 'DoorsOpen']);
    expect(states[0]!.textContent).toBe(
      'Immobilizedfrom the command that reached Done 20 min ago (the command)',
    );
    expect(within(states[0]!).getByRole('link', { name: 'the command' }).getAttribute('href')).toBe(
      '#/actions/ra-imm',
    );
    expect(states[1]!.textContent).toBe('Asleepfrom the status: last reported 3 h ago');
    expect(states[2]!.textContent).toBe('Door openDriver, Trunk: from the status read 5 min ago');
    const wakeUps = screen.getByTestId('wake-ups');
    expect(wakeUps.textContent).toContain('7 of 20 used');
    expect(wakeUps.textContent).toContain('estimated');
    expect(wakeUps.textContent).toContain('Stellantis does not publish the real limit');
    // The day as the language's locale writes a date (renderer/src/i18n/format.ts).
    expect(wakeUps.textContent).toMatch(/Starts again on (Feb 1, 2026|1 Feb 2026)\./);
  });

  it('says when the network refused a wake-up this month', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await renderVehicle(
      vehicle({
        id: 'v-out',
        label: 'Loaner 12',
        states: ['NoWakeUpsLeft', 'Asleep'],
        stateSources: {
          NoWakeUpsLeft: { source: 'network-refusal', at: minutesAgo(60), remoteActionId: 'ra-x' },
          Asleep: { source: 'status', at: minutesAgo(300) },
        },
        wakeUps: {
          ...IMMOBILIZED_ASLEEP.wakeUps,
          usedThisMonth: 4,
          refusedByNetworkAt: minutesAgo(60),
        },
        readiness: {
          code: 'no-wake-ups-left',
          nextStep: 'wait-for-next-month',
          severity: 'error',
          params: { resetsAt: '2026-02-01T00:00:00.000Z' },
        },
      }),
    );
    expect(screen.getByTestId('vehicle-readiness').textContent).toMatch(
      /commands fail until (Feb 1, 2026|1 Feb 2026)\. Send them after a trip, while it is awake\.$/,
    );
    expect(screen.getAllByTestId('vehicle-state')[0]!.textContent).toBe(
      'No wake-ups leftthe network refused a wake-up 1 h ago (the command)',
    );
    expect(screen.getByTestId('wake-ups').textContent).toContain(
      'The network refused a wake-up 1 h ago: none are left this month.',
    );
  });

  it('warns in the send area before a command that will wake it, with the wake-ups left', async () => {
    await renderVehicle(
      vehicle({
        id: 'v-sleep',
        label: 'Pool 02',
        states: ['Asleep'],
        readiness: {
          code: 'will-wake',
          nextStep: 'expect-wake-up-delay',
          severity: 'info',
          params: { wakeUpsLeft: 12 },
        },
      }),
      'horn',
    );
    const warning = await screen.findByTestId('send-warning');
    expect(warning.textContent).toBe(
      'Pool 02 is asleep: this command wakes it first (about half a minute) and uses one of its 12 wake-ups left this month (estimated).',
    );
    // A line before the form, not a dialog: the send button is right there.
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Honk' })).toBeTruthy();
  });

  it('says nothing in the send area for a vehicle that is ready', async () => {
    await renderVehicle(vehicle({ id: 'v-ok', label: 'Van 01' }), 'horn');
    await screen.findByRole('button', { name: 'Honk' });
    expect(screen.queryByTestId('send-warning')).toBeNull();
    expect(screen.getByTestId('vehicle-readiness').textContent).toBe('ReadyCommands go straight away.');
  });
});

describe('the send warning', () => {
  const base = vehicle({ label: 'Van 07' });
  const with_ = (code: VehicleDto['readiness']['code'], states: VehicleDto['states'] = []) =>
    vehicle({ ...base, states, readiness: { ...base.readiness, code } });

  it('says a command will fail in deep sleep, with no wake-ups left, or in full privacy (but for immobilization and stolen)', () => {
    expect(sendWarning(with_('deep-sleep'), 'Horn')).toEqual({
      tone: 'error',
      text: 'Van 07 is in deep sleep: this command will fail until someone drives the vehicle.',
    });
    expect(sendWarning(with_('no-wake-ups-left', ['NoWakeUpsLeft', 'Asleep']), 'Doors')?.text).toMatch(
      /^Van 07 is asleep and has no wake-ups left this month \(estimated\): this command will fail until (Feb 1, 2026|1 Feb 2026), unless the vehicle is awake\.$/,
    );
    expect(sendWarning(with_('privacy'), 'Horn')?.tone).toBe('error');
    expect(sendWarning(with_('privacy'), 'Immobilization')).toBeNull();
    expect(sendWarning(with_('privacy', ['PrivacyMode', 'Asleep']), 'Stolen')?.tone).toBe('info');
  });

  it('says an immobilized vehicle that sleeps will be woken, counting the wake-ups left from the budget', () => {
    const v = vehicle({
      ...with_('immobilized', ['Immobilized', 'Asleep']),
      wakeUps: { ...base.wakeUps, usedThisMonth: 15, budget: 20 },
    });
    expect(sendWarning(v, 'Horn')).toEqual({
      tone: 'info',
      text: 'Van 07 is asleep: this command wakes it first (about half a minute) and uses one of its 5 wake-ups left this month (estimated).',
    });
    expect(sendWarning(with_('ready'), 'Horn')).toBeNull();
  });
});

describe('the wake-up budget setting', () => {
  it('shows the saved budget and saves a new one', async () => {
    const client = fakeClient();
    client.getSettings.mockResolvedValue({ ...DEFAULT_SETTINGS, wakeUps: { monthlyBudget: 20 } });
    client.putSettings.mockImplementation(async ({ body }) => ({
      ...DEFAULT_SETTINGS,
      ...body,
      stellantis: { ...DEFAULT_SETTINGS.stellantis },
      wakeUps: body.wakeUps ?? { monthlyBudget: 20 },
      retention: DEFAULT_SETTINGS.retention,
    }));
    renderWithStores(<SettingsView />, client);
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'Wake-ups per vehicle per month' });
    expect((field as HTMLInputElement).value).toBe('20');
    await user.clear(field);
    await user.type(field, '30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(client.putSettings).toHaveBeenCalledTimes(1));
    expect(client.putSettings.mock.calls[0]![0].body.wakeUps).toEqual({ monthlyBudget: 30 });
  });
});
