// electron-builder.yml publishes for a generic provider, so the build writes the channel files and app-update.yml;
// its URL is only a neutral placeholder on loopback (the feed setting replaces it at run time), never a real host.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require_ = createRequire(import.meta.url);
const yaml = createRequire(require_.resolve('app-builder-lib/package.json'))('js-yaml') as {
  load(text: string): unknown;
};
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as {
  publish: { provider: string; url: string }[];
};

describe('the publish configuration', () => {
  it('is one generic provider whose URL is a loopback placeholder', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: 'http://127.0.0.1/depot-remote-updates' }]);
    expect(new URL(config.publish[0]!.url).hostname).toBe('127.0.0.1');
  });
});
