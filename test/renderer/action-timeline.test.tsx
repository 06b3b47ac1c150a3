// @vitest-environment jsdom
// The timeline: every step as it arrived, the outcome in colour, icon and words, and on failure the plain-language
// explanation with the next step. AlreadyDone reads as a success.
import './helpers/dom.js';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActionTimeline } from '../../renderer/src/features/timeline/ActionTimeline.js';
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
        explanation: {
          title: 'Key detected inside the vehicle',
          explanation: 'A key was detected inside the vehicle, so it refused to lock.',
          nextStep: 'Remove the key from the vehicle and lock again.',
          severity: 'error',
          retryable: true,
        },
        events: [event(1, 'Accepted'), event(2, 'Failed', { failureCause: 'CidInside' })],
      }),
    );
    const failure = screen.getByTestId('failure-explanation');
    expect(failure.textContent).toContain('A key was detected inside the vehicle');
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
        explanation: {
          title: 'Refused by the network',
          explanation: 'No command was created.',
          nextStep: 'Check the rights.',
          severity: 'error',
          retryable: false,
        },
        events: [],
      }),
    );
    expect(screen.getByTestId('failure-explanation').textContent).toContain(
      '40300 — Forbidden (reference abc-123)',
    );
    expect(screen.getByTestId('outcome-badge').textContent).toBe('Refused');
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
});
