// Maps a JSON path inside a parsed file to a line and column. Uses the `yaml` package's CST,
// which is slow, so the engine calls it once per file that has findings and never otherwise.
import { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar, type Node as YamlNode } from 'yaml';
import type { JsonPath } from '../findings.js';

export interface Locator {
  locate(path: JsonPath, atKey?: boolean): { line: number; column: number };
}

export function createLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(body, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  const at = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  return {
    locate(path, atKey = false) {
      let node: unknown = doc.contents;
      let keyOffset: number | undefined;
      let lastOffset = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
      for (let i = 0; i < path.length; i++) {
        const step = path[i]!;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) &&
            String(p.key.value).normalize('NFC') === String(step));
          if (!pair) break;
          keyOffset = (pair.key as YamlNode).range?.[0];
          node = pair.value;
          lastOffset = (node as YamlNode | null)?.range?.[0] ?? keyOffset ?? lastOffset;
          if (atKey && i === path.length - 1) return at(keyOffset);
        } else if (isSeq(node) && typeof step === 'number') {
          const item = node.items[step];
          if (!item) break;
          node = item;
          lastOffset = (item as YamlNode).range?.[0] ?? lastOffset;
          keyOffset = undefined;
        } else break;
      }
      return at(lastOffset);
    },
  };
}
