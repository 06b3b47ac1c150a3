// @vitest-environment jsdom
// Schedules and the routines' settings in the UI (issue 16) with the fake client: the list shows each schedule's
// next run in the site's time zone, its status and last run, and pauses/resumes it; the form checks its name, days
// and HH:MM time before anything is sent, its days are toggle buttons (Monday first, aria-pressed), it offers no
// Immobilization or Stolen, and it keeps a saved command unless asked to change it; a schedule's runs say ran /
// missed / could not start in words with a link to the bulk; below a supervisor everything is read-only. Settings:
// the three routines settings are checked and saved.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionDto } from '../../preload/contract/access.js';
import { Routes } from '../../renderer/src/app/Routes.js';
import { DEFAULT_SETTINGS } from '../../renderer/src/features/settings/settings-model.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { parseRoute } from '../../renderer/src/stores/router-store.js';
import { fakeClient, operatorActor, session } from './helpers/fake-client.js';
import { group, schedule, scheduleRun } from './helpers/fake-routines.js';
import { renderWithStores } from './helpers/render.js';

const SAM = session({ actor: operatorActor('Sam', 'supervisor') });
const TESS = session({ actor: operatorActor('Tess', 'technician') });
const GROUP = group({ id: 'grp-1', name: 'Evening vans', vehicleIds: ['veh-1'] });

function open(
  route: string,
  who: SessionDto = SAM,
  fixtures: Parameters<typeof fakeClient>[0] = {},
  client = fakeClient({ groups: [GROUP], ...fixtures }),
) {
  const stores = createStores(client);
  void stores.callbacks.getState().load();
  stores.router.getState().navigate(parseRoute(route));
  const r = renderWithStores(<Routes />, client, stores, { session: who });
  return { ...r, user: userEvent.setup() };
}

/** A day's toggle by its whole name: its description (the button shows and is named "Mon"). */
const day = (name: string) => screen.getByRole('button', { description: name });
const pressed = () =>
  within(screen.getByTestId('weekday-toggles'))
    .getAllByRole('button')
    .filter((b) => b.getAttribute('aria-pressed') === 'true')
    .map((b) => b.textContent);

