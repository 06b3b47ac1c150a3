// @vitest-environment jsdom
// The deliveries page: counts, targets online or offline, the offline banner, retries; and a plain notice when
// the agent has no outbox.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeliveriesView } from '../../renderer/src/features/deliveries/DeliveriesView.js';
import { deliveryWhat } from '../../renderer/src/features/deliveries/delivery-text.js';
import { DeliveryTable } from '../../renderer/src/features/deliveries/DeliveryTable.js';
import { OfflineBanner } from '../../renderer/src/features/deliveries/OfflineBanner.js';
import { delivery, failure, fakeClient, target, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

describe('deliveries', () => {
  it('shows targets, dead letters with a retry, and the offline banner', async () => {
    const client = fakeClient();
    client.listDeliveryTargets.mockResolvedValue({
      items: [target({ state: 'offline', lastError: 'connect ECONNREFUSED', queued: 3 })],
      counts: { Queued: 3, InFlight: 0, Delivered: 5, Failed: 1, Dead: 0, waitingForBatch: 0 },
    });
    client.listDeliveries.mockResolvedValue({
      items: [
        delivery({
          id: 'd-dead',
          state: 'Failed',
          attempts: 3,
          lastStatus: 500,
          lastError: 'Internal Server Error',
        }),
      ],
      total: 1,
      limit: 200,
      offset: 0,
    });
    const { stores } = renderWithStores(
      <>
        <OfflineBanner />
        <DeliveriesView />
      </>,
      client,
    );
    const banner = await screen.findByTestId('offline-banner');
    expect(banner.textContent).toContain('Site offline: http://127.0.0.1:9 does not answer');
    expect(banner.textContent).toContain('3 notifications are kept in the queue');
    const row = await screen.findByTestId('delivery-row');
    expect(row.textContent).toContain('HTTP 500 · Internal Server Error');
    expect(screen.getByTestId('target-row').textContent).toContain('Offline');
    const user = userEvent.setup();
    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(client.retryDelivery).toHaveBeenCalledWith({ id: 'd-dead', operator: '' }));
    await user.click(screen.getByRole('button', { name: 'Retry all failed' }));
    await waitFor(() => expect(client.retryCallbackDeliveries).toHaveBeenCalled());
    stores.deliveries.getState().applyTarget({ ...target(), state: 'online' });
    await waitFor(() => expect(screen.queryByTestId('offline-banner')).toBeNull());
  });

  it('says plainly when the agent has no outbox yet', async () => {
    const client = fakeClient();
    client.listDeliveries.mockRejectedValue(
      failure(404, 'ROUTE_NOT_FOUND', 'No route GET /api/v1/deliveries.'),
    );
    client.listDeliveryTargets.mockRejectedValue(failure(404, 'ROUTE_NOT_FOUND', 'No route.'));
    renderWithStores(<DeliveriesView />, client);
    expect((await screen.findByTestId('not-available')).textContent).toContain(
      'not available in this version',
    );
  });

  it('tells apart the notifications of one command by their event status', async () => {
    const vin = 'VR3UHZKXZMT000001';
    const one = { remoteTypes: ['Horn'], vins: [vin], eventCount: 1 };
    renderWithStores(
      <DeliveryTable
        items={[
          delivery({ ...one, id: 'd-done', statuses: ['Success'] }),
          delivery({ ...one, id: 'd-sent', statuses: ['SentToVehicle'] }),
          delivery({ ...one, id: 'd-accepted', statuses: ['Accepted'] }),
        ]}
        vehicles={[vehicle({ vin, label: 'Van 01' })]}
        onRetry={() => undefined}
        showCallback={false}
      />,
    );
    const rows = await screen.findAllByTestId('delivery-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Horn · Success · Van 01'),
      expect.stringContaining('Horn · SentToVehicle · Van 01'),
      expect.stringContaining('Horn · Accepted · Van 01'),
    ]);
  });

  it('describes a batch and a test notification in a few words', () => {
    expect(
      deliveryWhat(
        delivery({
          eventCount: 3,
          remoteTypes: ['Horn', 'Doors'],
          vins: ['VIN1', 'VIN2'],
          statuses: ['Accepted', 'Success', 'Accepted'],
        }),
      ),
    ).toBe('Horn, Doors (3 events) · Accepted, Success · 2 vehicles');
    expect(deliveryWhat(delivery({ kind: 'test', statuses: [] }))).toBe('Test notification');
  });
});
