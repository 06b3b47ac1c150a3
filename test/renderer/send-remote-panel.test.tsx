// @vitest-environment jsdom
// Sending each of the nine features from its form: the exact spec body reaches the client, API field errors show
// next to their fields, and dangerous commands need a reason, a name and a second confirmation. In French too: the
// form, its checks, the confirmation and the feature tiles.
import './helpers/dom.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FeaturePicker } from '../../renderer/src/features/remotes/FeaturePicker.js';
import { FEATURES } from '../../renderer/src/features/remotes/features.js';
import { SendRemotePanel } from '../../renderer/src/features/remotes/SendRemotePanel.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { REASON_MAX_LENGTH } from '../../preload/contract/vocabulary.js';
import type { RemoteType } from '../../renderer/src/features/remotes/features.js';
import { action, callback, event, failure, fakeClient, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

async function setup(type: RemoteType, v = vehicle()) {
  const client = fakeClient();
  const r = renderWithStores(<SendRemotePanel vehicle={v} type={type} />, client);
  await r.stores.callbacks.getState().load();
  return { ...r, user: userEvent.setup() };
}

const text = (element: Element) => element.textContent ?? '';

const submit = () =>
  fireEvent.submit(
    screen
      .getByRole('button', {
        name: /^(Lock|Unlock|Honk|Flash|Refresh|Start|Set|Send|Switch|Stop|Immobilize|Release)/,
      })
      .closest('form')!,
  );

describe('SendRemotePanel', () => {
  it.each<[RemoteType, Record<string, unknown>]>([
    ['Doors', { door: { state: 'Locked' } }],
    ['Horn', { horn: { state: 'Activated' } }],
    ['Lights', { lights: { on: true } }],
    ['WakeUp', { wakeUp: { action: 'WakeUp' } }],
    ['ElectricBatteryChargingRequest', { charging: { immediate: true } }],
    ['ThermalPreconditioning', { preconditioning: { airConditioning: { immediate: true } } }],
  ])('%s sends the spec body through the chosen callback', async (type, body) => {
    const { client } = await setup(type);
    await waitFor(() => expect(screen.queryByTestId('no-callback')).toBeNull());
    submit();
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalledTimes(1));
    expect(client.sent[0]).toEqual({ vid: 'veh-1', cbid: 'cb-1', body });
  });

  it('doors: unlock is a click away', async () => {
    const { client, user } = await setup('Doors');
    await user.click(screen.getByLabelText('Unlock'));
    await user.click(screen.getByRole('button', { name: 'Unlock the doors' }));
    await waitFor(() => expect(client.sent[0]?.body).toEqual({ door: { state: 'Unlocked' } }));
  });

  it('charging programs: two programs with days and times', async () => {
    const { client, user } = await setup('ElectricBatteryChargingRequest');
    await user.click(screen.getByLabelText('Programs'));
    await user.click(screen.getByRole('button', { name: 'Add a program' }));
    const second = screen.getByRole('group', { name: 'Charge program 2' });
    fireEvent.change(within(second).getByLabelText('Start'), { target: { value: '13:00' } });
    fireEvent.change(within(second).getByLabelText('End (optional)'), { target: { value: '' } });
    await user.click(within(second).getByLabelText('Saturday'));
    await user.click(screen.getByRole('button', { name: 'Send the charge programs' }));
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalled());
    expect(client.sent[0]!.body).toEqual({
      charging: {
        schedule: {
          programs: [
            {
              slot: 1,
              enabled: true,
              start: 'PT22H30M',
              end: 'PT6H',
              occurence: { day: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
            },
            {
              slot: 2,
              enabled: true,
              start: 'PT13H',
              occurence: { day: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] },
            },
          ],
        },
      },
    });
  });

  it('preconditioning programs: set one, delete another', async () => {
    const { client, user } = await setup('ThermalPreconditioning');
    await user.click(screen.getByLabelText('Weekly programs'));
    await user.click(screen.getByRole('button', { name: 'Add a program' }));
    const second = screen.getByRole('group', { name: 'Preconditioning program 2' });
    await user.click(within(second).getByLabelText('Delete'));
    await user.click(screen.getByRole('button', { name: 'Send the programs' }));
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalled());
    expect(client.sent[0]!.body).toEqual({
      preconditioning: {
        airConditioning: {
          programs: [
            {
              slot: 1,
              actionsType: 'Set',
              enabled: true,
              recurrence: 'Daily',
              start: 'PT7H15M',
              occurence: { day: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
            },
            { slot: 2, actionsType: 'Delete' },
          ],
        },
      },
    });
  });

  it('navigation: waypoint and destination in [longitude, latitude], reordered', async () => {
    const { client, user } = await setup('Navigation');
    await user.type(screen.getByLabelText('Destination latitude'), '48.8566');
    await user.type(screen.getByLabelText('Destination longitude'), '2.3522');
    await user.click(screen.getByRole('button', { name: 'Add a point' }));
    await user.type(screen.getByLabelText('Destination latitude'), '45.764');
    await user.type(screen.getByLabelText('Destination longitude'), '4.8357');
    await user.click(screen.getByRole('button', { name: 'Move Destination up' }));
    await user.click(screen.getByRole('button', { name: 'Send the destination' }));
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalled());
    expect(client.sent[0]!.body).toEqual({
      navigation: {
        positions: [
          { type: 'Point', coordinates: [4.8357, 45.764] },
          { type: 'Point', coordinates: [2.3522, 48.8566] },
        ],
      },
    });
  });

  it('navigation: a coordinate that is not a number is shown next to its field and nothing is sent', async () => {
    const { client, user } = await setup('Navigation');
    await user.type(screen.getByLabelText('Destination latitude'), 'north');
    await user.click(screen.getByRole('button', { name: 'Send the destination' }));
    expect(await screen.findAllByText('Latitude must be a number, like 48.8566.')).not.toHaveLength(0);
    expect(screen.getByLabelText('Destination latitude').getAttribute('aria-invalid')).toBe('true');
    expect(client.sendRemote).not.toHaveBeenCalled();
  });

  it("maps the API's field errors to their fields", async () => {
    const { client, user } = await setup('Navigation');
    client.sendRemote.mockRejectedValueOnce(
      failure(400, 'VALIDATION_FAILED', 'The remote request is not valid.', [
        {
          field: 'navigation.positions[0].coordinates[1]',
          message: 'Latitude must be between -90 and 90 (got 123).',
        },
        { field: 'label', message: 'Label must be at most 200 characters (got 250).' },
      ]),
    );
    await user.type(screen.getByLabelText('Destination latitude'), '123');
    await user.type(screen.getByLabelText('Destination longitude'), '2');
    await user.click(screen.getByRole('button', { name: 'Send the destination' }));
    const latitude = await screen.findByLabelText('Destination latitude');
    await waitFor(() => expect(latitude.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = latitude.getAttribute('aria-describedby') ?? '';
    expect(
      describedBy
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    ).toContain('Latitude must be between -90 and 90 (got 123).');
    expect(screen.getByLabelText('Label (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(text(screen.getByTestId('error-summary'))).toContain('The remote request is not valid.');
  });

  it('shows why a vehicle cannot do a feature and does not offer to send it', async () => {
    await setup(
      'Horn',
      vehicle({
        capabilities: { Horn: { supported: false, reason: 'e-remote-only' } },
      }),
    );
    // The agent sends a reason code; the form words it.
    expect(text(screen.getByTestId('capability-reason'))).toContain(
      'Needs the "Remote control" or "Connect Plus" service; this vehicle has the e-remote service only.',
    );
    expect(screen.getByRole('button', { name: 'Honk' }).hasAttribute('disabled')).toBe(true);
  });

  it('says when no callback receives the feature', async () => {
    const client = fakeClient({
      callbacks: [callback({ subscribe: { ...callback().subscribe, remoteTypes: ['Doors'] } })],
    });
    const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type="Horn" />, client);
    await r.stores.callbacks.getState().load();
    expect(text(await screen.findByTestId('no-callback'))).toContain('No callback receives this feature yet');
  });

  it.each<[RemoteType, string, Record<string, unknown>]>([
    ['Immobilization', 'Immobilize Van 01', { immobilization: { activate: true } }],
    ['Stolen', 'Declare Van 01 stolen', { stolen: { stolen: true } }],
  ])('%s needs a typed reason, a name and a second confirmation', async (type, confirm, body) => {
    const { client, user, stores } = await setup(type);
    await user.click(screen.getByRole('button', { name: /Immobilize…|Send to the vehicle…/ }));
    expect(
      await screen.findByText(/Give the reason \(at least 5 characters\)/, {
        selector: '.mantine-InputWrapper-error',
      }),
    ).toBeTruthy();
    expect(screen.getByText(/Enter your name/, { selector: '.mantine-InputWrapper-error' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Police report 2024-118');
    await user.type(screen.getByRole('textbox', { name: /Operator/ }), 'Jérôme');
    expect(stores.session.getState().operator).toBe('Jérôme');
    await user.click(screen.getByRole('button', { name: /Immobilize…|Send to the vehicle…/ }));
    const dialog = await screen.findByRole('dialog');
    expect(text(dialog)).toContain('Police report 2024-118');
    expect(client.sendRemote).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.sendRemote).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: /Immobilize…|Send to the vehicle…/ }));
    await user.click(await screen.findByRole('button', { name: confirm }));
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalledTimes(1));
    expect(client.sent[0]).toEqual({
      vid: 'veh-1',
      cbid: 'cb-1',
      body,
      operator: 'Jérôme',
      reason: 'Police report 2024-118',
    });
  });

  it('takes no longer a reason than the API accepts', async () => {
    await setup('Immobilization');
    const reason = screen.getByRole('textbox', { name: /Reason/ });
    expect(reason.getAttribute('maxlength')).toBe(String(REASON_MAX_LENGTH));
  });

  it('stolen tracking periods are sent as numbers', async () => {
    const { client, user } = await setup('Stolen');
    await user.click(screen.getByLabelText('Tracking periods'));
    const running = screen.getByLabelText(/With ignition on/);
    await user.clear(running);
    await user.type(running, '15');
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Tracking after theft');
    await user.type(screen.getByRole('textbox', { name: /Operator/ }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Send to the vehicle…' }));
    await user.click(await screen.findByRole('button', { name: 'Change tracking' }));
    await waitFor(() =>
      expect(client.sent[0]?.body).toEqual({ stolen: { trackingPeriod: { running: 15, shutdown: 120 } } }),
    );
  });

  it('follows the command it sent, live', async () => {
    const { client, user, stores } = await setup('Horn');
    client.getRemote.mockResolvedValueOnce(
      action({ remoteActionId: 'ra-sent-1', type: 'Horn', events: [event(1, 'Accepted')] }),
    );
    await user.click(screen.getByRole('button', { name: 'Honk' }));
    const sent = await screen.findByTestId('sent-action');
    expect(text(within(sent).getByTestId('outcome-badge'))).toContain('In progress');
    client.getRemote.mockResolvedValueOnce(
      action({
        remoteActionId: 'ra-sent-1',
        type: 'Horn',
        phase: 'Done',
        outcome: 'Success',
        status: 'Success',
        updatedAt: '2026-01-01T10:00:05.000Z',
        events: [event(1, 'Accepted'), event(2, 'Success')],
      }),
    );
    stores.actions.getState().apply(
      action({
        remoteActionId: 'ra-sent-1',
        type: 'Horn',
        phase: 'Done',
        outcome: 'Success',
        status: 'Success',
        updatedAt: '2026-01-01T10:00:05.000Z',
      }),
    );
    await waitFor(() => expect(text(within(sent).getByTestId('outcome-badge'))).toContain('Done'));
    await waitFor(() => expect(within(sent).getAllByTestId('timeline-step')).toHaveLength(2));
  });
});

describe('a busy feature: the command waits its turn', () => {
  it('says the second one will wait in the queue (not a refusal), sends it, and follows it as queued', async () => {
    const client = fakeClient({ actions: [] });
    const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type="Lights" />, client);
    await r.stores.callbacks.getState().load();
    r.stores.actions.getState().apply(action({ remoteActionId: 'ra-9', type: 'Lights', phase: 'Pending' }));
    const notice = await screen.findByTestId('in-flight');
    expect(notice.textContent).toContain(
      'A lights command is in progress on Van 01: this one will wait in the queue and go when it finishes (position 1).',
    );
    expect(notice.textContent).not.toMatch(/once it has finished|cannot|refuse/);
    const send = screen.getByRole('button', { name: 'Flash the lights' });
    expect(send.hasAttribute('disabled')).toBe(false);
    client.getRemote.mockResolvedValueOnce(
      action({
        remoteActionId: 'ra-sent-1',
        type: 'Lights',
        phase: 'Queued',
        status: null,
        queue: { position: 1, expiresAt: null },
        events: [],
      }),
    );
    fireEvent.click(send);
    const sent = await screen.findByTestId('sent-action');
    expect(text(sent)).toContain('Command queued');
    expect(within(sent).getByTestId('queue-position').textContent).toBe('Next in line');
    // Not asked for: lights queue by themselves.
    expect(client.sent[0]).not.toHaveProperty('whenBusy');
  });

  it('counts the ones already waiting into the place it will take', async () => {
    const client = fakeClient({ actions: [] });
    const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type="Horn" />, client);
    await r.stores.callbacks.getState().load();
    r.stores.actions.getState().apply(action({ remoteActionId: 'ra-1', type: 'Horn', phase: 'Pending' }));
    r.stores.actions.getState().apply(
      action({
        remoteActionId: 'ra-2',
        type: 'Horn',
        phase: 'Queued',
        queue: { position: 1, expiresAt: null },
      }),
    );
    // Another vehicle's horn, or this vehicle's lights, are other queues.
    r.stores.actions
      .getState()
      .apply(action({ remoteActionId: 'ra-3', type: 'Horn', phase: 'Pending', vehicleId: 'veh-2' }));
    r.stores.actions.getState().apply(action({ remoteActionId: 'ra-4', type: 'Lights', phase: 'Pending' }));
    expect((await screen.findByTestId('in-flight')).textContent).toContain(
      'A horn command is in progress on Van 01 and 1 more is waiting: this one will wait in the queue and go after them (position 2).',
    );
  });

  it('goes away once the lane is free: a TimedOut one no longer holds the feature', async () => {
    const client = fakeClient({ actions: [] });
    const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type="Lights" />, client);
    await r.stores.callbacks.getState().load();
    r.stores.actions.getState().apply(action({ remoteActionId: 'ra-9', type: 'Lights', phase: 'Pending' }));
    expect(await screen.findByTestId('in-flight')).toBeTruthy();
    r.stores.actions.getState().apply(
      action({
        remoteActionId: 'ra-9',
        type: 'Lights',
        phase: 'TimedOut',
        updatedAt: '2026-01-01T10:15:00.000Z',
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('in-flight')).toBeNull());
  });
});

