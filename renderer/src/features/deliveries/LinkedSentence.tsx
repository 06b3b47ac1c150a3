// A translated sentence with one part as a link, marked <link>…</link> in the catalog, so each language puts the
// link where its word order wants it. The tags reach here as text: i18next-icu formats with ignoreTag.
import { Anchor } from '@mantine/core';

const LINKED = /^(.*?)<link>(.*?)<\/link>(.*)$/s;

export function LinkedSentence({ text, href }: { text: string; href: string }) {
  const match = LINKED.exec(text);
  if (!match) return <>{text}</>;
  const [, before, inside, after] = match;
  return (
    <>
      {before}
      <Anchor href={href}>{inside}</Anchor>
      {after}
    </>
  );
}
