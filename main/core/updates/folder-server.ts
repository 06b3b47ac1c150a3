// A file:// feed (a shared folder) served to electron-updater, whose HTTP client speaks http(s) only: a read-only
// static server on 127.0.0.1 at a random port, for this process alone. It serves the files inside that folder and
// nothing else: no listing, no index page, no dot files, no path out of the folder (`..`, encoded or not, and
// symbolic links pointing outside are refused), GET and HEAD only. Ranges are served (electron-updater's
// differential download asks for them).
import { realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

export interface FolderFeedServer {
  /** The http://127.0.0.1:<port>/ base that stands for the folder. */
  url: string;
  close(): Promise<void>;
}

/** Inside `root` once every link is followed (a file missing is left to the static plugin's 404). */
function staysInside(root: string, requested: string): boolean {
  let real: string;
  try {
    real = realpathSync(join(root, requested));
  } catch {
    return true;
  }
  return real === root || real.startsWith(root + sep);
}

/** Serves the folder of a file:// feed (see feed-url.ts) on loopback. */
export async function serveFeedFolder(feed: string): Promise<FolderFeedServer> {
  const root = realpathSync(resolve(fileURLToPath(feed)));
  const app = Fastify({ logger: false });
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply.code(405).send();
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    list: false,
    index: false,
    redirect: false,
    serveDotFiles: false,
    dotfiles: 'deny',
    cacheControl: false,
    allowedPath: (pathName) => staysInside(root, decodeURIComponent(pathName)),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => app.close() };
}
