// A new PIN typed twice (or a password, for an operator who signs in with one), checked to match before it goes.
import { t } from '../../i18n/index.js';
import { SecretInput } from '../../components/SecretInput.js';

export interface PinDraft {
  value: string;
  again: string;
}

/** The local problem with a new PIN typed twice, or null. The format is the agent's to check. */
export function pinDraftProblem(draft: PinDraft): { field: 'value' | 'again'; message: string } | null {
  if (!draft.value) return { field: 'value', message: t('session:required') };
  if (draft.value !== draft.again) return { field: 'again', message: t('session:mismatch') };
  return null;
}

export function PinFields({
  draft,
  onChange,
  password = false,
  error,
  againError,
}: {
  draft: PinDraft;
  onChange(draft: PinDraft): void;
  password?: boolean;
  error?: string | undefined;
  againError?: string | undefined;
}) {
  return (
    <>
      <SecretInput
        label={password ? t('session:newPassword') : t('session:newPin')}
        description={password ? t('session:passwordHelp') : t('session:pinHelp')}
        value={draft.value}
        onChange={(e) => onChange({ ...draft, value: e.currentTarget.value })}
        error={error}
        inputMode={password ? undefined : 'numeric'}
        autoComplete="new-password"
      />
      <SecretInput
        label={password ? t('session:newPasswordAgain') : t('session:newPinAgain')}
        value={draft.again}
        onChange={(e) => onChange({ ...draft, again: e.currentTarget.value })}
        error={againError}
        inputMode={password ? undefined : 'numeric'}
        autoComplete="new-password"
      />
    </>
  );
}
