// The catalog keys built at run time from an explanation's code: each code has a title, a text (what happened) and
// a next step. Built by main/shell/notifier.ts and by the renderer (features/timeline/explanation-text.ts,
// app/done-notifier.ts), which may not import main/ and types its codes from the English catalog instead.
import { EXPLANATION_CODES } from './explanations.js';

export const dynamicKeys = {
  'explain:': EXPLANATION_CODES.flatMap((code) => [`${code}.title`, `${code}.text`, `${code}.next`]),
} satisfies Record<string, readonly string[]>;
