// electron-updater in plain Node, as its own tests run it: an updater class given an AppAdapter of the test (the
// version, the cache folder, the app-update.yml electron-builder writes into a packaged app) and Node's HTTP
// executor (builder-util's, the one electron-builder itself uses) instead of Electron's net module. Nothing here
// needs the Electron binary: checking, downloading and verifying are electron-updater's own code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor.js';
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import type { RequestOptions } from 'node:http';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';

export class TestAppAdapter implements AppAdapter {
  readonly name = 'depot-remote';
  readonly isPackaged = true;
  relaunched = 0;
  quits = 0;
  readonly quitHandlers: ((exitCode: number) => void)[] = [];

  constructor(
    readonly version: string,
    private readonly dir: string,
  ) {
    // What electron-builder writes next to the app (the URL is the placeholder the feed setting overrides).
    writeFileSync(
      this.appUpdateConfigPath,
      'provider: generic\nurl: http://127.0.0.1/depot-remote-updates\nupdaterCacheDirName: depot-remote-updater\n',
    );
  }

  get appUpdateConfigPath() {
    return join(this.dir, 'app-update.yml');
  }
  get userDataPath() {
    return this.dir;
  }
  get baseCachePath() {
    return this.dir;
  }
  whenReady() {
    return Promise.resolve();
  }
  relaunch() {
    this.relaunched += 1;
  }
  quit() {
    this.quits += 1;
  }
  onQuit(handler: (exitCode: number) => void) {
    this.quitHandlers.push(handler);
  }
}

/**
 * builder-util's Node executor with the one method electron-updater adds in its Electron executor: `download`, the
 * same body over Node's http (a streamed download into the file, through builder-util-runtime's DigestTransform,
 * which checks the sha512, and its progress transform).
 */
export class NodeDownloadExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

/** A Debian-package updater (Linux), the app at `version`, reading feeds with Node's HTTP client. */
export function testUpdater(version: string, dir: string): { updater: DebUpdater; app: TestAppAdapter } {
  const app = new TestAppAdapter(version, dir);
  const updater = new DebUpdater(null, app);
  // Internal fields (not in its typings) its own tests set the same way: the HTTP client, and electron-updater's test switch: the platform whose channel file it reads (latest-linux.yml), and full
  // downloads (no differential download against an installed older package, which a test machine has none of).
  const internals = updater as unknown as {
    httpExecutor: NodeDownloadExecutor;
    _testOnlyOptions: { platform: 'linux' };
  };
  internals.httpExecutor = new NodeDownloadExecutor();
  internals._testOnlyOptions = { platform: 'linux' };
  return { updater, app };
}
