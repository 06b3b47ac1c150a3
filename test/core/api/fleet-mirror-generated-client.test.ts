// The proof client's types are what openapi-typescript makes of the committed spec copy, unedited: regenerating
// them (npm run gen:stellantis-client) gives the committed file byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes, normalisedSpec, TYPES_FILE } from '../../stellantis-client/generate.js';

describe('the generated Stellantis client', () => {
  it('is current with its spec', async () => {
    expect(await generateTypes()).toBe(readFileSync(TYPES_FILE, 'utf8'));
  });

  it('places only the error fragment in the spec before generating, and refuses a spec it does not recognise', () => {
    const spec = [
      '      default:',
      '        description: Vehicle not found',
      "        $ref: '#/x-fragment/general_error_fragment'  ",
      '      other: kept',
    ].join('\n');
    expect(normalisedSpec(spec)).toBe(
      [
        '      default:',
        '        description: Vehicle not found',
        '        content:',
        '          application/json:',
        '            schema:',
        "              $ref: '#/components/schemas/xError'",
        '      other: kept',
      ].join('\n'),
    );
    expect(() => normalisedSpec("$ref: '#/x-fragment/another_fragment'")).toThrow(/update generate.ts/);
  });
});
