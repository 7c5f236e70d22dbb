// What to call an unsupported construct, and what to write instead.
import { ts } from "../program/typescript.cjs";

const SK = ts.SyntaxKind;

const statements = new Map<ts.SyntaxKind, [string, string]>([
  [SK.ForStatement, ["A 'for' loop", "Loops are not in the first language slice; process one field at a time."]],
  [SK.ForOfStatement, ["A 'for...of' loop", "Loops are not in the first language slice; process one field at a time."]],
  [SK.ForInStatement, ["A 'for...in' loop", "Loops are not in the first language slice; process one field at a time."]],
  [SK.WhileStatement, ["A 'while' loop", "Loops are not in the first language slice."]],
  [SK.DoStatement, ["A 'do...while' loop", "Loops are not in the first language slice."]],
  [SK.SwitchStatement, ["A 'switch' statement", "Use an `if` / `else if` chain."]],
  [SK.LabeledStatement, ["A labeled statement", "Restructure the code without labels."]],
  [SK.ClassDeclaration, ["A class", "Use plain functions and keep state in ctx.state."]],
  [SK.WithStatement, ["'with'", "Refer to the object explicitly."]],
  [SK.EnumDeclaration, ["An enum", "Use a union of string literals: `type Level = \"info\" | \"warn\"`."]],
  [SK.ModuleDeclaration, ["A namespace", "Declare everything at the top level of the plugin file."]],
  [SK.ImportDeclaration, ["An import inside a function", "Import at the top of the file."]],
]);

const expressions = new Map<ts.SyntaxKind, [string, string]>([
  [SK.ObjectLiteralExpression, ["An object literal here", "Write `{ key: value }` with plain keys."]],
  [SK.ArrowFunction, ["An arrow function here", "Declare a top-level function and call it."]],
  [SK.FunctionExpression, ["A function expression here", "Declare a top-level function and call it."]],
  [SK.NewExpression, ["'new'", "Classes and constructors are outside the subset."]],
  [SK.ClassExpression, ["A class expression", "Use plain functions and keep state in ctx.state."]],
  [SK.SpreadElement, ["Spread", "Copy the fields one by one."]],
  [SK.AwaitExpression, ["'await'", "Outputs do I/O through ctx.http and ctx.tcp, which look synchronous."]],
  [SK.YieldExpression, ["'yield'", "Return an array of records instead."]],
  [SK.TaggedTemplateExpression, ["A tagged template", "Use a plain template literal."]],
  [SK.VoidExpression, ["'void'", "Use `undefined` or leave the expression out."]],
  [SK.CommaToken, ["The comma operator", "Write each expression as its own statement."]],
  [SK.MetaProperty, ["'import.meta' / 'new.target'", "Plugins have no module metadata."]],
  [SK.SuperKeyword, ["'super'", "Classes are outside the subset."]],
  [SK.ImportKeyword, ["Dynamic import", "Import statically from 'flbc' at the top of the file."]],
]);

export function statementHint(kind: ts.SyntaxKind): [string, string] {
  return statements.get(kind) ?? [`'${SK[kind]}'`, "Rewrite it with if/else, assignments and function calls."];
}

export function expressionHint(kind: ts.SyntaxKind): [string, string] {
  return expressions.get(kind) ?? [`'${SK[kind]}'`, "Rewrite it with the supported expressions (see docs/language.md)."];
}
