// @vitest-environment jsdom
// Deliveries and the quarantine in the chosen language: why a delivery is held is a code from the core, worded
// here (in English exactly as the core used to say it, its times as local clock times); why a notification was
// kept is worded from its reason and remote action ids, in English as the agent's own sentence.
import './helpers/dom.js';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toQuarantineEntryDto } from '../../main/core/receiver/quarantine-dto.js';
import type { HeldReasonDto } from '../../preload/contract/deliveries.js';
import { timeText } from '../../renderer/src/components/time-text.js';
import { DeliveryTable } from '../../renderer/src/features/deliveries/DeliveryTable.js';
import { heldReasonText } from '../../renderer/src/features/deliveries/held-reason-text.js';
import { TargetsTable } from '../../renderer/src/features/deliveries/TargetsTable.js';
import { reasonSentence, sizeText } from '../../renderer/src/features/quarantine/quarantine-text.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { delivery, target } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const SINCE = '2026-01-05T08:00:00.000Z';
const PROBE = '2026-01-05T08:00:30.000Z';
const held = (code: HeldReasonDto['code'], params: Record<string, string> = {}): HeldReasonDto => ({
  code,
  params,
});

afterEach(() => chooseLanguage('en'));

describe('why a delivery is held', () => {
  it('says in English what the core said, with its times as local clock times', () => {
    const at = timeText(SINCE);
    expect(heldReasonText(held('CALLBACK_PAUSED'))).toBe('The callback is paused.');
    expect(heldReasonText(held('CALLBACK_DELETED'))).toBe('The callback was deleted.');
    expect(heldReasonText(held('CALLBACK_SECRETS_LOST'))).toBe(
      'The callback lost its secrets (--forget-secrets): enter its signing secret, authentication and hidden ' +
        'header values again to deliver.',
    );
    expect(heldReasonText(held('TARGET_GONE', { target: 'https://fms.example/hook' }))).toBe(
      'The webhook https://fms.example/hook answered 410 Gone: deliveries are held. Correct the target, then ' +
        'resume the callback.',
    );
    expect(heldReasonText(held('TARGET_UNREACHABLE', { since: SINCE }))).toBe(
      `The target is unreachable since ${at}.`,
    );
    expect(
      heldReasonText(
        held('TARGET_UNREACHABLE', {
          since: SINCE,
          origin: 'http://10.0.0.9:8080',
          lastError: 'connect ECONNREFUSED',
          nextProbeAt: PROBE,
        }),
      ),
    ).toBe(
      `The target http://10.0.0.9:8080 is unreachable since ${at} (connect ECONNREFUSED). ` +
        `Next probe at ${timeText(PROBE)}.`,
    );
    expect(heldReasonText(held('TARGET_UNREACHABLE', { since: SINCE, origin: 'http://10.0.0.9:8080' }))).toBe(
      `The target http://10.0.0.9:8080 is unreachable since ${at} (no answer).`,
    );
    expect(heldReasonText(held('TARGET_RETRY_AFTER', { until: PROBE }))).toBe(
      `The target asked to wait (Retry-After) until ${timeText(PROBE)}.`,
    );
  });

  it('is shown under the state of a queued delivery and beside a held callback, in French', async () => {
    await chooseLanguage('fr');
    renderWithStores(
      <>
        <DeliveryTable
          items={[delivery({ heldReason: held('TARGET_GONE', { target: 'https://fms.example/hook' }) })]}
          onRetry={() => undefined}
        />
        <TargetsTable
          targets={[
            target({
              callbacks: [
                {
                  callbackId: 'cb-1',
                  label: 'depot',
                  status: 'Paused',
                  queued: 2,
                  waitingForBatch: 0,
                  heldReason: held('CALLBACK_PAUSED'),
                },
              ],
            }),
          ]}
        />
      </>,
    );
    expect((await screen.findByTestId('delivery-row')).textContent).toContain(
      'Le webhook https://fms.example/hook a répondu 410 Gone : les envois sont retenus.',
    );
    expect(screen.getByTestId('delivery-row').textContent).toContain('En file d’attente');
    const row = screen.getByTestId('target-row');
    expect(row.textContent).toContain('depot (en pause) — Le callback est en pause.');
    expect(row.textContent).toContain('2 en file · 0 en cours');
  });
});

describe('why a notification was kept', () => {
  const summary = (
    reason: 'MALFORMED_JSON' | 'SCHEMA_MISMATCH' | 'UNKNOWN_ACTION',
    actionIds: string[] = [],
  ) => ({
    id: 1,
    callbackId: 'cb-1',
    receivedAt: SINCE,
    reason,
    errorCount: 1,
    contentType: 'application/json',
    size: 2,
    bytes: 300,
    actionIds,
    replays: 0,
    lastReplayAt: null,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  });

  it('says in English what the agent says, from the reason and the ids', () => {
    const many = Array.from({ length: 140 }, (_, i) => `up-${i + 1}`);
    for (const entry of [
      summary('MALFORMED_JSON'),
      summary('SCHEMA_MISMATCH'),
      summary('UNKNOWN_ACTION', ['up-1']),
      summary('UNKNOWN_ACTION', ['up-1', 'up-2', 'up-3']),
      summary('UNKNOWN_ACTION', many),
    ]) {
      const dto = toQuarantineEntryDto(entry);
      expect(reasonSentence(dto)).toBe(dto.message);
    }
  });

  it('says it in German, with the ids it names and how many more', async () => {
    await chooseLanguage('de');
    const dto = toQuarantineEntryDto(summary('UNKNOWN_ACTION', ['a', 'b', 'c', 'd', 'e']));
    expect(reasonSentence(dto)).toBe(
      'Ereignisse für 5 Remote-Aktionen, die dieser Agent nicht kennt (a, b, c und 2 weitere); der Rest der ' +
        'Anfrage wurde übernommen. Verarbeiten Sie sie erneut, sobald die Aktionen existieren.',
    );
    expect(sizeText(1536)).toBe('1,5 KB');
  });
});
