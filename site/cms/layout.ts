// The framework tree flattened into what the score table draws, in framework order: a heading
// for every domain and criterion, a row for every leaf (survey leaves shown, not editable).
import { isLeaf, type FrameworkIndex, type FrameworkLeaf, type FrameworkNode } from '../../scripts/core/model.js';

export type LayoutRow =
  | { kind: 'heading'; code: string; title: string; max: number; depth: number; domain: string }
  | { kind: 'leaf'; leaf: FrameworkLeaf; depth: number; domain: string };

export interface Layout {
  rows: LayoutRow[];
  domains: { code: string; title: string; max: number }[];
  /** Codes of the leaves the unit scores, in order. */
  selfCodes: string[];
}

export function tableLayout(fw: FrameworkIndex): Layout {
  const rows: LayoutRow[] = [];
  const visit = (node: FrameworkNode, depth: number, domain: string) => {
    if (isLeaf(node)) {
      rows.push({ kind: 'leaf', leaf: node, depth, domain });
      return;
    }
    rows.push({ kind: 'heading', code: node.code, title: node.title, max: node.max, depth, domain });
    for (const child of node.children) visit(child, depth + 1, domain);
  };
  for (const d of fw.framework.children) visit(d, 0, d.code);
  return {
    rows,
    domains: fw.framework.children.map((d) => ({ code: d.code, title: d.title, max: d.max })),
    selfCodes: fw.selfLeaves.map((l) => l.code),
  };
}

/** The DOM id of a criterion's row or heading, for links from findings. */
export function rowId(code: string): string {
  return `pi-row-${code.replace(/[^0-9a-zA-Z]/g, '-')}`;
}
