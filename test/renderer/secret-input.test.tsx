// @vitest-environment jsdom
// Every secret field (PINs, passwords, passphrases) shows a show/hide button: its name comes from the catalogs, not
// from Mantine's fixed English, and it still reveals the value.
import './helpers/dom.js';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretInput } from '../../renderer/src/components/SecretInput.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { renderWithStores } from './helpers/render.js';

afterEach(async () => {
  await chooseLanguage('en');
});

describe('a secret field', () => {
  it('names its show/hide button in the chosen language, and the button reveals the value', async () => {
    await chooseLanguage('fr');
    renderWithStores(<SecretInput label="PIN" defaultValue="4242" />);
    const field = screen.getByLabelText('PIN') as HTMLInputElement;
    expect(field.type).toBe('password');
    const toggle = screen.getByRole('button', { name: 'Afficher ou masquer', hidden: true });
    expect(screen.queryByRole('button', { name: 'Toggle password visibility', hidden: true })).toBeNull();
    fireEvent.mouseDown(toggle);
    expect(field.type).toBe('text');
  });
});
