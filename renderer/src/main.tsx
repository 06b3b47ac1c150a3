// The page's entry, kept small: it sends the page's first reads (early-reads.ts), then loads the app (start.tsx:
// React, Mantine and the contract's schemas, about 1 MB to fetch and 100 ms to set up on the workshop machines), so
// the agent answers them meanwhile instead of after, and warms up what the app's start would wait on (warm-up.ts).
// The styles stay here, in the page's head.
import '@mantine/core/styles.css';
import { startEarlyReads } from './api/early-reads.js';
import { warmUpWhileLoading } from './app/warm-up.js';

startEarlyReads();
void import('./app/start.js');
warmUpWhileLoading();
