// Navigation action (api-b2b.yaml `RemoteNavigation`, `Point`): up to 9 waypoints and the destination.
import { z } from 'zod';
import { coded, gotParams } from '../coded-issue.js';
import type { ErrorKey } from '../field-error.js';
import { custom, must, whenArray } from './remote-messages.js';

const MAX_POSITIONS = 10;

function coordinate(fieldKey: ErrorKey, limit: number) {
  return z
    .number({
      error: (iss) => {
        if (iss.input === undefined)
          return coded('required', { fieldKey, whatKey: 'errors:what.numberBetween', limit });
        // A number out of range: "between …"; anything else: "a number between …".
        const whatKey = typeof iss.input === 'number' ? 'errors:what.between' : 'errors:what.numberBetween';
        return coded('mustBe', { fieldKey, whatKey, limit, ...gotParams(iss.input) });
      },
    })
    .min(-limit)
    .max(limit);
}

const longitudeSchema = coordinate('errors:field.longitude', 180);
const latitudeSchema = coordinate('errors:field.latitude', 90);
const altitudeSchema = z.number(must('errors:field.altitude', 'errors:what.number'));

const coordinatesSchema = z
  .xor(
    [z.tuple([longitudeSchema, latitudeSchema]), z.tuple([longitudeSchema, latitudeSchema, altitudeSchema])],
    {
      error: (iss) =>
        iss.input === undefined
          ? coded('navigation.coordinatesRequired')
          : coded('navigation.coordinates', gotParams(iss.input)),
    },
  )
  .superRefine((coordinates, ctx) => {
    // [48.85, 123.4] is most likely [latitude, longitude]: say so next to the range error.
    const [first, second]: readonly unknown[] = coordinates;
    if (typeof first !== 'number' || typeof second !== 'number') return;
    if (Math.abs(first) <= 90 && Math.abs(second) > 90 && Math.abs(second) <= 180) {
      ctx.addIssue(custom('navigation.swapped', { longitude: String(second), latitude: String(first) }));
    }
  }, whenArray)
  .meta({ description: '[longitude, latitude] or [longitude, latitude, altitude] (RFC 7946).' });

const pointSchema = z.strictObject(
  {
    type: z.literal(
      'Point',
      must('errors:field.pointType', 'errors:what.exactly', { params: { value: '"Point"' } }),
    ),
    coordinates: coordinatesSchema,
  },
  must('errors:field.eachPosition', 'errors:what.point'),
);

export const remoteNavigationSchema = z.strictObject(
  {
    // Deprecated since 3.2.0 and absent from the wire type: accepted, then dropped by parse-remote.ts.
    driverApproval: z
      .boolean(must('errors:field.driverApproval', 'errors:what.trueOrFalse'))
      .optional()
      .meta({ deprecated: true, description: 'Ignored and not sent.' }),
    positions: z
      .array(pointSchema, must('errors:field.positionList', 'errors:what.positionList'))
      .min(1, { error: coded('navigation.noPosition') })
      .max(MAX_POSITIONS, {
        error: (iss) =>
          coded('navigation.tooManyPositions', { count: Array.isArray(iss.input) ? iss.input.length : 0 }),
      }),
  },
  must('errors:field.navigation', 'errors:what.objectLike', {
    params: { example: '{"positions": [{"type": "Point", "coordinates": [2.3522, 48.8566]}]}' },
  }),
);
