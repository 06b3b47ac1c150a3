// @vitest-environment jsdom
// The timeline: every step as it arrived, the outcome in colour, icon and words, and on failure the plain-language
// explanation with the next step, worded from the agent's codes in the language shown. AlreadyDone reads as a
// success.
import './helpers/dom.js';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionTimeline } from '../../renderer/src/features/timeline/ActionTimeline.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { action, event } from './helpers/fake-client.js';

function show(a: ReturnType<typeof action>) {
  return render(
    <MantineProvider>
      <ActionTimeline action={a} />
    </MantineProvider>,
  );
}

const steps = () => screen.getAllByTestId('timeline-step').map((s) => s.getAttribute('data-status'));

describe('ActionTimeline', () => {
  it('shows every Pending step in order and waits for the next', () => {
    show(action({ events: [event(2, 'SentToVehicle'), event(1, 'Accepted')] }));
    expect(steps()).toEqual(['Accepted', 'SentToVehicle']);
    expect(screen.getByText('Waiting for the next step…')).toBeTruthy();
    expect(screen.getByTestId('outcome-badge').textContent).toBe('In progress');
    expect(screen.getByTestId('outcome-badge').getAttribute('data-verdict')).toBe('in-progress');
    expect(screen.queryByTestId('failure-explanation')).toBeNull();
  });

  it('a failure says what happened and what to do next', () => {
    show(
      action({
        phase: 'Done',
        outcome: 'Failed',
        status: 'Failed',
        failureCause: 'CidInside',
        explanation: { code: 'cause.CidInside', severity: 'error', retryable: true },
        events: [event(1, 'Accepted'), event(2, 'Failed', { failureCause: 'CidInside' })],
      }),
    );
    expect(screen.getByTestId('action-headline').textContent).toBe('Key detected inside the vehicle');
    const failure = screen.getByTestId('failure-explanation');
    expect(failure.textContent).toContain('What happened');
    expect(failure.textContent).toContain('The vehicle will not lock remotely while a key is inside it.');
    expect(failure.textContent).toContain('What to do: Remove the key from the vehicle and lock again.');
    expect(screen.getByTestId('outcome-badge').textContent).toBe('Failed');
    expect(screen.getByTestId('outcome-badge').getAttribute('data-verdict')).toBe('failure');
    expect(screen.queryByText('Waiting for the next step…')).toBeNull();
    expect(screen.getAllByTestId('timeline-step').at(-1)!.textContent).toContain('Failed · CidInside');
  });

  it('AlreadyDone counts as success', () => {
    show(
      action({
        phase: 'Done',
        outcome: 'AlreadyDone',
        status: 'AlreadyDone',
        events: [event(1, 'AlreadyDone')],
      }),
    );
    expect(screen.getByTestId('outcome-badge').textContent).toBe('Already done');
    expect(screen.getByTestId('outcome-badge').getAttribute('data-verdict')).toBe('success');
    expect(screen.queryByTestId('failure-explanation')).toBeNull();
  });

  it('a refusal by the network shows its code and reference for support', () => {
    show(
      action({
        phase: 'Refused',
        status: null,
        error: { code: '40300', message: 'Forbidden', reference: 'abc-123' },
        explanation: { code: 'phase.Refused', severity: 'error', retryable: false },
        events: [],
      }),
    );
    expect(screen.getByTestId('action-headline').textContent).toBe('Refused by the network');
    expect(screen.getByTestId('failure-explanation').textContent).toContain(
      'Network answer: 40300 — Forbidden (reference abc-123)',
    );
    expect(screen.getByTestId('outcome-badge').textContent).toBe('Refused');
  });

  it("words the agent's own code from its values, and quotes the network's words as they came", () => {
    const { unmount } = show(
      action({
        phase: 'Cancelled',
        status: null,
        error: { code: 'WAKE_UP_FAILED', params: { after: 'act-wake-1' } },
        explanation: { code: 'local.WAKE_UP_FAILED', severity: 'warning', retryable: true },
        events: [],
      }),
    );
    expect(screen.getByTestId('failure-explanation').textContent).toContain(
      'Network answer: WAKE_UP_FAILED — The wake-up it waited for (act-wake-1) did not succeed, so it was not sent.',
    );
    unmount();
    show(
      action({
        phase: 'Refused',
        status: null,
        error: { code: '40300', params: { detail: 'Forbidden' }, reference: 'abc-123' },
        explanation: { code: 'phase.Refused', severity: 'error', retryable: false },
        events: [],
      }),
    );
    expect(screen.getByTestId('failure-explanation').textContent).toContain(
      'Network answer: 40300 — Forbidden (reference abc-123)',
    );
  });

  it('marks a late event that changed nothing', () => {
    show(
      action({
        phase: 'Done',
        outcome: 'Success',
        status: 'Success',
        events: [event(1, 'Success'), event(2, 'SentToVehicle', { applied: false })],
      }),
    );
    expect(screen.getAllByTestId('timeline-step')[1]!.textContent).toContain('arrived late, ignored');
  });

  it('words each step from its code, and a code it does not know as an unknown status naming it', () => {
    show(
      action({
        explanation: { code: 'pending.SomethingNew', severity: 'info', retryable: false },
        events: [event(1, 'Accepted'), event(2, 'WakingUpVehicle')],
      }),
    );
    const [accepted, waking] = screen.getAllByTestId('timeline-step');
    expect(accepted!.textContent).toContain('Accepted by the network');
    expect(waking!.textContent).toContain('Waking up the vehicle');
    expect(waking!.textContent).toContain('allow up to 3 minutes');
    expect(screen.getByTestId('action-headline').textContent).toBe('Unknown status pending.SomethingNew');
  });
});

