// Mantine's PasswordInput with its show/hide button named in the reader's language (Mantine's own name for it is a
// fixed English string). Every secret field of the app — PINs, passwords, passphrases, header values — uses this.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef } from 'react';
import { t } from '../i18n/index.js';

export const SecretInput = forwardRef<HTMLInputElement, PasswordInputProps>(function SecretInput(props, ref) {
  return (
    <PasswordInput
      ref={ref}
      {...props}
      visibilityToggleButtonProps={{
        'aria-label': t('common:secret.toggle'),
        ...props.visibilityToggleButtonProps,
      }}
    />
  );
});
