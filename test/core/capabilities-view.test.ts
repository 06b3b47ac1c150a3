// A vehicle's capabilities as clients get them (issue 17): why not is a code the clients word, with its values; a
// stored reason that is no code (a sentence written before the codes, until the next fleet sync replaces it) is
// left out, so a client never shows an English sentence in another language, nor fails on it.
import { describe, expect, it } from 'vitest';
import { capabilitySchema } from '../../preload/contract/dto.js';
import { capabilitiesView } from '../../main/core/kernel/capabilities-view.js';

describe('capabilitiesView', () => {
  it('keeps the codes and their values, and drops a reason that is no code', () => {
    const view = capabilitiesView({
      Doors: { supported: true },
      Horn: { supported: false, reason: 'e-remote-only' },
      Lights: {
        supported: false,
        reason: 'network-refused',
        params: { failureCause: 'MissingRights', at: '2026-01-10T08:00:00.000Z' },
      },
      Navigation: { supported: false, reason: 'No connected navigation system on this vehicle.' },
    });
    expect(view).toEqual({
      Doors: { supported: true },
      Horn: { supported: false, reason: 'e-remote-only' },
      Lights: {
        supported: false,
        reason: 'network-refused',
        params: { failureCause: 'MissingRights', at: '2026-01-10T08:00:00.000Z' },
      },
      Navigation: { supported: false },
    });
    for (const capability of Object.values(view))
      expect(capabilitySchema.parse(capability)).toEqual(capability);
  });

  it('is what the contract accepts: a sentence is no reason', () => {
    expect(capabilitySchema.safeParse({ supported: false, reason: 'Not fitted.' }).success).toBe(false);
  });
});
