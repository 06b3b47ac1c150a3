// An explanation's words (issue 17): the agent sends a code with its values, the catalog words it —
// `explain:<code>.title`, `.text` (what happened) and `.next` (what to do). The codes are typed from the English
// catalog, so a key that does not exist does not compile; the keys are declared with the codes in
// main/core/domain/explanations.keys.ts (the renderer may not import main/). A code this renderer does not know
// (an agent newer than it) reads as the generic "unknown status" naming the code.
import type { ExplanationDto } from '../../../../preload/contract/dto.js';
import english from '../../../../resources/locales/en/explain.json';
import { t } from '../../i18n/index.js';

type CodeOf<Key> = Key extends `${infer Code}.title` ? Code : never;
/** The codes the catalogs word: pending.Accepted, cause.DoorsOpen, phase.Queued, unknown… */
export type ExplainCode = CodeOf<keyof typeof english>;

function isKnown(code: string): code is ExplainCode {
  return Object.hasOwn(english, `${code}.title`);
}

export interface ExplanationWords {
  title: string;
  /** What happened. */
  text: string;
  /** What to do now, concretely. */
  next: string;
}

export function explanationWords(explanation: Pick<ExplanationDto, 'code' | 'params'>): ExplanationWords {
  const { code, params } = isKnown(explanation.code)
    ? { code: explanation.code, params: explanation.params }
    : { code: 'unknown' as const, params: { code: explanation.code } };
  const values = { ...params };
  return {
    title: t(`explain:${code}.title`, values),
    text: t(`explain:${code}.text`, values),
    next: t(`explain:${code}.next`, values),
  };
}
