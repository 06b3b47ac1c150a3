// Issue 17: the catalogs are complete. Every language has exactly the English catalog's keys, each message is
// valid ICU with the same arguments (names and kinds, plural and select included) as its English source, every key
// is used by the code, and every key the code builds at run time (declared in a `*.keys.ts` file) exists.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES, SOURCE_LANGUAGE } from '../../preload/contract/locales.js';

const root = join(import.meta.dirname, '..', '..');
const catalogDir = join(root, 'resources', 'locales');

function catalog(language: string, ns: string): Record<string, string> {
  return JSON.parse(readFileSync(join(catalogDir, language, `${ns}.json`), 'utf8')) as Record<string, string>;
}

/** Each argument of a message with its kind, e.g. "count:plural", "name:argument". */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.add(`${el.value}:argument`);
    else if (el.type === TYPE.number) into.add(`${el.value}:number`);
    else if (el.type === TYPE.date) into.add(`${el.value}:date`);
    else if (el.type === TYPE.time) into.add(`${el.value}:time`);
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.value}:${el.type === TYPE.plural ? 'plural' : 'select'}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    } else if (el.type === TYPE.tag) {
      into.add(`<${el.value}>:tag`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

function selectOptions(elements: MessageFormatElement[], into = new Map<string, string[]>()) {
  for (const el of elements) {
    if (el.type === TYPE.select) into.set(el.value, Object.keys(el.options).sort());
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) selectOptions(option.value, into);
    }
  }
  return into;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const codeFiles = ['main', 'renderer/src', 'preload'].flatMap((d) => sourceFiles(join(root, d)));
const keyFiles = codeFiles.filter((f) => f.endsWith('.keys.ts'));
const code = codeFiles.map((f) => readFileSync(f, 'utf8')).join('\n');

/** Keys made at run time: `<namespace>:<prefix>` → the values appended (declared next to the code that builds them). */
async function dynamicKeys(): Promise<Map<string, Set<string>>> {
  const all = new Map<string, Set<string>>();
  for (const file of keyFiles) {
    const mod = (await import(file)) as { dynamicKeys?: Record<string, readonly string[]> };
    expect(mod.dynamicKeys, `${relative(root, file)} exports dynamicKeys`).toBeTypeOf('object');
    for (const [prefix, values] of Object.entries(mod.dynamicKeys ?? {})) {
      const set = all.get(prefix) ?? new Set<string>();
      for (const v of values) set.add(v);
      all.set(prefix, set);
    }
  }
  return all;
}

describe('the message catalogs', () => {
  it('has one file per language and namespace, each a flat object of strings', () => {
    for (const language of LANGUAGES) {
      const files = readdirSync(join(catalogDir, language)).filter((f) => f.endsWith('.json'));
      expect(files.sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
      for (const ns of NAMESPACES) {
        for (const [key, message] of Object.entries(catalog(language, ns))) {
          expect(typeof message, `${language}/${ns}.json "${key}"`).toBe('string');
        }
      }
    }
  });

  for (const ns of NAMESPACES) {
    it(`${ns}: every language has the English keys, with the same arguments`, () => {
      const source = catalog(SOURCE_LANGUAGE, ns);
      for (const language of LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE)) {
        const translated = catalog(language, ns);
        expect(Object.keys(translated).sort(), `${language}/${ns}.json keys`).toEqual(
          Object.keys(source).sort(),
        );
        for (const [key, english] of Object.entries(source)) {
          const message = translated[key];
          if (message === undefined) continue;
          const where = `${language}/${ns}.json "${key}"`;
          expect(message.trim(), `${where} is empty`).not.toBe('');
          const sourceAst = parse(english);
          let ast: MessageFormatElement[] = [];
          expect(() => (ast = parse(message)), `${where} is valid ICU`).not.toThrow();
          expect([...argumentsOf(ast)].sort(), `${where} arguments`).toEqual(
            [...argumentsOf(sourceAst)].sort(),
          );
          expect(Object.fromEntries(selectOptions(ast)), `${where} select options`).toEqual(
            Object.fromEntries(selectOptions(sourceAst)),
          );
        }
      }
    });
  }

  it('every key is used by the code, and every key the code builds exists', async () => {
    const dynamic = await dynamicKeys();
    const unused: string[] = [];
    const missing: string[] = [];
    for (const ns of NAMESPACES) {
      const keys = Object.keys(catalog(SOURCE_LANGUAGE, ns));
      for (const key of keys) {
        const full = `${ns}:${key}`;
        const literal = [`'${full}'`, `"${full}"`, `\`${full}\``].some((q) => code.includes(q));
        const built = [...dynamic].some(
          ([prefix, values]) => full.startsWith(prefix) && values.has(full.slice(prefix.length)),
        );
        if (!literal && !built) unused.push(full);
      }
      for (const [prefix, values] of dynamic) {
        if (!prefix.startsWith(`${ns}:`)) continue;
        for (const v of values) if (!keys.includes(prefix.slice(ns.length + 1) + v)) missing.push(prefix + v);
      }
    }
    expect(
      unused,
      'keys no code uses (remove them, or declare the keys built at run time in a *.keys.ts file)',
    ).toEqual([]);
    expect(missing, 'keys the code builds that the English catalog lacks').toEqual([]);
  });
});
