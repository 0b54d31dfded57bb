// Flattens a framework and its scored trees into table rows (unit page, print view): the
// scoring engine's NodeResult trees mirror the framework's order, so they are walked together.
import { isLeaf, type FrameworkIndex, type FrameworkNode, type Item } from '../../scripts/core/model.js';
import type { NodeResult } from '../../scripts/core/score/index.js';

export interface TreeRow {
  code: string;
  title: string;
  depth: number;
  node: FrameworkNode;
  leaf: boolean;
  /** The score of this node in each tree given, same order as the trees passed in. */
  results: (NodeResult | undefined)[];
  item?: Item;
}

export function treeRows(fw: FrameworkIndex, trees: (NodeResult | undefined)[], items: Item[] = []): TreeRow[] {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const rows: TreeRow[] = [];
  const visit = (nodes: FrameworkNode[], results: (NodeResult[] | undefined)[], depth: number) => {
    nodes.forEach((node, i) => {
      const here = results.map((r) => r?.[i]);
      const leaf = isLeaf(node);
      const item = leaf ? byCode.get(node.code) : undefined;
      rows.push({ code: node.code, title: node.title, depth, node, leaf, results: here, ...(item ? { item } : {}) });
      if (!leaf) visit(node.children, here.map((r) => r?.children), depth + 1);
    });
  };
  visit(fw.framework.children, trees.map((t) => t?.children), 0);
  return rows;
}
