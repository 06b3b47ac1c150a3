// Navigation action (api-b2b.yaml `RemoteNavigation`, `Point`): up to 9 waypoints and the destination.
import { z } from 'zod';
import { custom, describeValue, must, whenArray } from './remote-messages.js';

const MAX_POSITIONS = 10;

function coordinate(name: string, limit: number) {
  return z
    .number({
      error: (iss) => {
        if (iss.input === undefined) return `${name} is required: a number between -${limit} and ${limit}.`;
        const kind = typeof iss.input === 'number' ? '' : 'a number ';
        return `${name} must be ${kind}between -${limit} and ${limit} (got ${describeValue(iss.input)}).`;
      },
    })
    .min(-limit)
    .max(limit);
}

const longitudeSchema = coordinate('Longitude', 180);
const latitudeSchema = coordinate('Latitude', 90);
const altitudeSchema = z.number(must('Altitude', 'a number'));

const coordinatesSchema = z
  .xor(
    [z.tuple([longitudeSchema, latitudeSchema]), z.tuple([longitudeSchema, latitudeSchema, altitudeSchema])],
    {
      error: (iss) =>
        iss.input === undefined
          ? 'Coordinates are required: [longitude, latitude] or [longitude, latitude, altitude].'
          : `Coordinates must be [longitude, latitude] or [longitude, latitude, altitude] (got ${describeValue(iss.input)}).`,
    },
  )
  .superRefine((coordinates, ctx) => {
    // [48.85, 123.4] is most likely [latitude, longitude]: say so next to the range error.
    const [first, second]: readonly unknown[] = coordinates;
    if (typeof first !== 'number' || typeof second !== 'number') return;
    if (Math.abs(first) <= 90 && Math.abs(second) > 90 && Math.abs(second) <= 180) {
      ctx.addIssue(
        custom(`These look swapped: coordinates are [longitude, latitude], so try [${second}, ${first}].`),
      );
    }
  }, whenArray)
  .meta({ description: '[longitude, latitude] or [longitude, latitude, altitude] (RFC 7946).' });

const pointSchema = z.strictObject(
  { type: z.literal('Point', must('Point type', '"Point"')), coordinates: coordinatesSchema },
  must('Each position', 'a point like {"type": "Point", "coordinates": [2.3522, 48.8566]}'),
);

export const remoteNavigationSchema = z.strictObject(
  {
    // Deprecated since 3.2.0 and absent from the wire type: accepted, then dropped by parse-remote.ts.
    driverApproval: z
      .boolean(must('Driver approval', 'true or false'))
      .optional()
      .meta({ deprecated: true, description: 'Ignored and not sent.' }),
    positions: z
      .array(
        pointSchema,
        must('Position list', 'a list of 1 to 10 points, the last one being the destination'),
      )
      .min(1, { error: 'Give at least one position: the destination.' })
      .max(MAX_POSITIONS, {
        error: (iss) =>
          `At most 10 positions: 9 waypoints + the destination (got ${Array.isArray(iss.input) ? iss.input.length : 0}).`,
      }),
  },
  must('Navigation', 'an object like {"positions": [{"type": "Point", "coordinates": [2.3522, 48.8566]}]}'),
);
