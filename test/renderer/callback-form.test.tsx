// @vitest-environment jsdom
// The callback form produces the spec body plus the local extensions, and the core's field messages come back
// next to their fields.
import './helpers/dom.js';
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientFailure } from '../../preload/contract/client.js';
import {
  callbackBody,
  draftOf,
  generateSigningSecret,
  newCallbackDraft,
} from '../../renderer/src/features/callbacks/callback-model.js';
import { CallbackForm } from '../../renderer/src/features/callbacks/CallbackForm.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { callback } from './helpers/fake-client.js';

function show(
  onSubmit: (body: Record<string, unknown>) => Promise<ClientFailure | null>,
  existing?: ReturnType<typeof callback>,
) {
  render(
    <MantineProvider>
      <CallbackForm existing={existing} onSubmit={onSubmit} onCancel={() => {}} />
    </MantineProvider>,
  );
  return userEvent.setup();
}

describe('callback model', () => {
  it('builds the spec body with retries, batching, attributes and extensions', () => {
    const body = callbackBody({
      ...newCallbackDraft(),
      label: 'Depot 42',
      name: 'depot42',
      target: ' https://depot42.example/hook ',
      remoteTypes: ['Horn', 'Doors'],
      retryNumber: 5,
      retryDelay: 60,
      batch: true,
      batchSize: 20,
      batchWindow: 30,
      attributes: [{ type: 'Header', key: 'X-Vin', value: '$vin' }],
      secretMode: 'new',
      secret: 'whsec_x',
      authMode: 'Bearer',
      token: 't0k',
    });
    expect(body).toEqual({
      label: 'Depot 42',
      callback: {
        webhook: {
          target: 'https://depot42.example/hook',
          name: 'depot42',
          attributes: [{ type: 'Header', key: 'X-Vin', value: '$vin' }],
        },
      },
      retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
      batchNotify: { size: 20, timeWindow: 30 },
      remoteTypes: ['Doors', 'Horn'],
      signingSecret: 'whsec_x',
      authentication: { type: 'Bearer', token: 't0k' },
    });
  });

  it('keeps stored secrets on edit unless asked to change them', () => {
    const existing = callback({
      signingSecret: 'whsec_****abcd',
      authentication: { type: 'Basic', username: 'u', secret: '****' },
    });
    const draft = draftOf(existing);
    expect(draft.secretMode).toBe('keep');
    expect(callbackBody(draft)).not.toHaveProperty('signingSecret');
    expect(callbackBody(draft)).not.toHaveProperty('authentication');
    expect(callbackBody({ ...draft, secretMode: 'remove', authMode: 'remove' })).toMatchObject({
      signingSecret: null,
      authentication: null,
    });
    expect(callbackBody({ ...draft, retry: 'None' }).retryPolicy).toEqual({ policy: 'None' });
  });

  it('generates Standard Webhooks secrets', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateSigningSecret()).not.toBe(secret);
  });
});

describe('CallbackForm', () => {
  it('submits what was typed and shows the core messages by their fields', async () => {
    const onSubmit = vi.fn(async (_body: Record<string, unknown>) => ({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'The callback is not valid.',
      errors: [
        { field: 'callback.webhook.target', message: 'The target must be an https:// URL.' },
        {
          field: 'callback.webhook.attributes[0].value',
          message: 'Unknown variable $vim: use $vin, $callbackID, $remoteType or $fleetID.',
        },
      ],
    }));
    const user = show(onSubmit);
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'depot');
    await user.type(screen.getByRole('textbox', { name: /^Target URL/ }), 'ftp://nope');
    await user.click(screen.getByRole('button', { name: 'Add an attribute' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'X-Vin');
    fireEvent.change(screen.getByLabelText('Value', { selector: 'input' }), { target: { value: '$vim' } });
    await user.click(screen.getByRole('button', { name: 'Create callback' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({
      callback: {
        webhook: {
          target: 'ftp://nope',
          name: 'depot',
          attributes: [{ type: 'Header', key: 'X-Vin', value: '$vim' }],
        },
      },
    });
    const target = screen.getByRole('textbox', { name: /^Target URL/ });
    await waitFor(() => expect(target.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Value', { selector: 'input' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('error-summary').textContent).toContain('The target must be an https:// URL.');
  });
});

describe('CallbackForm in French', () => {
  afterEach(() => chooseLanguage('en'));

  it('labels every field, section and choice in French, the core paths and body unchanged', async () => {
    await chooseLanguage('fr');
    const onSubmit = vi.fn(async (_body: Record<string, unknown>) => null);
    const user = show(onSubmit);
    const form = screen.getByRole('form', { name: 'Nouveau callback' });
    expect(form).toBeTruthy();
    for (const title of [
      'Webhook',
      'Types de commande',
      'Nouvelles tentatives et regroupement',
      'Sécurité',
    ]) {
      expect(screen.getByRole('heading', { name: title })).toBeTruthy();
    }
    await user.type(screen.getByRole('textbox', { name: /^Nom/ }), 'depot');
    await user.type(screen.getByRole('textbox', { name: /^URL cible/ }), 'https://depot.example/hook');
    expect(screen.getByRole('textbox', { name: /^Libellé \(facultatif\)/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Retenter' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Un seul essai' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Tentatives' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Secondes entre les tentatives' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Secret de signature/ })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Authentification/ })).toBeTruthy();
    expect(screen.getByText(/Le temps où le site est hors ligne n’use pas les tentatives/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Ajouter un attribut' }));
    const attribute = screen.getByRole('group', { name: 'Attribut 1' });
    expect(within(attribute).getByRole('textbox', { name: 'Clé' })).toBeTruthy();
    expect(within(attribute).getByLabelText('Valeur', { selector: 'input' })).toBeTruthy();
    // The type is worded, the value sent stays the fleet API's.
    expect((within(attribute).getByRole('combobox', { name: 'Type' }) as HTMLInputElement).value).toBe(
      'En-tête',
    );
    expect(within(attribute).getByRole('button', { name: 'Supprimer l’attribut 1' })).toBeTruthy();
    await user.type(within(attribute).getByRole('textbox', { name: 'Clé' }), 'X-Vin');

    // No English left on the form (its hints and buttons included).
    expect(form.textContent).not.toMatch(
      /Target URL|Retries|Attempts|Add an attribute|Signing secret|Cancel/,
    );
    expect(within(form).getByRole('button', { name: 'Annuler' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Créer le callback' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({
      callback: {
        webhook: {
          target: 'https://depot.example/hook',
          name: 'depot',
          attributes: [{ type: 'Header', key: 'X-Vin', value: '' }],
        },
      },
      retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
    });
  });
});
