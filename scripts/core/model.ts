// The typed model: file types generated from the schemas, plus indexes the rules, scoring, the
// CMS and the site all need (a framework's leaves in order, nodes by code).
import type {
  UnitFile, AccessFile, AppraisalFile, SurveyFile, FrameworkFile, FrameworkBranch, FrameworkLeaf, CampaignFile, SelfAssessmentFile, Item, Evidence,
} from './generated/types.js';
import type { JsonPath } from './findings.js';

export type Unit = UnitFile;
export type Access = AccessFile;
export type Appraisal = AppraisalFile;
export type Survey = SurveyFile;
export type Framework = FrameworkFile;
export type Campaign = CampaignFile;
export type SelfAssessment = SelfAssessmentFile;
export type FrameworkNode = FrameworkBranch | FrameworkLeaf;
export type { FrameworkBranch, FrameworkLeaf, Item, Evidence };
export type Phase = Campaign['phases'][number];
export type PhaseKind = Phase['kind'];

export function isLeaf(node: FrameworkNode): node is FrameworkLeaf {
  return !('children' in node) || !Array.isArray((node as FrameworkBranch).children);
}

export interface NodeInfo {
  node: FrameworkNode;
  /** Where the node sits in the framework file, for positions of framework findings. */
  path: JsonPath;
  parent?: string;
  /** Code of the top-level domain (lĩnh vực) this node belongs to. */
  domain: string;
  depth: number;
}

export interface FrameworkIndex {
  framework: Framework;
  /** Every node by code (first occurrence wins when codes repeat; the framework rules flag it). */
  byCode: Map<string, NodeInfo>;
  /** All leaves, depth-first in framework order. */
  leaves: FrameworkLeaf[];
  /** Leaves the unit scores itself, in the order a self-assessment must list them. */
  selfLeaves: FrameworkLeaf[];
}

export function indexFramework(framework: Framework): FrameworkIndex {
  const byCode = new Map<string, NodeInfo>();
  const leaves: FrameworkLeaf[] = [];
  const visit = (nodes: FrameworkNode[], path: JsonPath, parent: string | undefined, domain: string | undefined, depth: number) => {
    nodes.forEach((node, i) => {
      const here = [...path, 'children', i];
      const dom = domain ?? node.code;
      if (!byCode.has(node.code)) byCode.set(node.code, { node, path: here, parent, domain: dom, depth });
      if (isLeaf(node)) leaves.push(node);
      else visit(node.children, here, node.code, dom, depth + 1);
    });
  };
  visit(framework.children, [], undefined, undefined, 0);
  return { framework, byCode, leaves, selfLeaves: leaves.filter((l) => l.method === 'self') };
}

export function unitIsActive(unit: Unit, year: number): boolean {
  const from = unit.activeFrom;
  const to = unit.activeTo ?? null;
  // Active for a year when its effective period overlaps the year at all.
  return from <= `${year}-12-31` && (to === null || to >= `${year}-01-01`);
}
