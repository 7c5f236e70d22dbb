// Stage 2: the subset. Walks the plugin's AST and rejects every construct
// flbc does not compile, each with a diagnostic and a hint, so that
// nothing unsupported reaches lowering. Type-only syntax (annotations,
// interfaces, aliases) is erased and needs no checking beyond `any`.
import { ts } from "../program/typescript.cjs";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedProgram } from "../program/loadProgram.js";
import { statementHint, expressionHint } from "./hints.js";

const SK = ts.SyntaxKind;

/** Expressions whose syntax is supported (their operands are checked too). */
const supportedExpressions = new Set<ts.SyntaxKind>([
  SK.Identifier,
  SK.NumericLiteral,
  SK.BigIntLiteral,
  SK.StringLiteral,
  SK.NoSubstitutionTemplateLiteral,
  SK.TemplateExpression,
  SK.TrueKeyword,
  SK.FalseKeyword,
  SK.NullKeyword,
  SK.PropertyAccessExpression,
  SK.ElementAccessExpression,
  SK.CallExpression,
  SK.BinaryExpression,
  SK.PrefixUnaryExpression,
  SK.PostfixUnaryExpression,
  SK.ConditionalExpression,
  SK.ParenthesizedExpression,
  SK.TypeOfExpression,
  SK.DeleteExpression,
  SK.RegularExpressionLiteral,
  SK.ArrayLiteralExpression,
]);

const supportedBinary = new Set<ts.SyntaxKind>([
  SK.PlusToken,
  SK.MinusToken,
  SK.AsteriskToken,
  SK.SlashToken,
  SK.PercentToken,
  SK.LessThanToken,
  SK.LessThanEqualsToken,
  SK.GreaterThanToken,
  SK.GreaterThanEqualsToken,
  SK.EqualsEqualsEqualsToken,
  SK.ExclamationEqualsEqualsToken,
  SK.AmpersandAmpersandToken,
  SK.BarBarToken,
  SK.QuestionQuestionToken,
  SK.EqualsToken,
  SK.PlusEqualsToken,
  SK.MinusEqualsToken,
  SK.AsteriskEqualsToken,
  SK.SlashEqualsToken,
  SK.InKeyword,
  SK.PercentEqualsToken,
  SK.AsteriskAsteriskToken,
  SK.AsteriskAsteriskEqualsToken,
  SK.AmpersandToken,
  SK.BarToken,
  SK.CaretToken,
  SK.LessThanLessThanToken,
  SK.GreaterThanGreaterThanToken,
  SK.GreaterThanGreaterThanGreaterThanToken,
  SK.AmpersandEqualsToken,
  SK.BarEqualsToken,
  SK.CaretEqualsToken,
  SK.LessThanLessThanEqualsToken,
  SK.GreaterThanGreaterThanEqualsToken,
  SK.GreaterThanGreaterThanGreaterThanEqualsToken,
]);

export function checkProgram(loaded: LoadedProgram, sink: DiagnosticSink): void {
  const checker = new SubsetChecker(loaded, sink);
  checker.checkFile(loaded.entry);
}

class SubsetChecker {
  constructor(
    private readonly loaded: LoadedProgram,
    private readonly sink: DiagnosticSink,
  ) {}

  checkFile(sf: ts.SourceFile): void {
    for (const stmt of sf.statements) {
      this.checkTopLevel(stmt);
    }
  }

