// @vitest-environment jsdom
// "Test connection" in Settings: progress while the check runs, then each check by name with what to do, the
// request budget; a plain sentence for the simulator (nothing to check); the failure when the test cannot run. The
// agent sends each check's sentences as codes with their values: they read in the language chosen, and an agent
// that sends none is shown in its own (English) words.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionReportDto, RateLimitBudgetDto } from '../../preload/contract/connection.js';
import { ConnectionTestPanel } from '../../renderer/src/features/settings/ConnectionTestPanel.js';
import { SettingsView } from '../../renderer/src/features/settings/SettingsView.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { failure, fakeClient, type FakeClient } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const budget = (remaining: number): RateLimitBudgetDto => ({
  daily: { limit: 5000, remaining },
  burst: { limit: 10, remaining: 9 },
  updatedAt: '2026-01-01T10:00:00.000Z',
  blockedUntil: null,
});

const report: ConnectionReportDto = {
  ok: false,
  checkedAt: '2026-01-01T10:00:00.000Z',
  baseUrl: 'https://api.groupe-psa.com/connectedcar/v4',
  fleetId: 'FLEET-1',
  checks: [
    {
      name: 'configuration',
      title: 'Settings and certificate files',
      status: 'ok',
      message: 'All settings are present and the certificate, key and CA are readable PEM.',
      sentences: [{ code: 'configuration.ok', params: {} }],
    },
    {
      name: 'certificate',
      title: 'Client certificate validity',
      status: 'warning',
      message:
        'The client certificate (CN=depot) expires in 12 days, on 2026-01-13: ask Stellantis for a renewed one now.',
      sentences: [
        {
          code: 'certificate.expiresSoon',
          params: { subject: 'CN=depot', days: 12, date: '2026-01-13T12:00:00.000Z' },
        },
      ],
    },
    {
      name: 'host',
      title: 'Stellantis host reachable',
      status: 'ok',
      message: 'api.groupe-psa.com answers on port 443.',
      sentences: [{ code: 'host.ok', params: { host: 'api.groupe-psa.com', port: '443' } }],
    },
    {
      name: 'tls',
      title: 'Secure connection (mutual TLS)',
      status: 'ok',
      message: "The server's certificate is trusted and it accepted our client certificate.",
      sentences: [{ code: 'tls.ok', params: {} }],
    },
    {
      name: 'credentials',
      title: 'User name and password',
      status: 'problem',
      message:
        'Stellantis refused the user name or password (HTTP 401): check DEPOT_REMOTE_STELLANTIS_USER and DEPOT_REMOTE_STELLANTIS_PASSWORD. Reference for support: ref-42.',
      sentences: [
        {
          code: 'credentials.refused',
          params: {
            userEnv: 'DEPOT_REMOTE_STELLANTIS_USER',
            passwordEnv: 'DEPOT_REMOTE_STELLANTIS_PASSWORD',
          },
        },
        { code: 'support.reference', params: { reference: 'ref-42' } },
      ],
    },
    {
      name: 'fleet',
      title: 'Fleet',
      status: 'skipped',
      message: 'Not checked: the credentials were refused.',
      sentences: [{ code: 'skipped.credentialsRefused', params: {} }],
    },
  ],
  rateLimit: budget(4900),
};

afterEach(async () => {
  await chooseLanguage('en');
});

function connectionClient(): FakeClient {
  const client = fakeClient();
  Object.assign(client, {
    checkConnection: vi.fn(async () => null),
    connectionRateLimit: vi.fn(async () => ({ budget: null })),
  });
  return client;
}