describe('the schedules list', () => {
  it('shows the next run in the site time zone, the status and the last run', async () => {
    open('#/schedules', SAM, {
      schedules: [
        schedule({
          id: 's-paris',
          name: 'Lock at closing',
          nextRunAt: '2026-01-15T17:00:00.000Z',
          timeZone: 'Europe/Paris',
          lastRun: scheduleRun({ status: 'missed', bulkId: null }),
        }),
        schedule({
          id: 's-ny',
          name: 'Morning warm-up',
          nextRunAt: '2026-01-15T17:00:00.000Z',
          timeZone: 'America/New_York',
          rule: { days: ['Sat', 'Sun'], time: '12:00' },
        }),
      ],
    });
    const rows = await screen.findAllByTestId('schedule-row');
    const next = rows.map((r) => within(r).getByTestId('next-run').textContent!);
    // 17:00 UTC is 18:00 in Paris and 12:00 in New York, whatever this machine's zone.
    expect(next[0]).toMatch(/18[:.]00/);
    expect(next[1]).toMatch(/12[:.]00/);
    expect(within(rows[0]!).getByText('Weekdays at 18:00')).toBeTruthy();
    expect(within(rows[1]!).getByText('Weekends at 12:00')).toBeTruthy();
    expect(within(rows[0]!).getByTestId('run-status').textContent).toBe('Missed (agent was off)');
    expect(within(rows[1]!).getByText('Not run yet')).toBeTruthy();
    expect(within(rows[0]!).getByText('Group “Evening vans”')).toBeTruthy();
  });

  it('pauses and resumes a schedule', async () => {
    const { user, client } = open('#/schedules', SAM, { schedules: [schedule({ name: 'Lock at closing' })] });
    await user.click(await screen.findByRole('button', { name: 'Pause Lock at closing' }));
    await waitFor(() => expect(screen.getByTestId('next-run').textContent).toBe('Paused'));
    expect(client.setScheduleStatus).toHaveBeenCalledWith({ id: 'sch-1', body: { status: 'Paused' } });
    await user.click(screen.getByRole('button', { name: 'Resume Lock at closing' }));
    await waitFor(() => expect(client.setScheduleStatus).toHaveBeenCalledTimes(2));
    expect(client.setScheduleStatus).toHaveBeenLastCalledWith({ id: 'sch-1', body: { status: 'Running' } });
  });

  it('is read-only for a technician: no new schedule, no pause', async () => {
    open('#/schedules', TESS, { schedules: [schedule({ name: 'Lock at closing' })] });
    const [row] = await screen.findAllByTestId('schedule-row');
    expect(screen.getByTestId('read-only-note').textContent).toContain('supervisors and admins');
    expect((screen.getByRole('button', { name: 'New schedule' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(row!).queryByRole('button')).toBeNull();
  });
});

describe('the schedule form', () => {
  it('checks the name, the days and the time before sending anything', async () => {
    const { user, client } = open('#/schedules/new');
    await screen.findByRole('heading', { level: 1, name: 'New schedule' });
    // Weekdays to begin with; every one unpressed leaves none.
    expect(pressed()).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    for (const name of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await user.click(day(name));
    expect(pressed()).toEqual([]);
    const time = screen.getByRole('textbox', { name: 'Time (HH:MM)' });
    await user.clear(time);
    await user.type(time, '6:30');
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect((await screen.findAllByText('Give the schedule a name.')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Choose at least one day.').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Give a time as HH:MM, e.g. 06:30.').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Choose a group.').length).toBeGreaterThan(0);
    expect(time.getAttribute('aria-invalid')).toBe('true');
    expect(client.createSchedule).not.toHaveBeenCalled();
  });

  it('toggles the days and sends the rule in week order with the group and the command', async () => {
    const { user, client, stores } = open('#/schedules/new');
    await screen.findByRole('heading', { level: 1, name: 'New schedule' });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Weekend lock');
    for (const name of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Sunday', 'Saturday'])
      await user.click(day(name));
    expect(pressed()).toEqual(['Sat', 'Sun']);
    expect(day('Sunday').getAttribute('aria-pressed')).toBe('true');
    const time = screen.getByRole('textbox', { name: 'Time (HH:MM)' });
    await user.clear(time);
    await user.type(time, '21:15');
    await user.click(screen.getByRole('combobox', { name: 'Group' }));
    await user.click(await screen.findByRole('option', { name: 'Evening vans (1)', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    await waitFor(() => expect(client.createSchedule).toHaveBeenCalledTimes(1));
    expect(client.createSchedule).toHaveBeenCalledWith({
      body: {
        name: 'Weekend lock',
        remote: { door: { state: 'Locked' } },
        callbackId: 'cb-1',
        groupId: 'grp-1',
        rule: { days: ['Sat', 'Sun'], time: '21:15' },
      },
    });
    await waitFor(() => expect(stores.router.getState().route.name).toBe('schedule'));
    // The preset sets every day at once.
    await user.click(await screen.findByRole('button', { name: 'Every day' }));
    expect(pressed()).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('offers no Immobilization or Stolen: they cannot be scheduled', async () => {
    const { user } = open('#/schedules/new');
    await user.click(await screen.findByRole('combobox', { name: 'Command' }));
    const options = (await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent);
    expect(options.some((o) => o?.startsWith('Doors'))).toBe(true);
    expect(options.some((o) => o?.startsWith('Immobilization') || o?.startsWith('Stolen'))).toBe(false);
  });

  it('sends the vehicles ticked in the fleet when no group is chosen', async () => {
    const client = fakeClient({ groups: [GROUP] });
    const stores = createStores(client);
    stores.selection.getState().setMany(['veh-1', 'veh-2'], true);
    stores.router.getState().navigate(parseRoute('#/schedules/new'));
    renderWithStores(<Routes />, client, stores, { session: SAM });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'New schedule' });
    expect(screen.getByTestId('schedule-vehicle-count').textContent).toBe('2 vehicles');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Two vans');
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    await waitFor(() => expect(client.createSchedule).toHaveBeenCalledTimes(1));
    expect(client.createSchedule.mock.calls[0]![0].body).toMatchObject({
      vehicleIds: ['veh-1', 'veh-2'],
      rule: { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], time: '18:00' },
    });
  });

  it('keeps the saved command when another field changes', async () => {
    const saved = schedule({ remote: { door: { state: 'Unlocked' } } });
    const { user, client } = open('#/schedules/sch-1', SAM, { schedules: [saved] });
    expect((await screen.findByTestId('saved-remote')).textContent).toBe('Doors · Unlock');
    const time = screen.getByRole('textbox', { name: 'Time (HH:MM)' });
    await user.clear(time);
    await user.type(time, '19:00');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(client.replaceSchedule).toHaveBeenCalledTimes(1));
    expect(client.replaceSchedule.mock.calls[0]![0]).toMatchObject({
      id: 'sch-1',
      body: {
        remote: { door: { state: 'Unlocked' } },
        groupId: 'grp-1',
        rule: { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], time: '19:00' },
      },
    });
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('is read-only below a supervisor: shown, not editable', async () => {
    open('#/schedules/sch-1', TESS, { schedules: [schedule()] });
    const name = (await screen.findByRole('textbox', { name: 'Name' })) as HTMLInputElement;
    // Disabled by the form's fieldset.
    expect(name.matches(':disabled')).toBe(true);
    expect(screen.getByTestId('read-only-note')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(day('Monday').matches(':disabled')).toBe(true);
  });
});

describe('a schedule runs', () => {
  it('says ran, missed or could not start in words, with a link to the bulk it started', async () => {
    open('#/schedules/sch-1', SAM, {
      schedules: [schedule()],
      runs: [
        scheduleRun({ id: 'r-3', status: 'failed', bulkId: null, reason: 'FORBIDDEN' }),
        scheduleRun({ id: 'r-2', status: 'missed', bulkId: null }),
        scheduleRun({ id: 'r-1', status: 'ran', bulkId: 'bulk-1' }),
      ],
    });
    const rows = await screen.findAllByTestId('run-row');
    expect(rows.map((r) => within(r).getByTestId('run-status').textContent)).toEqual([
      'Could not start',
      'Missed (agent was off)',
      'Ran',
    ]);
    expect(within(rows[0]!).getByTestId('run-reason').textContent).toBe(
      'Its creator no longer has the role this command needs',
    );
    expect(within(rows[1]!).getByTestId('run-reason').textContent).toContain(
      'started after the grace window',
    );
    expect(within(rows[2]!).getByRole('link', { name: 'Open the bulk command' }).getAttribute('href')).toBe(
      '#/bulks/bulk-1',
    );
  });
});

describe('the routines settings', () => {
  function settingsPage() {
    const client = fakeClient();
    client.getSettings.mockResolvedValue({
      ...DEFAULT_SETTINGS,
      routines: { bulkRatePerMinute: 600, timeZone: 'Europe/Paris', scheduleGraceMinutes: 30 },
    });
    client.putSettings.mockImplementation(async ({ body }) => ({
      ...DEFAULT_SETTINGS,
      routines: body.routines!,
    }));
    return open('#/settings', session(), {}, client);
  }

  it('refuses an out-of-range pace, an unknown time zone and a negative grace, by their fields', async () => {
    const { user, client } = settingsPage();
    const rate = await screen.findByRole('textbox', { name: 'Bulk commands: vehicles sent per minute' });
    await user.clear(rate);
    await user.type(rate, '7000');
    const zone = screen.getByRole('combobox', { name: 'Site time zone' });
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    const grace = screen.getByRole('textbox', { name: 'Late runs: grace window (minutes)' });
    await user.clear(grace);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      (await screen.findAllByText('Give a whole number of commands per minute, from 1 to 6000.')).length,
    ).toBeGreaterThan(0);
    expect(screen.getAllByText('Give an IANA time zone, e.g. Europe/Paris.').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Give a whole number of minutes, from 0 to 1440.').length).toBeGreaterThan(0);
    expect(client.putSettings).not.toHaveBeenCalled();
  });

  it('saves the three routines settings', async () => {
    const { user, client } = settingsPage();
    const rate = await screen.findByRole('textbox', { name: 'Bulk commands: vehicles sent per minute' });
    await user.clear(rate);
    await user.type(rate, '120');
    const zone = screen.getByRole('combobox', { name: 'Site time zone' });
    await user.clear(zone);
    await user.type(zone, 'America/New_York');
    await user.keyboard('{Escape}');
    const grace = screen.getByRole('textbox', { name: 'Late runs: grace window (minutes)' });
    await user.clear(grace);
    await user.type(grace, '0');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(client.putSettings).toHaveBeenCalledTimes(1));
    expect(client.putSettings.mock.calls[0]![0].body.routines).toEqual({
      bulkRatePerMinute: 120,
      timeZone: 'America/New_York',
      scheduleGraceMinutes: 0,
    });
  });
});