  private checkTopLevel(stmt: ts.Statement): void {
    if (ts.isImportDeclaration(stmt)) {
      const spec = stmt.moduleSpecifier;
      if (!ts.isStringLiteral(spec) || spec.text !== "flbc") {
        this.sink.report("ImportNotSupported", spec, ts.isStringLiteral(spec) ? spec.text : spec.getText());
      }
      return;
    }
    if (ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || ts.isEmptyStatement(stmt)) {
      this.checkTypes(stmt);
      return;
    }
    if (ts.isFunctionDeclaration(stmt)) {
      this.checkFunction(stmt, "function declarations");
      return;
    }
    if (ts.isVariableStatement(stmt)) {
      this.checkTopLevelVariables(stmt);
      return;
    }
    if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) {
      this.checkExpression(stmt.expression);
      return;
    }
    if (ts.isClassDeclaration(stmt) || ts.isEnumDeclaration(stmt) || ts.isModuleDeclaration(stmt)) {
      const [what, hint] = statementHint(stmt.kind);
      this.sink.report("UnsupportedStatement", stmt, what, hint);
      return;
    }
    this.sink.report("TopLevelStatement", stmt);
  }

  private checkTopLevelVariables(stmt: ts.VariableStatement): void {
    const list = stmt.declarationList;
    if ((list.flags & ts.NodeFlags.Const) === 0) {
      this.sink.report((list.flags & ts.NodeFlags.Let) !== 0 ? "MutableGlobal" : "VarDeclaration", list);
      return;
    }
    for (const decl of list.declarations) {
      this.checkTypes(decl.type);
      const init = decl.initializer;
      if (!ts.isIdentifier(decl.name) || init === undefined || !isLiteral(init)) {
        this.sink.report("TopLevelConst", decl);
      }
    }
  }

  /** A function body: a user function, or a plugin callback. */
  checkFunction(fn: ts.SignatureDeclaration, what: string): void {
    const mods = ts.canHaveModifiers(fn) ? ts.getModifiers(fn) ?? [] : [];
    if (mods.some((m) => m.kind === SK.AsyncKeyword)) {
      this.sink.report("UnsupportedFunction", fn, "async functions", "Outputs do I/O through ctx.http and ctx.tcp, which look synchronous.");
      return;
    }
    if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.asteriskToken) {
      this.sink.report("UnsupportedFunction", fn, "Generators", "Return an array of records instead.");
      return;
    }
    if (ts.isFunctionDeclaration(fn) && fn.name === undefined) {
      this.sink.report("UnsupportedFunction", fn, "Anonymous " + what, "Give the function a name.");
      return;
    }
    for (const p of fn.parameters) {
      // A rest parameter collects a call's arguments: callbacks are called by the runtime, not by calls.
      const rest = p.dotDotDotToken !== undefined && what === "callbacks";
      if (!ts.isIdentifier(p.name) || rest || (p.initializer !== undefined && !isLiteral(p.initializer))) {
        this.sink.report("UnsupportedFunction", p, "Destructured parameters, rest parameters of callbacks, and defaults that are not literals,", "Use plain named parameters; a default must be a literal.");
      }
      this.checkTypes(p.type);
    }
    this.checkTypes(fn.type);
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (body === undefined) return;
    if (ts.isBlock(body)) {
      this.checkBlock(body);
    } else {
      this.checkExpression(body);
    }
  }

  private checkBlock(block: ts.Block): void {
    for (const s of block.statements) this.checkStatement(s);
  }

  private checkStatement(s: ts.Statement): void {
    switch (s.kind) {
      case SK.Block:
        this.checkBlock(s as ts.Block);
        return;
      case SK.EmptyStatement:
        return;
      case SK.ExpressionStatement:
        this.checkExpression((s as ts.ExpressionStatement).expression);
        return;
      case SK.IfStatement: {
        const i = s as ts.IfStatement;
        this.checkExpression(i.expression);
        this.checkStatement(i.thenStatement);
        if (i.elseStatement) this.checkStatement(i.elseStatement);
        return;
      }
      case SK.ReturnStatement: {
        const r = s as ts.ReturnStatement;
        if (r.expression) this.checkExpression(r.expression);
        return;
      }
      case SK.VariableStatement: {
        const list = (s as ts.VariableStatement).declarationList;
        if ((list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) {
          this.sink.report("VarDeclaration", list);
          return;
        }
        for (const d of list.declarations) {
          if (!ts.isIdentifier(d.name)) {
            this.checkBindingPattern(d.name);
          }
          this.checkTypes(d.type);
          const init = d.initializer === undefined ? undefined : skipParens(d.initializer);
          if (init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(d.name)) {
            // A local function: inlined where it is called.
            this.checkFunction(init, "local functions");
          } else if (init !== undefined) {
            this.checkExpression(init);
          }
        }
        return;
      }
      case SK.InterfaceDeclaration:
      case SK.TypeAliasDeclaration:
        this.checkTypes(s);
        return;
      case SK.WhileStatement:
      case SK.DoStatement:
      case SK.SwitchStatement:
      case SK.LabeledStatement:
      case SK.BreakStatement:
      case SK.ContinueStatement:
      case SK.CaseBlock:
        this.checkChildren(s);
        return;
      case SK.ForStatement: {
        const f = s as ts.ForStatement;
        if (f.initializer && ts.isVariableDeclarationList(f.initializer) && (f.initializer.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) {
          this.sink.report("VarDeclaration", f.initializer);
          return;
        }
        this.checkChildren(s);
        return;
      }
      case SK.ThrowStatement:
        this.checkExpression((s as ts.ThrowStatement).expression);
        return;
      case SK.FunctionDeclaration:
        // A local function: inlined where it is called.
        this.checkFunction(s as ts.FunctionDeclaration, "local functions");
        return;
      case SK.TryStatement: {
        const t = s as ts.TryStatement;
        this.checkBlock(t.tryBlock);
        const v = t.catchClause?.variableDeclaration;
        if (v !== undefined && !ts.isIdentifier(v.name)) {
          this.sink.report("UnsupportedStatement", v, "A destructured catch binding", "Write `catch (e)` and read its fields.");
        }
        if (t.catchClause) this.checkBlock(t.catchClause.block);
        if (t.finallyBlock) this.checkBlock(t.finallyBlock);
        return;
      }
      case SK.ForOfStatement:
      case SK.ForInStatement: {
        const f = s as ts.ForOfStatement | ts.ForInStatement;
        if (ts.isVariableDeclarationList(f.initializer) && f.initializer.declarations[0] !== undefined && !ts.isIdentifier(f.initializer.declarations[0].name)) {
          this.checkBindingPattern(f.initializer.declarations[0].name);
        }
        if (!ts.isVariableDeclarationList(f.initializer) || (f.initializer.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) {
          this.sink.report("UnsupportedStatement", f.initializer, "This loop variable", "Declare it in the loop: `for (const x of xs)`.");
          return;
        }
        if (ts.isForOfStatement(f) && f.awaitModifier) {
          this.sink.report("UnsupportedStatement", f, "'for await'", "Outputs do I/O through ctx.http and ctx.tcp, which look synchronous.");
          return;
        }
        this.checkExpression(f.expression);
        this.checkStatement(f.statement);
        return;
      }
      default: {
        const [what, hint] = statementHint(s.kind);
        this.sink.report("UnsupportedStatement", s, what, hint);
      }
    }
  }

  /** `{ a, b: c = 1 }` / `[x, y]`: plain names with optional defaults, one level. */
  private checkBindingPattern(p: ts.BindingName): void {
    if (ts.isIdentifier(p)) return;
    for (const el of p.elements) {
      if (ts.isOmittedExpression(el)) continue;
      if (!ts.isIdentifier(el.name) || (el.propertyName !== undefined && ts.isComputedPropertyName(el.propertyName))) {
        this.sink.report("UnsupportedStatement", el, "This destructuring pattern", "Use plain names, `const { a, b = 1, ...rest } = obj;` or `const [x, y, ...rest] = xs;`.");
        continue;
      }
      if (el.initializer) this.checkExpression(el.initializer);
    }
  }

  /** Statements and expressions under a supported statement. */
  private checkChildren(n: ts.Node): void {
    ts.forEachChild(n, (child) => {
      if (ts.isVariableDeclarationList(child)) {
        for (const d of child.declarations) {
          this.checkTypes(d.type);
          if (d.initializer) this.checkExpression(d.initializer);
        }
      } else if (ts.isCaseClause(child) || ts.isDefaultClause(child)) {
        if (ts.isCaseClause(child)) this.checkExpression(child.expression);
        for (const st of child.statements) this.checkStatement(st);
      } else if (ts.isCaseBlock(child)) {
        this.checkChildren(child);
      } else if (ts.isStatement(child)) {
        this.checkStatement(child);
      } else if (ts.isExpression(child) && !ts.isIdentifier(child)) {
        this.checkExpression(child);
      }
    });
  }

  checkExpression(e: ts.Expression): void {
    if (this.checkAnyType(e)) return;
    switch (e.kind) {
      case SK.ThisKeyword:
        this.sink.report("ThisKeyword", e);
        return;
      case SK.AsExpression: {
        const a = e as ts.AsExpression;
        if (ts.isTypeReferenceNode(a.type) && a.type.typeName.getText() === "const") {
          this.checkExpression(a.expression);
          return;
        }
        this.sink.report("TypeAssertion", e);
        return;
      }
      case SK.TypeAssertionExpression:
      case SK.SatisfiesExpression:
        this.sink.report("TypeAssertion", e);
        return;
      case SK.NonNullExpression:
        this.sink.report("NonNullAssertion", e);
        return;
      case SK.ObjectLiteralExpression:
      case SK.ArrowFunction:
      case SK.FunctionExpression:
        if (this.isPluginDefinitionPart(e)) {
          this.checkDefinitionPart(e);
          return;
        }
        if (ts.isObjectLiteralExpression(e)) {
          this.checkObjectLiteral(e);
          return;
        }
        if (isInlineCallback(e)) {
          this.checkFunction(e as ts.ArrowFunction, "callbacks");
          return;
        }
        break;
      case SK.NewExpression: {
        const n = e as ts.NewExpression;
        if (ts.isIdentifier(n.expression) && (n.expression.text === "Map" || n.expression.text === "Set")) {
          for (const a of n.arguments ?? []) this.checkExpression(a);
          return;
        }
        if (ts.isIdentifier(n.expression) && n.expression.text === "Error") {
          for (const a of n.arguments ?? []) this.checkExpression(a);
          return;
        }
        if (ts.isIdentifier(n.expression) && n.expression.text === "RegExp") {
          // Its arguments must be literals: the plugin stage says so if not.
          return;
        }
        break;
      }
      case SK.ArrayLiteralExpression:
        for (const el of (e as ts.ArrayLiteralExpression).elements) {
          if (ts.isOmittedExpression(el)) {
            this.sink.report("UnsupportedExpression", el, "Holes in array literals", "Write `undefined` where the hole is.");
          } else if (ts.isSpreadElement(el)) {
            this.checkExpression(el.expression);
          } else {
            this.checkExpression(el);
          }
        }
        return;
    }
    if (!supportedExpressions.has(e.kind)) {
      const [what, hint] = expressionHint(e.kind);
      this.sink.report("UnsupportedExpression", e, what, hint);
      return;
    }
    if (ts.isBinaryExpression(e)) {
      this.checkBinary(e);
    } else if (ts.isDeleteExpression(e) && !this.isRecordAccess(e.expression)) {
      this.sink.report("DeleteNotRecord", e);
      return;
    } else if (ts.isCallExpression(e)) {
      this.checkCall(e);
      return;
    }
    ts.forEachChild(e, (child) => {
      if (ts.isExpression(child) && !ts.isIdentifier(child)) this.checkExpression(child);
      else if (ts.isTemplateSpan(child)) this.checkExpression(child.expression);
    });
  }

  private checkObjectLiteral(o: ts.ObjectLiteralExpression): void {
    for (const p of o.properties) {
      if (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name)) {
        this.checkExpression(p.initializer);
      } else if (ts.isSpreadAssignment(p)) {
        this.checkExpression(p.expression);
      } else if (!ts.isShorthandPropertyAssignment(p)) {
        this.sink.report("UnsupportedExpression", p, "This kind of object member", "Write `key: value`.");
      }
    }
  }

  private checkBinary(e: ts.BinaryExpression): void {
    const op = e.operatorToken.kind;
    if (op === SK.EqualsEqualsToken || op === SK.ExclamationEqualsToken) {
      const text = op === SK.EqualsEqualsToken ? "==" : "!=";
      this.sink.report("LooseEquality", e.operatorToken, text, text + "=");
      return;
    }
    if (op === SK.InstanceOfKeyword) {
      if (!ts.isIdentifier(e.right) || e.right.text !== "Error") {
        this.sink.report("UnsupportedOperator", e.operatorToken, "instanceof", "Only `e instanceof Error` is supported; narrow other values with typeof or Array.isArray.");
      }
      return;
    }
    if (op === SK.InKeyword && !this.isRecordType(e.right)) {
      this.sink.report("InNotRecord", e);
      return;
    }
    if (!supportedBinary.has(op)) {
      const text = ts.tokenToString(op) ?? "?";
      this.sink.report("UnsupportedOperator", e.operatorToken, text, operatorHint(text));
    }
  }

  private checkCall(call: ts.CallExpression): void {
    const callee = call.expression;
    if (callee.kind === SK.ImportKeyword) {
      const [what, hint] = expressionHint(SK.ImportKeyword);
      this.sink.report("UnsupportedExpression", call, what, hint);
      return;
    }
    const decl = this.loaded.checker.getResolvedSignature(call)?.getDeclaration();
    const declFile = decl?.getSourceFile();
    const known =
      declFile !== undefined &&
      (declFile === this.loaded.entry || declFile === this.loaded.apiFile || declFile.fileName.endsWith("lib.flbc.d.ts"));
    const localFunction =
      decl !== undefined &&
      (((ts.isArrowFunction(decl) || ts.isFunctionExpression(decl)) && ts.isVariableDeclaration(decl.parent)) ||
        // A function parameter `fn: (x: number) => number`, called as `fn(x)`.
        (ts.isFunctionTypeNode(decl) && ts.isIdentifier(callee)));
    if (!known && isNetCall(callee)) {
      // ctx.http / ctx.tcp where the context has none: tsc's "property does
      // not exist" does not say that `net: true` is what is missing.
      this.sink.report("NetNotDeclared", callee, callee.getText());
      return;
    }
    if (!known || (declFile === this.loaded.entry && !ts.isFunctionDeclaration(decl!) && !localFunction)) {
      this.sink.report("UnsupportedCall", callee, `'${callee.getText()}'`);
      return;
    }
    if (!ts.isIdentifier(callee)) this.checkExpression(callee);
    // `sum(...xs)`: a spread goes into the plugin function's rest parameter.
    const params = decl !== undefined && declFile === this.loaded.entry ? decl.parameters : undefined;
    const restAt = params !== undefined && params.length > 0 && params[params.length - 1]!.dotDotDotToken !== undefined ? params.length - 1 : undefined;
    call.arguments.forEach((a, i) => {
      if (ts.isSpreadElement(a)) {
        if (restAt === undefined || i < restAt) {
          this.sink.report("UnsupportedExpression", a, "Spread arguments", "Pass each argument on its own (a spread may fill a rest parameter).");
          return;
        }
        this.checkExpression(a.expression);
        return;
      }
      this.checkExpression(a);
    });
  }

  /** The define*() argument and its callbacks: checked by shape here, by meaning in the plugin stage. */
  private isPluginDefinitionPart(e: ts.Expression): boolean {
    let node: ts.Node = e;
    while (node.parent && !ts.isSourceFile(node.parent)) {
      const parent: ts.Node = node.parent;
      if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
        return /^define(Filter|Output|Input)$/.test(parent.expression.getText()) && ts.isObjectLiteralExpression(node);
      }
      if (ts.isReturnStatement(parent) && ts.isObjectLiteralExpression(node)) {
        // The object that `init` returns becomes the state struct.
        const fn = ts.findAncestor(parent, ts.isFunctionLike);
        return fn !== undefined && this.isInitCallback(fn);
      }
      if (!ts.isObjectLiteralExpression(parent) && !ts.isPropertyAssignment(parent)) return false;
      node = parent;
    }
    return false;
  }

  private isInitCallback(fn: ts.Node): boolean {
    const owner = ts.isMethodDeclaration(fn) ? fn : fn.parent;
    return (
      owner !== undefined &&
      (ts.isMethodDeclaration(owner) || ts.isPropertyAssignment(owner)) &&
      owner.name.getText() === "init" &&
      owner.parent !== undefined &&
      ts.isObjectLiteralExpression(owner.parent) &&
      this.isPluginDefinitionPart(owner.parent)
    );
  }

  private checkDefinitionPart(e: ts.Expression): void {
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) {
      this.checkFunction(e, "callbacks");
      return;
    }
    if (!ts.isObjectLiteralExpression(e)) return;
    for (const p of e.properties) {
      if (ts.isMethodDeclaration(p)) {
        this.checkFunction(p, "callbacks");
      } else if (ts.isPropertyAssignment(p)) {
        this.checkExpression(p.initializer);
      } else if (ts.isShorthandPropertyAssignment(p)) {
        // `{ count }` in init's result: an identifier, nothing to check.
      } else {
        this.sink.report("UnsupportedExpression", p, "This kind of object member", "Write `key: value` or a method `key(...) { ... }`.");
      }
    }
  }

  private isRecordAccess(e: ts.Expression): boolean {
    const inner = skipParens(e);
    return (
      (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) && this.isRecordType(inner.expression)
    );
  }

  isRecordType(e: ts.Expression): boolean {
    const t = this.loaded.checker.getTypeAtLocation(e);
    const sym = t.getSymbol() ?? t.aliasSymbol;
    return sym !== undefined && sym.getName() === "LogRecord" && this.declaredInApi(sym);
  }

  private declaredInApi(sym: ts.Symbol): boolean {
    return (sym.getDeclarations() ?? []).some((d) => d.getSourceFile() === this.loaded.apiFile);
  }

  /** Reports `any` in an expression's type; true when reported. */
  private checkAnyType(e: ts.Expression): boolean {
    if (ts.isIdentifier(e) && e.parent && ts.isPropertyAccessExpression(e.parent) && e.parent.name === e) return false;
    const t = this.loaded.checker.getTypeAtLocation(e);
    // tsc's error type is an `any` too; tsc has already reported it.
    if ((t.flags & ts.TypeFlags.Any) !== 0 && (t as { intrinsicName?: string }).intrinsicName !== "error") {
      this.sink.report("AnyType", e);
      return true;
    }
    return false;
  }

  /** Type syntax is erased: only `any` is rejected. */
  private checkTypes(node: ts.Node | undefined): void {
    if (node === undefined) return;
    const visit = (n: ts.Node): void => {
      if (n.kind === SK.AnyKeyword) {
        this.sink.report("AnyType", n);
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
  }
}

function isLiteral(e: ts.Expression): boolean {
  const x = skipParens(e);
  if (ts.isPrefixUnaryExpression(x) && x.operator === SK.MinusToken) return ts.isNumericLiteral(x.operand) || ts.isBigIntLiteral(x.operand);
  return (
    ts.isNumericLiteral(x) ||
    ts.isBigIntLiteral(x) ||
    ts.isRegularExpressionLiteral(x) ||
    (ts.isNewExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === "RegExp") ||
    (ts.isNewExpression(x) && ts.isIdentifier(x.expression) && (x.expression.text === "Map" || x.expression.text === "Set") && (x.arguments ?? []).every(isLiteralData)) ||
    ts.isStringLiteral(x) ||
    ts.isNoSubstitutionTemplateLiteral(x) ||
    x.kind === SK.TrueKeyword ||
    x.kind === SK.FalseKeyword
  );
}

const inlineCallbackMethods = new Set(["map", "filter", "forEach", "some", "every", "find", "findIndex", "reduce", "sort"]);

/** `<x>.http.request` or `<x>.tcp.write`: a network output's calls. */
function isNetCall(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || !ts.isPropertyAccessExpression(callee.expression)) return false;
  const io = callee.expression.name.text;
  return (io === "http" && callee.name.text === "request") || (io === "tcp" && callee.name.text === "write");
}

