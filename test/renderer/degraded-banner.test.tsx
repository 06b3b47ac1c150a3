// @vitest-environment jsdom
// The banner for a degraded agent: an alert with the reason in words while /health says degraded, gone once the
// agent is ok again (health is asked again and again).
import './helpers/dom.js';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DegradedBanner } from '../../renderer/src/components/DegradedBanner.js';
import { fakeClient } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const base = { version: '0', connector: 'fake', uptimeSeconds: 1 };

describe('degraded banner', () => {
  it('says the disk is full while health says so, and goes once the agent is ok', async () => {
    const client = fakeClient();
    const since = new Date(Date.now() - 3 * 60_000).toISOString();
    client.health.mockResolvedValue({ ...base, status: 'degraded', reason: { code: 'DISK_FULL', since } });
    renderWithStores(<DegradedBanner pollMs={20} />, client);

    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain("The agent's disk is full");
    expect(banner.textContent).toMatch(/Nothing new can be saved.*carries on by itself once there is room/);
    expect(banner.textContent).toContain('(since 3 min ago)');

    client.health.mockResolvedValue({ ...base, status: 'ok' });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows nothing while the agent is ok, or when it cannot be reached', async () => {
    const client = fakeClient();
    client.health.mockRejectedValue(new Error('unreachable'));
    renderWithStores(<DegradedBanner pollMs={20} />, client);
    await waitFor(() => expect(client.health.mock.calls.length).toBeGreaterThan(1));
    expect(screen.queryByTestId('degraded-banner')).toBeNull();
  });

  it('says the connection is not encrypted when the agent runs on the network without TLS', async () => {
    const client = fakeClient();
    client.health.mockResolvedValue({ ...base, status: 'ok', insecureLan: true });
    renderWithStores(<DegradedBanner pollMs={20} />, client);
    const notice = await screen.findByTestId('insecure-lan-notice');
    expect(notice.textContent).toContain('The connection to this agent is not encrypted');
    expect(notice.textContent).toContain('--api-tls-cert');
    expect(screen.queryByTestId('degraded-banner')).toBeNull();
  });
});
