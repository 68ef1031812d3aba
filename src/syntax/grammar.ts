/**
 * The grammar of `grammar/rubric.ebnf` as a pure chevrotain `CstParser`: no embedded
 * actions, labelled operands, error recovery on, so one pass reports many errors.
 * Rule names match the EBNF's non-terminals (camelCased).
 * @module
 */
import { CstParser, type CstNode, type IToken } from "chevrotain";
import { messageProvider } from "./error-messages.js";
import { ALL_TOKENS, C, Identifier, K, NumberLiteral, P, StringLiteral } from "./lexer.js";


class RubricGrammar extends CstParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "full", errorMessageProvider: messageProvider });
    this.performSelfAnalysis();
  }

  // ---------------------------------------------------------------- rubric
  public rubric = this.RULE("rubric", () => {
    this.CONSUME(K.rubric);
    this.CONSUME(StringLiteral, { LABEL: "title" });
    this.CONSUME(P.lcurly);
    this.MANY(() => this.SUBRULE(this.rubricItem, { LABEL: "items" }));
    this.CONSUME(P.rcurly);
  });

  private rubricItem = this.RULE("rubricItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.metaStmt) },
      { ALT: () => this.SUBRULE(this.publishStmt) },
      { ALT: () => this.SUBRULE(this.indexStmt) },
      { ALT: () => this.SUBRULE(this.bonusMayExceed) },
      { ALT: () => this.SUBRULE(this.naStmt) },
      { ALT: () => this.SUBRULE(this.unitBlock) },
      { ALT: () => this.SUBRULE(this.node) },
      { ALT: () => this.SUBRULE(this.extra) },
      { ALT: () => this.SUBRULE(this.ranking) },
      { ALT: () => this.SUBRULE(this.bandsBlock) },
      { ALT: () => { this.CONSUME(P.semicolon); } },
    ]);
  });

  private metaStmt = this.RULE("metaStmt", () => {
    this.CONSUME(C.metaKey, { LABEL: "key" });
    this.CONSUME(StringLiteral, { LABEL: "value" });
  });

  private publishStmt = this.RULE("publishStmt", () => {
    this.CONSUME(K.publish);
    this.CONSUME(K.precision);
    this.CONSUME(NumberLiteral, { LABEL: "precision" });
    this.OPTION(() => {
      this.CONSUME(K.rounding);
      this.CONSUME(C.roundingMode, { LABEL: "mode" });
    });
  });

  private indexStmt = this.RULE("indexStmt", () => {
    this.CONSUME(K.index);
    this.CONSUME(P.equals);
    this.SUBRULE(this.expr, { LABEL: "formula" });
  });

  private bonusMayExceed = this.RULE("bonusMayExceed", () => {
    this.CONSUME(K.bonus);
    this.CONSUME(K.may);
    this.CONSUME(K.exceed);
    this.CONSUME(K.max);
  });

  private naStmt = this.RULE("naStmt", () => {
    this.CONSUME(K.not);
    this.CONSUME(K.applicable);
    this.CONSUME(P.colon);
    this.CONSUME(C.naPolicy, { LABEL: "policy" });
  });

  private unitBlock = this.RULE("unitBlock", () => {
    this.CONSUME(K.unit);
    this.CONSUME(P.lcurly);
    this.MANY(() => {
      this.SUBRULE(this.decl, { LABEL: "facts" });
      this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(P.comma) }, { ALT: () => this.CONSUME(P.semicolon) }]));
    });
    this.CONSUME(P.rcurly);
  });

  // ---------------------------------------------------------------- tree
  private node = this.RULE("node", () => {
    this.CONSUME(C.nodeKeyword, { LABEL: "keyword" });
    this.CONSUME(StringLiteral, { LABEL: "id" });
    this.CONSUME2(StringLiteral, { LABEL: "title" });
    this.CONSUME(K.max);
    this.CONSUME(NumberLiteral, { LABEL: "max" });
    // An exact fraction (`max 10/3`): PAPI's three sub-dimensions of a 10-point dimension.
    this.OPTION(() => { this.CONSUME(P.slash); this.CONSUME2(NumberLiteral, { LABEL: "maxOver" }); });
    this.MANY(() => this.SUBRULE(this.nodeOption, { LABEL: "options" }));
    this.CONSUME(P.lcurly);
    this.MANY2(() => this.SUBRULE(this.nodeStmt, { LABEL: "body" }));
    this.CONSUME(P.rcurly);
  });

  private nodeOption = this.RULE("nodeOption", () => {
    this.OR([
      { ALT: () => { this.CONSUME(K.weight); this.CONSUME(NumberLiteral, { LABEL: "weight" }); this.OPTION(() => { this.CONSUME(P.slash); this.CONSUME2(NumberLiteral, { LABEL: "weightOver" }); }); } },
      { ALT: () => { this.CONSUME(K.applies); this.CONSUME(K.when); this.SUBRULE(this.expr, { LABEL: "condition" }); } },
      { ALT: () => { this.CONSUME(K.from); this.CONSUME(K.survey); } },
    ]);
  });

  private extra = this.RULE("extra", () => {
    this.CONSUME(C.extraSign, { LABEL: "sign" });
    this.CONSUME(StringLiteral, { LABEL: "id" });
    this.CONSUME2(StringLiteral, { LABEL: "title" });
    this.CONSUME(K.max);
    this.CONSUME(NumberLiteral, { LABEL: "max" });
    this.OPTION(() => { this.CONSUME(P.slash); this.CONSUME2(NumberLiteral, { LABEL: "maxOver" }); });
    this.CONSUME(P.lcurly);
    this.MANY(() => this.SUBRULE(this.nodeStmt, { LABEL: "body" }));
    this.CONSUME(P.rcurly);
  });

  private nodeStmt = this.RULE("nodeStmt", () => {
    this.OR([
      { ALT: () => { this.CONSUME(K.description); this.CONSUME(StringLiteral, { LABEL: "description" }); } },
      {
        ALT: () => {
          this.CONSUME(K.evidence);
          this.AT_LEAST_ONE_SEP({ SEP: P.comma, DEF: () => this.CONSUME2(StringLiteral, { LABEL: "evidence" }) });
        },
      },
      { ALT: () => { this.CONSUME(K.aggregate); this.CONSUME(C.aggregation, { LABEL: "method" }); } },
      { ALT: () => { this.CONSUME(K.unclamped); } },
      { ALT: () => this.SUBRULE(this.naStmt) },
      { ALT: () => this.SUBRULE(this.inputStmt) },
      { ALT: () => this.SUBRULE(this.letStmt) },
      { ALT: () => this.SUBRULE(this.whenStmt) },
      { ALT: () => this.SUBRULE(this.scoreStmt) },
      { ALT: () => this.SUBRULE(this.node) },
      { ALT: () => { this.CONSUME(P.semicolon); } },
    ]);
  });

  private inputStmt = this.RULE("inputStmt", () => {
    this.CONSUME(K.input);
    this.AT_LEAST_ONE_SEP({ SEP: P.comma, DEF: () => this.SUBRULE(this.decl, { LABEL: "decls" }) });
  });

  private decl = this.RULE("decl", () => {
    this.CONSUME(Identifier, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "label" }));
    this.CONSUME(P.colon);
    this.SUBRULE(this.typeExpr, { LABEL: "type" });
  });

  private typeExpr = this.RULE("typeExpr", () => {
    this.OPTION(() => { this.CONSUME(K.list); this.CONSUME(K.of); });
    this.SUBRULE(this.scalarType, { LABEL: "scalar" });
  });

  private scalarType = this.RULE("scalarType", () => {
    this.OR([
      { ALT: () => { this.CONSUME(C.numericType, { LABEL: "numeric" }); this.OPTION(() => this.SUBRULE(this.typeRange, { LABEL: "range" })); } },
      {
        ALT: () => {
          this.CONSUME(K.likert);
          this.CONSUME(P.lparen);
          this.CONSUME(NumberLiteral, { LABEL: "low" });
          this.CONSUME(P.dotdot);
          this.CONSUME2(NumberLiteral, { LABEL: "high" });
          this.CONSUME(P.rparen);
        },
      },
      { ALT: () => { this.CONSUME(C.simpleType, { LABEL: "simple" }); } },
      {
        ALT: () => {
          this.CONSUME(K.enum);
          this.CONSUME2(P.lparen);
          this.AT_LEAST_ONE_SEP({ SEP: P.comma, DEF: () => this.CONSUME(Identifier, { LABEL: "members" }) });
          this.CONSUME2(P.rparen);
        },
      },
    ]);
  });

  private typeRange = this.RULE("typeRange", () => {
    this.CONSUME(K.in);
    this.SUBRULE(this.signedNumber, { LABEL: "low" });
    this.CONSUME(P.dotdot);
    this.SUBRULE2(this.signedNumber, { LABEL: "high" });
  });

  private signedNumber = this.RULE("signedNumber", () => {
    this.OPTION(() => this.CONSUME(P.minus, { LABEL: "minus" }));
    this.CONSUME(C.rangeValue, { LABEL: "value" });
  });

  private letStmt = this.RULE("letStmt", () => {
    this.CONSUME(K.let);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(P.equals);
    this.SUBRULE(this.expr, { LABEL: "value" });
  });

  private whenStmt = this.RULE("whenStmt", () => {
    this.CONSUME(K.when);
    this.SUBRULE(this.expr, { LABEL: "condition" });
    this.CONSUME(P.colon);
    this.CONSUME(C.naPolicy, { LABEL: "policy" });
  });

  private scoreStmt = this.RULE("scoreStmt", () => {
    this.CONSUME(K.score);
    this.CONSUME(P.equals);
    this.OR([
      { ALT: () => { this.CONSUME(K.given); this.OPTION(() => { this.CONSUME(K.step); this.CONSUME(NumberLiteral, { LABEL: "step" }); }); } },
      { ALT: () => this.SUBRULE(this.expr, { LABEL: "rule" }) },
    ]);
  });

  // ---------------------------------------------------------------- ranking and bands
  private ranking = this.RULE("ranking", () => {
    this.CONSUME(K.ranking);
    this.CONSUME(P.lcurly);
    this.MANY(() => this.SUBRULE(this.rankingStmt, { LABEL: "statements" }));
    this.CONSUME(P.rcurly);
  });

  private rankingStmt = this.RULE("rankingStmt", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.by);
          this.SUBRULE(this.sortKey, { LABEL: "keys" });
          this.MANY(() => { this.CONSUME(P.comma); this.CONSUME(K.then); this.SUBRULE2(this.sortKey, { LABEL: "keys" }); });
        },
      },
      { ALT: () => { this.CONSUME(K.ties); this.CONSUME(C.tiePolicy, { LABEL: "ties" }); } },
      { ALT: () => { this.CONSUME(K.on); this.CONSUME(C.rankFigure, { LABEL: "figure" }); } },
      { ALT: () => { this.CONSUME(K.within); this.CONSUME(K.group); } },
      { ALT: () => { this.CONSUME(K.eligible); this.CONSUME(K.when); this.SUBRULE(this.expr, { LABEL: "eligible" }); this.CONSUME(StringLiteral, { LABEL: "reason" }); } },
      { ALT: () => { this.CONSUME(P.semicolon); } },
    ]);
  });

  private sortKey = this.RULE("sortKey", () => {
    this.OR([
      { ALT: () => { this.CONSUME(C.figure, { LABEL: "figure" }); } },
      { ALT: () => { this.CONSUME(C.nodeKeyword, { LABEL: "keyword" }); this.CONSUME(StringLiteral, { LABEL: "id" }); } },
    ]);
    this.OPTION(() => this.CONSUME(C.direction, { LABEL: "direction" }));
  });

  private bandsBlock = this.RULE("bandsBlock", () => {
    this.CONSUME(K.bands);
    // `in group "so"`: bands of one unit group; `by percentile inc`: the percentile method.
    this.OPTION(() => { this.CONSUME(K.in); this.CONSUME(K.group); this.CONSUME(StringLiteral, { LABEL: "group" }); });
    this.OPTION2(() => { this.CONSUME(K.by); this.CONSUME(Identifier, { LABEL: "percentileWord" }); this.CONSUME2(Identifier, { LABEL: "method" }); });
    this.CONSUME(P.lcurly);
    this.MANY(() => this.SUBRULE(this.band, { LABEL: "bands" }));
    this.CONSUME(P.rcurly);
  });

  private band = this.RULE("band", () => {
    this.CONSUME(StringLiteral, { LABEL: "label" });
    this.OR([
      { ALT: () => { this.CONSUME(K.when); this.SUBRULE(this.expr, { LABEL: "condition" }); } },
      { ALT: () => { this.CONSUME(K.otherwise); } },
      // `from percentile 75` (index ≥ P75) and `above percentile 75` (index > P75).
      { ALT: () => { this.CONSUME(K.from); this.CONSUME2(Identifier, { LABEL: "percentileWord" }); this.CONSUME(NumberLiteral, { LABEL: "percentile" }); } },
      { ALT: () => { this.CONSUME3(Identifier, { LABEL: "above" }); this.CONSUME4(Identifier, { LABEL: "percentileWord" }); this.CONSUME2(NumberLiteral, { LABEL: "percentile" }); } },
    ]);
    this.OPTION(() => this.CONSUME(P.semicolon));
  });

  // ---------------------------------------------------------------- expressions
  public expr = this.RULE("expr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.if);
          this.SUBRULE(this.expr, { LABEL: "condition" });
          this.CONSUME(K.then);
          this.SUBRULE2(this.expr, { LABEL: "then" });
          this.CONSUME(K.else);
          this.SUBRULE3(this.expr, { LABEL: "otherwise" });
        },
      },
      { ALT: () => this.SUBRULE(this.orExpr, { LABEL: "body" }) },
    ]);
  });

  private orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr, { LABEL: "operands" });
    this.MANY(() => { this.CONSUME(K.or, { LABEL: "ops" }); this.SUBRULE2(this.andExpr, { LABEL: "operands" }); });
  });

  private andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr, { LABEL: "operands" });
    this.MANY(() => { this.CONSUME(K.and, { LABEL: "ops" }); this.SUBRULE2(this.notExpr, { LABEL: "operands" }); });
  });

  private notExpr = this.RULE("notExpr", () => {
    this.OR([
      { ALT: () => { this.CONSUME(K.not, { LABEL: "not" }); this.SUBRULE(this.notExpr, { LABEL: "operand" }); } },
      { ALT: () => this.SUBRULE(this.comparison, { LABEL: "comparison" }) },
    ]);
  });

  private comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive, { LABEL: "operands" });
    this.OPTION(() => { this.CONSUME(C.compareOp, { LABEL: "ops" }); this.SUBRULE2(this.additive, { LABEL: "operands" }); });
  });

  private additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative, { LABEL: "operands" });
    this.MANY(() => { this.CONSUME(C.addOp, { LABEL: "ops" }); this.SUBRULE2(this.multiplicative, { LABEL: "operands" }); });
  });

  private multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary, { LABEL: "operands" });
    this.MANY(() => { this.CONSUME(C.mulOp, { LABEL: "ops" }); this.SUBRULE2(this.unary, { LABEL: "operands" }); });
  });

  private unary = this.RULE("unary", () => {
    this.OR([
      { ALT: () => { this.CONSUME(P.minus, { LABEL: "minus" }); this.SUBRULE(this.unary, { LABEL: "operand" }); } },
      { ALT: () => this.SUBRULE(this.primary, { LABEL: "primary" }) },
    ]);
  });

  private primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => { this.CONSUME(C.literal, { LABEL: "literal" }); } },
      { ALT: () => { this.CONSUME(P.lparen); this.SUBRULE(this.expr, { LABEL: "inner" }); this.CONSUME(P.rparen); } },
      { ALT: () => this.SUBRULE(this.bandsExpr, { LABEL: "bands" }) },
      { ALT: () => this.SUBRULE(this.matchExpr, { LABEL: "match" }) },
      { ALT: () => { this.CONSUME(C.functionName, { LABEL: "callee" }); this.SUBRULE(this.args, { LABEL: "args" }); } },
      // `max` alone is the node's maximum; `max(…)` is the function.
      { ALT: () => { this.CONSUME(K.max, { LABEL: "max" }); this.OPTION(() => this.SUBRULE2(this.args, { LABEL: "args" })); } },
      { ALT: () => { this.CONSUME2(C.figure, { LABEL: "figure" }); } },
      { ALT: () => { this.CONSUME(K.unit); this.CONSUME(P.dot); this.CONSUME(Identifier, { LABEL: "fact" }); } },
      { ALT: () => this.SUBRULE(this.cohortCall, { LABEL: "cohort" }) },
      { ALT: () => { this.CONSUME2(Identifier, { LABEL: "name" }); } },
    ]);
  });

  // `cohort.max(x)`: `max`, `min` and `mean` are keywords, the other statistics names.
  private cohortCall = this.RULE("cohortCall", () => {
    this.CONSUME(K.cohort);
    this.CONSUME2(P.dot);
    this.OR([
      { ALT: () => this.CONSUME2(K.max, { LABEL: "stat" }) },
      { ALT: () => this.CONSUME2(K.min, { LABEL: "stat" }) },
      { ALT: () => this.CONSUME2(K.mean, { LABEL: "stat" }) },
      { ALT: () => this.CONSUME3(Identifier, { LABEL: "stat" }) },
    ]);
    this.SUBRULE(this.args, { LABEL: "args" });
  });

  private args = this.RULE("args", () => {
    this.CONSUME(P.lparen);
    this.MANY_SEP({ SEP: P.comma, DEF: () => this.SUBRULE(this.expr, { LABEL: "args" }) });
    this.CONSUME(P.rparen);
  });

  private bandsExpr = this.RULE("bandsExpr", () => {
    this.CONSUME(K.bands);
    this.SUBRULE(this.additive, { LABEL: "subject" });
    this.CONSUME(P.lcurly);
    this.MANY(() => {
      this.SUBRULE(this.bandArm, { LABEL: "arms" });
      this.OPTION(() => this.CONSUME(P.semicolon));
    });
    this.OPTION2(() => {
      this.CONSUME(K.else);
      this.CONSUME(P.colon);
      this.SUBRULE(this.expr, { LABEL: "otherwise" });
      this.OPTION3(() => this.CONSUME2(P.semicolon));
    });
    this.CONSUME(P.rcurly);
  });

  // `match answer { A: 100%, B: 60%; 4, 5: 1; else: 0 }`: arms separated by `,` or `;` (optional).
  private matchExpr = this.RULE("matchExpr", () => {
    this.CONSUME(K.match);
    this.SUBRULE(this.additive, { LABEL: "subject" });
    this.CONSUME(P.lcurly);
    this.MANY(() => {
      this.SUBRULE(this.matchArm, { LABEL: "arms" });
      this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(P.comma) }, { ALT: () => this.CONSUME(P.semicolon) }]));
    });
    this.OPTION2(() => {
      this.CONSUME(K.else);
      this.CONSUME(P.colon);
      this.SUBRULE(this.expr, { LABEL: "otherwise" });
      this.OPTION3(() => this.OR2([{ ALT: () => this.CONSUME2(P.comma) }, { ALT: () => this.CONSUME2(P.semicolon) }]));
    });
    this.CONSUME(P.rcurly);
  });

  private matchArm = this.RULE("matchArm", () => {
    this.AT_LEAST_ONE_SEP({
      SEP: P.comma,
      DEF: () => this.OR([
        { ALT: () => this.CONSUME(Identifier, { LABEL: "keys" }) },
        { ALT: () => this.CONSUME(NumberLiteral, { LABEL: "keys" }) },
      ]),
    });
    this.CONSUME(P.colon);
    this.SUBRULE(this.expr, { LABEL: "value" });
  });

  private bandArm = this.RULE("bandArm", () => {
    this.CONSUME(C.compareOp, { LABEL: "op" });
    this.SUBRULE(this.additive, { LABEL: "threshold" });
    this.CONSUME(P.colon);
    this.SUBRULE(this.expr, { LABEL: "value" });
  });
}