describe('the Test connection panel', () => {
  it('shows progress, then each check by name with its status and what to do, and the budget', async () => {
    const client = connectionClient();
    client.connectionRateLimit.mockResolvedValue({ budget: budget(4950) });
    let answer!: (r: ConnectionReportDto) => void;
    client.checkConnection.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderWithStores(<ConnectionTestPanel />, client);
    // The budget as last reported, before any test.
    expect((await screen.findByTestId('rate-limit')).textContent).toContain(
      'In the current 24 hours: 4,950 of 5,000 left',
    );

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByRole('status').textContent).toContain('Testing the connection');
    expect(screen.getByRole('button', { name: 'Test connection' }).hasAttribute('data-loading')).toBe(true);

    answer(report);
    const verdict = await screen.findByTestId('connection-verdict');
    expect(verdict.textContent).toContain('1 problem found');
    expect(verdict.textContent).toContain('fleet FLEET-1');
    expect(screen.getByRole('status').textContent).toBe('');
    const checks = screen.getAllByTestId('connection-check');
    expect(checks.map((c) => c.dataset.status)).toEqual(['ok', 'warning', 'ok', 'ok', 'problem', 'skipped']);
    const credentials = checks[4]!;
    expect(within(credentials).getByText('Problem')).toBeTruthy();
    expect(credentials.textContent).toContain('User name and password');
    expect(credentials.textContent).toContain(
      'check DEPOT_REMOTE_STELLANTIS_USER and DEPOT_REMOTE_STELLANTIS_PASSWORD. Reference for support: ref-42.',
    );
    expect(checks[1]!.textContent).toMatch(/Warning.*Client certificate.*expires in 12 days/);
    expect(checks[5]!.textContent).toContain('Not checked');
    // The check's own answer carries the newer budget.
    const limits = screen.getByTestId('rate-limit').textContent;
    expect(limits).toContain('In the current 24 hours: 4,900 of 5,000 left');
    expect(limits).toContain('Per second: 9 of 10 left');
  });

  it('words the checks in the language chosen, the dates in its format', async () => {
    await chooseLanguage('fr');
    const client = connectionClient();
    client.connectionRateLimit.mockResolvedValue({ budget: budget(4950) });
    client.checkConnection.mockResolvedValue(report);
    renderWithStores(<ConnectionTestPanel />, client);
    expect((await screen.findByTestId('rate-limit')).textContent).toContain(
      'Sur les 24 heures en cours : 4\u202f950 restantes sur 5\u202f000',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Tester la connexion' }));
    expect((await screen.findByTestId('connection-verdict')).textContent).toContain('1 problème trouvé');
    const checks = screen.getAllByTestId('connection-check');
    expect(checks[1]!.textContent).toContain('Validité du certificat client');
    expect(checks[1]!.textContent).toContain(
      'Le certificat client (CN=depot) expire dans 12 jours, le 13 janv. 2026 : demandez dès maintenant',
    );
    expect(within(checks[4]!).getByText('Problème')).toBeTruthy();
    expect(checks[4]!.textContent).toContain(
      'Stellantis a refusé le nom d’utilisateur ou le mot de passe (HTTP 401) : vérifiez DEPOT_REMOTE_STELLANTIS_USER',
    );
    expect(checks[4]!.textContent).toContain('Référence pour le support : ref-42.');
    expect(checks[5]!.textContent).toContain('Non vérifié : les identifiants ont été refusés.');
  });

  it('shows an agent that sends no codes in its own words', async () => {
    await chooseLanguage('fr');
    const client = connectionClient();
    const older = report.checks.map(({ sentences: _codes, ...check }) => check);
    client.checkConnection.mockResolvedValue({ ...report, checks: older } as unknown as ConnectionReportDto);
    renderWithStores(<ConnectionTestPanel />, client);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Tester la connexion' }));
    const checks = await screen.findAllByTestId('connection-check');
    expect(checks[4]!.textContent).toContain('Stellantis refused the user name or password (HTTP 401)');
  });

  it('says plainly that the simulator has nothing to check', async () => {
    const client = connectionClient();
    renderWithStores(<SettingsView />, client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect((await screen.findByTestId('connection-nothing-to-check')).textContent).toContain(
      'built-in simulator: there is no network connection, certificate or password to check',
    );
    expect(client.checkConnection).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('connection-check')).toBeNull();
    expect(screen.queryByTestId('rate-limit')).toBeNull();
  });

  it('shows why the test could not run, and runs again on demand', async () => {
    const client = connectionClient();
    client.checkConnection.mockRejectedValueOnce(
      failure(0, 'NETWORK', 'The agent could not be reached: check that it is running.'),
    );
    renderWithStores(<ConnectionTestPanel />, client);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const error = await screen.findByTestId('error-summary');
    expect(error.textContent).toContain('The connection test could not run');
    expect(error.textContent).toContain('The agent could not be reached');

    client.checkConnection.mockResolvedValueOnce({ ...report, ok: true, checks: report.checks.slice(0, 4) });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() =>
      expect(screen.getByTestId('connection-verdict').textContent).toContain(
        'The connection works, with 1 warning',
      ),
    );
    expect(screen.queryByTestId('error-summary')).toBeNull();
  });
});
