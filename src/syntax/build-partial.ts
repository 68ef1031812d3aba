/**
 * CST → AST after syntax errors: the parts that parsed, so the checker can still
 * report their semantic problems in the same run. A leaf or bonus/penalty block with
 * a statement that did not parse is left out whole (its names and rule are unknown);
 * an inner node that lost a statement or a child is kept but marked damaged, so the
 * checks of its structure (maxima, leaf or inner) are not made on a guess.
 * @module
 */
import type { CstElement, CstNode } from "chevrotain";
import type { CriterionNode, ExtraNode, NodeOption, NodeKeyword, NodeStatement, Range, RubricFile, RubricStatement } from "./ast.js";
import { buildDecl, buildNodeStmt, buildOption, buildRubricItem, exactText, headerRange, numberText, stringLit } from "./build-rubric.js";
import { childOf, childrenOf, isToken, nodeRange, requiredToken, tokenOf } from "./cst-util.js";

/** What the partial AST lacks, for the checker to stay silent about. */
export interface Damage {
  /** Inner nodes that lost a statement or a child node. */
  readonly damaged: ReadonlySet<CriterionNode>;
  /** True when a node or bonus/penalty block was left out (ids may be missing). */
  readonly droppedNodes: boolean;
  /** True when a unit fact did not parse (facts may be missing). */
  readonly unitDamaged: boolean;
}

/** True when error recovery inserted a token somewhere in the subtree (its image is a guess). */
function hasInserted(root: CstNode): boolean {
  const stack: CstElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (isToken(element)) {
      if (element.isInsertedInRecovery === true) return true;
    } else for (const children of Object.values(element.children)) stack.push(...children);
  }
  return false;
}

class Builder {
  readonly damaged = new Set<CriterionNode>();
  droppedNodes = false;
  unitDamaged = false;

  /** @param bad - offsets of tokens a parser error was at or skipped, ascending */
  constructor(private readonly bad: readonly number[]) {}

  /** True when the range holds a token a parser error was at or skipped. */
  touched(range: Range): boolean {
    let lo = 0;
    let hi = this.bad.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bad[mid]! < range.start.offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.bad.length && this.bad[lo]! < range.end.offset;
  }

  /** Builds `f()` when `cst` is clean; undefined when it was touched or does not build. */
  clean<T>(cst: CstNode, f: () => T): T | undefined {
    if (cst.recoveredNode === true || this.touched(nodeRange(cst)) || hasInserted(cst)) return undefined;
    try {
      return f();
    } catch {
      return undefined; // a part the recovery left incomplete
    }
  }

  item(item: CstNode): RubricStatement[] {
    const node = childOf(item, "node");
    if (node !== undefined) return this.node(node) ?? [];
    const extra = childOf(item, "extra");
    if (extra !== undefined) return this.extra(extra) ?? [];
    const unit = childOf(item, "unitBlock");
    if (unit !== undefined && (unit.recoveredNode === true || this.touched(nodeRange(unit)))) return [this.unit(unit)];
    const built = this.clean(item, () => buildRubricItem(item));
    if (built === undefined && childOf(item, "ranking") !== undefined) this.droppedNodes = true; // its keys go unchecked
    return built ?? [];
  }

  unit(cst: CstNode): RubricStatement {
    this.unitDamaged = true;
    const facts = childrenOf(cst, "facts").flatMap((f) => this.clean(f, () => [buildDecl(f)]) ?? []);
    return { kind: "UnitBlock", facts, range: nodeRange(cst) };
  }

  header(cst: CstNode): { id: CriterionNode["id"]; title: CriterionNode["title"]; max: CriterionNode["max"]; range: Range; headerRange: Range } | undefined {
    try {
      const range = nodeRange(cst);
      const tokens = [requiredToken(cst, "id"), requiredToken(cst, "title"), requiredToken(cst, "max")];
      if (tokens.some((t) => t.isInsertedInRecovery === true)) return undefined; // the recovery's guess, not the author's
      const [id, title, max] = [stringLit(tokens[0]!), stringLit(tokens[1]!), exactText(tokens[2]!, tokenOf(cst, "maxOver"))];
      return { id, title, max, range, headerRange: tokenOf(cst, "LCurly") === undefined ? range : headerRange(cst) };
    } catch {
      return undefined;
    }
  }

  /** The body: statements that built, and whether one of the node's own was lost. */
  body(cst: CstNode): { body: NodeStatement[]; lostOwn: boolean; lostChild: boolean } {
    const body: NodeStatement[] = [];
    let lostOwn = false;
    let lostChild = false;
    for (const st of childrenOf(cst, "body")) {
      const child = childOf(st, "node");
      if (child !== undefined) {
        const built = this.node(child);
        if (built === undefined) lostChild = true;
        else body.push(...built);
        continue;
      }
      const built = this.clean(st, () => buildNodeStmt(st));
      if (built === undefined) lostOwn = true;
      else body.push(...built);
    }
    return { body, lostOwn, lostChild };
  }

  node(cst: CstNode): [CriterionNode] | undefined {
    const header = this.header(cst);
    const keyword = tokenOf(cst, "keyword");
    if (header === undefined || keyword === undefined) return this.drop();
    const options: NodeOption[] = [];
    let lostOwn = false;
    for (const o of childrenOf(cst, "options")) {
      const built = this.clean(o, () => buildOption(o));
      if (built === undefined) lostOwn = true;
      else options.push(built);
    }
    const { body, lostOwn: lostStatement, lostChild } = this.body(cst);
    const children = body.some((st) => st.kind === "Node");
    // An error between statements (an unclosed rule, a stray token) also loses part of the node.
    const strayError = this.touched(header.range) && !body.some((st) => this.touched(st.range)) && !lostChild;
    if ((lostOwn || lostStatement || strayError) && !children) return this.drop();
    const node: CriterionNode = { kind: "Node", keyword: keyword.image as NodeKeyword, ...header, options, body };
    if (lostOwn || lostStatement || lostChild || strayError) this.damaged.add(node);
    return [node];
  }

  extra(cst: CstNode): [ExtraNode] | undefined {
    const header = this.header(cst);
    const sign = tokenOf(cst, "sign");
    if (header === undefined || sign === undefined) return this.drop();
    const { body, lostOwn, lostChild } = this.body(cst);
    if (lostOwn || lostChild || this.touched(header.range)) return this.drop();
    return [{ kind: "Extra", sign: sign.image as "bonus" | "penalty", ...header, body }];
  }

  drop(): undefined {
    this.droppedNodes = true;
    return undefined;
  }
}

/**
 * Builds the AST of what parsed, or undefined when not even the rubric's title did.
 * @param cst - the CST root, as error recovery left it
 * @param bad - source offsets of tokens a parser error was at or skipped
 */
export function buildPartialRubric(cst: CstNode, bad: readonly number[]): { ast: RubricFile; damage: Damage } | undefined {
  const title = tokenOf(cst, "title");
  if (title === undefined) return undefined;
  const builder = new Builder([...bad].sort((a, b) => a - b));
  const body = childrenOf(cst, "items").flatMap((item) => builder.item(item));
  const ast: RubricFile = { kind: "Rubric", title: stringLit(title), body, range: nodeRange(cst) };
  return { ast, damage: { damaged: builder.damaged, droppedNodes: builder.droppedNodes, unitDamaged: builder.unitDamaged } };
}
