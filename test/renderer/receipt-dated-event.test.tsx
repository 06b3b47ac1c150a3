// @vitest-environment jsdom
// An event the network sent without a time shows the time the agent received it, and says so.
import './helpers/dom.js';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActionTimeline } from '../../renderer/src/features/timeline/ActionTimeline.js';
import { action, event } from './helpers/fake-client.js';

describe('a step dated by its receipt', () => {
  it('is marked as such; a dated step is not', () => {
    render(
      <MantineProvider>
        <ActionTimeline
          action={action({
            events: [event(1, 'Accepted'), event(2, 'SentToVehicle', { eventDateFromReceipt: true })],
          })}
        />
      </MantineProvider>,
    );
    const [dated, received] = screen.getAllByTestId('timeline-step');
    expect(received!.textContent).toMatch(/when received: the network sent no time/);
    expect(dated!.textContent).not.toMatch(/when received/);
  });
});
