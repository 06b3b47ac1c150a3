import { describe, expect, it } from 'vitest';
import { createFleetEngine } from '../../../main/core/connector/simulator/fleet-engine.js';
import {
  isValidVin,
  isVinShaped,
  vinCheckDigit,
  withCheckDigit,
  worldManufacturerIdentifier,
} from '../../../main/core/domain/vehicle/vin.js';
import { manualClock } from '../../../main/core/ports/clock.js';

// Published examples whose check digit is known to be right (Wikipedia's VIN article and NHTSA decoder samples).
const KNOWN_VALID = [
  '1M8GDM9AXKP042788',
  '11111111111111111',
  '1HGCM82633A004352',
  '5GZCZ43D13S812715',
  'JH4KA7561PC008269',
];

describe('VIN check digit (ISO 3779 / 49 CFR 565)', () => {
  it.each(KNOWN_VALID)('accepts the known-valid VIN %s', (vin) => {
    expect(isValidVin(vin)).toBe(true);
    expect(vinCheckDigit(vin)).toBe(vin.charAt(8));
  });

  it('computes X for a remainder of 10', () => {
    expect(vinCheckDigit('1M8GDM9A0KP042788')).toBe('X');
    expect(withCheckDigit('1M8GDM9A0KP042788')).toBe('1M8GDM9AXKP042788');
  });

  it.each([
    ['a wrong check digit', '1M8GDM9A1KP042788'],
    ['the letter I', '1M8GDM9AXKP04278I'],
    ['the letter O', '1M8GDM9AXKPO42788'],
    ['the letter Q', '1M8GDM9AXKP0427Q8'],
    ['16 characters', '1M8GDM9AXKP04278'],
    ['18 characters', '1M8GDM9AXKP0427881'],
    ['lower case', '1m8gdm9axkp042788'],
  ])('rejects %s', (_why, vin) => {
    expect(isValidVin(vin)).toBe(false);
  });

  it('refuses to compute a check digit for something that is not VIN-shaped', () => {
    expect(isVinShaped('VF3')).toBe(false);
    expect(() => vinCheckDigit('VF3')).toThrow(/Not a VIN/);
  });
});

describe('simulated fleet VINs', () => {
  const vehicles = createFleetEngine({ clock: manualClock(), seed: 1, speed: 1 }).vehicles();
  const WMI_BY_BRAND: Record<string, string[]> = {
    Peugeot: ['VF3', 'VR3'],
    Citroën: ['VF7', 'VR7'],
    DS: ['VR1'],
    Opel: ['W0V', 'W0L'],
    Vauxhall: ['W0V', 'W0L'],
    Fiat: ['ZFA'],
    Jeep: ['1C4', 'ZAC'],
    'Alfa Romeo': ['ZAR'],
  };

  it.each(vehicles.map((v) => [v.label, v.vin, v.brand]))(
    '%s has a valid VIN (%s) with a real %s manufacturer prefix',
    (_label, vin, brand) => {
      expect(vin).toHaveLength(17);
      expect(isValidVin(vin)).toBe(true);
      expect(WMI_BY_BRAND[brand]).toContain(worldManufacturerIdentifier(vin));
    },
  );

  it('gives every vehicle its own VIN', () => {
    expect(new Set(vehicles.map((v) => v.vin)).size).toBe(vehicles.length);
  });
});