/** Most parser errors collected from one source; then parsing stops (garbage would give one per token). */
export const MAX_PARSE_ERRORS = 100;

/** Thrown from inside the parser when {@link MAX_PARSE_ERRORS} is reached, to stop at once. */
class TooManyErrors extends Error {}

/** The one parser instance, reused for every source (chevrotain's recommended use). */
export const rubricGrammar = new RubricGrammar();

// chevrotain collects errors through SAVE_ERROR (not in its public types); wrap it to
// stop after MAX_PARSE_ERRORS rather than spend time and memory on a file of garbage.
const host = rubricGrammar as unknown as { SAVE_ERROR: (error: Error) => Error };
const saveError = host.SAVE_ERROR.bind(rubricGrammar);
let saved = 0;
host.SAVE_ERROR = (error: Error): Error => {
  const result = saveError(error);
  if (++saved >= MAX_PARSE_ERRORS) throw new TooManyErrors();
  return result;
};

/**
 * Parses tokens into a concrete syntax tree. Errors (with recovery) are left on
 * `rubricGrammar.errors`; the tree is undefined when parsing stopped at
 * {@link MAX_PARSE_ERRORS}.
 * @param tokens - the lexer's tokens
 */
export function parseTokens(tokens: IToken[]): CstNode | undefined {
  saved = 0;
  rubricGrammar.input = tokens;
  try {
    return rubricGrammar.rubric();
  } catch (error) {
    if (error instanceof TooManyErrors) return undefined;
    throw error;
  }
}
