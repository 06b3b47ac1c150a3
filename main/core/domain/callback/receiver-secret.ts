// The per-callback secret the network sends back in `x-depot-secret` when it delivers to this agent's receiver.
// Made here, never entered by anyone: it can be replaced at any time (the upstream twin is updated with it).
import { randomBytes } from 'node:crypto';

export const newReceiverSecret = (): string => randomBytes(32).toString('base64url');
