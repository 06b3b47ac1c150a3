import { useNow } from './use-now.js';
import { ageText, clockText } from './time-text.js';

export function TimeAgo({ iso, prefix }: { iso: string | null | undefined; prefix?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso ?? undefined} title={clockText(iso)}>
      {prefix}
      {ageText(iso, now)}
    </time>
  );
}
