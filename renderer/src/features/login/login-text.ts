// The words of signing in: the operator picker, the token form, the lock screen, and each refusal in plain words.
import type { ClientFailure } from '../../../../preload/contract/client.js';

export const LOGIN_TEXT = {
  title: 'Depot Remote',
  pickIntro: 'Choose your name, then type your PIN.',
  operatorList: 'Operator',
  pinFor: (name: string) => `PIN for ${name}`,
  passwordFor: (name: string) => `Password for ${name}`,
  chooseFirst: 'Choose your name in the list first.',
  typePin: 'Type your PIN.',
  signIn: 'Sign in',
  useToken: 'Sign in with the machine token instead',
  usePicker: 'Back to the operator list',
  tokenIntro: "Sign in with this agent's API token.",
  tokenWhere: 'It is in the file api-token of the agent’s data folder, on the machine running the agent',
  tokenDefault:
    '(by default ~/.config/Depot Remote/api-token on Linux), or the value of DEPOT_REMOTE_API_TOKEN.',
  tokenLabel: 'API token',
  enrol: 'Enrol this browser for PIN sign-in',
  enrolHelp:
    'Operators can then sign in on this browser with their name and PIN. Needs the machine token or an admin’s token.',
  lockedTitle: (minutes: number) =>
    `Locked after ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} without use`,
  lockedHelp: 'Sign in again to carry on.',
  loadingOperators: 'Loading the operators',
  noOperators:
    'No operators yet: sign in with the machine token, then create the first admin (the banner at the top).',
  notEnrolledTitle: 'This browser is not enrolled for PIN sign-in',
  notEnrolled:
    'Sign in with the machine token and keep “Enrol this browser for PIN sign-in” checked (or use the desktop ' +
    'app): operators can then sign in here with their name and PIN.',
  lockedOperatorTitle: 'Locked',
  lockedOperator: 'Locked after too many wrong PINs: try again later or ask an admin to unlock.',
} as const;

/** A sign-in refusal as the screen says it: a title, and the sentence that names what to do. */
export function signInFailureText(failure: ClientFailure): { title: string; message: string } {
  switch (failure.code) {
    case 'OPERATOR_LOCKED':
      // The agent's message says how long to wait (Retry-After is not readable here); the words stand alone.
      return {
        title: LOGIN_TEXT.lockedOperatorTitle,
        message: failure.message ? `${failure.message}` : LOGIN_TEXT.lockedOperator,
      };
    case 'NOT_ENROLLED':
      return { title: LOGIN_TEXT.notEnrolledTitle, message: LOGIN_TEXT.notEnrolled };
    default:
      return { title: failure.message, message: '' };
  }
}