describe('in French', () => {
  afterEach(() => chooseLanguage('en'));

  it('words the form, its checks and the second confirmation', async () => {
    await chooseLanguage('fr');
    const { user } = await setup('Immobilization');
    expect(screen.getByRole('heading', { name: 'Immobilisation' })).toBeTruthy();
    expect(screen.getByText('vers Van 01')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Immobiliser…' }));
    expect(
      await screen.findByText(
        'Indiquez le motif (5 caractères minimum) : il est inscrit au journal d’audit.',
        {
          selector: '.mantine-InputWrapper-error',
        },
      ),
    ).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Motif/ }), 'Loyer impayé, dossier 118');
    await user.type(screen.getByRole('textbox', { name: /Opérateur/ }), 'Jérôme');
    await user.click(screen.getByRole('button', { name: 'Immobiliser…' }));
    const dialog = await screen.findByRole('dialog');
    expect(text(dialog)).toContain('Immobiliser Van 01 ?');
    expect(text(dialog)).toContain('Van 01 ne démarrera plus jusqu’à sa libération.');
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Immobiliser Van 01' })).toBeTruthy();
  });

  it('names the features on the tiles, and why one cannot be sent', async () => {
    expect(FEATURES.Horn.label).toBe('Horn');
    await chooseLanguage('fr');
    // Read when shown: the same object speaks the language chosen since.
    expect(FEATURES.Horn.label).toBe('Klaxon');
    renderWithStores(
      <FeaturePicker
        vehicle={vehicle({
          capabilities: { ...vehicle().capabilities, Horn: { supported: false, reason: 'not-electric' } },
        })}
        selected={undefined}
        onSelect={() => {}}
      />,
      fakeClient(),
    );
    const doors = screen.getByTestId('feature-doors');
    expect(text(doors)).toContain('Portes');
    expect(text(doors)).toContain('Verrouiller ou déverrouiller');
    const horn = screen.getByTestId('feature-horn');
    expect(text(horn)).toContain('Klaxon');
    expect(text(horn)).toMatch(/Indisponible : \S/);
    expect(screen.getByRole('group', { name: 'Fonction à envoyer' })).toBeTruthy();
  });
});