describe('ActionTimeline in French', () => {
  afterEach(async () => {
    await chooseLanguage('en');
  });

  it('says what happened, what to do and each step in French', async () => {
    await chooseLanguage('fr');
    show(
      action({
        phase: 'Done',
        outcome: 'Failed',
        status: 'Failed',
        failureCause: 'CidInside',
        explanation: { code: 'cause.CidInside', severity: 'error', retryable: true },
        events: [
          event(1, 'Accepted'),
          event(2, 'Failed', {
            failureCause: 'CidInside',
            eventDateFromReceipt: true,
            explanation: { code: 'cause.CidInside', severity: 'error', retryable: true },
          }),
        ],
      }),
    );
    expect(screen.getByTestId('action-headline').textContent).toBe('Clé détectée dans le véhicule');
    const failure = screen.getByTestId('failure-explanation');
    expect(failure.textContent).toContain('Ce qui s’est passé');
    expect(failure.textContent).toContain(
      'Le véhicule ne se verrouille pas à distance tant qu’une clé est à l’intérieur.',
    );
    expect(failure.textContent).toContain(
      'Que faire : Retirez la clé du véhicule et verrouillez de nouveau.',
    );
    const [accepted, failed] = screen.getAllByTestId('timeline-step');
    expect(accepted!.textContent).toContain('Accepté par le réseau');
    expect(failed!.textContent).toContain('(à la réception : le réseau n’a pas envoyé d’heure)');
    expect(screen.getByRole('list', { name: 'Étapes' })).toBeTruthy();
  });

  it("words the error the agent recorded in French, and keeps an older row's English message", async () => {
    await chooseLanguage('fr');
    const { unmount } = show(
      action({
        phase: 'Refused',
        status: null,
        error: {
          code: 'SEND_NOT_RECORDED',
          params: { type: 'Doors', upstreamId: 'rid-1', detail: 'disk I/O error' },
        },
        explanation: { code: 'phase.Refused', severity: 'error', retryable: false },
        events: [],
      }),
    );
    expect(screen.getByTestId('failure-explanation').textContent).toContain(
      'Réponse du réseau : SEND_NOT_RECORDED — Le réseau a accepté la commande Doors sous l’id rid-1, mais ' +
        'l’agent n’a pas pu l’enregistrer (disk I/O error) : elle n’est pas suivie. Vérifiez le véhicule.',
    );
    unmount();
    show(
      action({
        phase: 'Refused',
        status: null,
        error: { code: 'SEND_INTERRUPTED', message: 'The agent stopped while sending this remote.' },
        explanation: { code: 'phase.Refused', severity: 'error', retryable: false },
        events: [],
      }),
    );
    expect(screen.getByTestId('failure-explanation').textContent).toContain(
      'SEND_INTERRUPTED — The agent stopped while sending this remote.',
    );
  });
});
