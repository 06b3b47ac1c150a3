// A short phrase around a time ("Next try in 2 min", "since 3 min ago"): the whole phrase is one message, so each
// language puts the time where it belongs; the exact local time shows on hover, and the phrase keeps up with the
// clock like TimeAgo.
import { ageText, clockText } from '../../components/time-text.js';
import { useNow } from '../../components/use-now.js';

export function TimePhrase({ iso, phrase }: { iso: string; phrase: (when: string) => string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={clockText(iso)}>
      {phrase(ageText(iso, now))}
    </time>
  );
}