/** A function written as the first argument of an array method that flbc inlines. */
function isInlineCallback(e: ts.Expression): boolean {
  const call = e.parent;
  if (call === undefined || !ts.isCallExpression(call)) return false;
  // apply((x) => x + 1, 2): an argument of a plugin function that takes a function.
  if (ts.isIdentifier(call.expression)) return call.arguments.includes(e);
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const method = call.expression.name.text;
  // s.replace(re, (m, g1) => ...): the replacer is the second argument.
  if ((method === "replace" || method === "replaceAll") && call.arguments[1] === e) return true;
  return call.arguments[0] === e && inlineCallbackMethods.has(method);
}

/** Literals, and arrays of them (a constant Set's members, a Map's entries). */
function isLiteralData(e: ts.Expression): boolean {
  const x = skipParens(e);
  return ts.isArrayLiteralExpression(x) ? x.elements.every(isLiteralData) : isLiteral(x);
}

export function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

function operatorHint(op: string): string {
  if (["&", "|", "^", "<<", ">>", ">>>", "&=", "|=", "^=", "<<=", ">>=", ">>>="].includes(op)) {
    return "Bitwise operators come with integer support in a later version.";
  }
  if (op === "**" || op === "**=") return "Multiply explicitly for small powers.";
  if (op === ",") return "Write each expression as its own statement.";
  if (op === "%=") return "Write `x = x % y`.";
  return "Rewrite the expression with the supported operators.";
}
