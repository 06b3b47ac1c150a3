// @vitest-environment jsdom
// Sealed values in the callbacks UI: a callback whose secrets were cleared (--forget-secrets) says so next to its
// status, and editing a callback sends its "••••" header values back as they came, which keeps them.
import './helpers/dom.js';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callbackBody, draftOf } from '../../renderer/src/features/callbacks/callback-model.js';
import { CallbackStatusBadge } from '../../renderer/src/features/callbacks/CallbackStatusBadge.js';
import { callback } from './helpers/fake-client.js';

describe('sealed values in the callbacks UI', () => {
  it('shows "Secrets lost" next to the status only for a callback that lost them', () => {
    const { unmount } = render(
      <MantineProvider>
        <CallbackStatusBadge status="Running" secretsLost />
      </MantineProvider>,
    );
    expect(screen.getByText('Running')).toBeTruthy();
    expect(screen.getByText('Secrets lost').closest('[title]')?.getAttribute('title')).toMatch(
      /--forget-secrets.*enter its signing secret, authentication and hidden header values again/,
    );
    unmount();
    render(
      <MantineProvider>
        <CallbackStatusBadge status="Running" />
      </MantineProvider>,
    );
    expect(screen.queryByText('Secrets lost')).toBeNull();
  });

  it('sends a masked header value back unchanged when the callback is edited', () => {
    const existing = callback({
      subscribe: {
        callback: {
          webhook: {
            target: 'https://depot.example/hook',
            name: 'depot',
            attributes: [
              { type: 'Header', key: 'X-Api-Key', value: '••••' },
              { type: 'Header', key: 'X-Vin', value: '$vin' },
            ],
          },
        },
        retryPolicy: { policy: 'None' },
        remoteTypes: ['Doors'],
      },
    });
    const body = callbackBody({ ...draftOf(existing), label: 'renamed' });
    expect(body.callback).toEqual({
      webhook: {
        target: 'https://depot.example/hook',
        name: 'depot',
        attributes: [
          { type: 'Header', key: 'X-Api-Key', value: '••••' },
          { type: 'Header', key: 'X-Vin', value: '$vin' },
        ],
      },
    });
    expect(body).not.toHaveProperty('authentication');
  });
});
