import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/**
 * Reads the server's source for every message an expected error can carry: the message
 * arguments (and default arguments) of `badInput`, `conflict`, `forbidden`, `unauthenticated`,
 * `notFound` (an entity name), `translateMessage`, `new AppError`, `new GraphQLError`, `enforce`/`enforceAll` (rate limits); the
 * string values of `…_MESSAGES`, `…_WARNING` and `WRONG_CREDENTIALS` constants, of functions
 * named `…Message`, and of `{ ok: false, reason: "…" }` decisions. Template literals become
 * keys with `{0}`, `{1}` … Arguments that are neither (a variable, a call) are listed as
 * `dynamic` so a test can insist each was looked at.
 */
export interface ErrorMessageSource {
  messages: Map<string, string>; // message → first file it was found in
  dynamic: string[]; // "file: expression"
}

const MESSAGE_ARGUMENT: Readonly<Record<string, number>> = {
  badInput: 1,
  conflict: 0,
  forbidden: 0,
  unauthenticated: 0,
  notFound: 0,
  enforce: 3,
  enforceAll: 3,
  translateMessage: 0,
  fail: 4, // module HTTP routes: fail(res, language, status, code, message)
};
const NEW_ARGUMENT: Readonly<Record<string, number>> = { AppError: 1, GraphQLError: 0 };
const MESSAGE_CONSTANT = /(_MESSAGES?|_WARNING|^WRONG_CREDENTIALS)$/;

function sourceFiles(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      // generated code, and the translator itself (it passes messages on).
      if (entry !== "generated" && entry !== "error-messages") sourceFiles(path, into);
    } else if (entry.endsWith(".ts") && !entry.endsWith(".test.ts")) into.push(path);
  }
  return into;
}

/** The literal texts an expression can evaluate to, or null when it is not made of literals. */
function literalTexts(node: ts.Expression): string[] | null {
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    node.templateSpans.forEach((span, i) => {
      text += `{${i}}${span.literal.text}`;
    });
    return [text];
  }
  if (ts.isConditionalExpression(node)) {
    const a = literalTexts(node.whenTrue);
    const b = literalTexts(node.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  return null;
}

export function readErrorMessages(srcDir: string): ErrorMessageSource {
  const messages = new Map<string, string>();
  const dynamic: string[] = [];
  for (const file of sourceFiles(srcDir)) {
    const name = relative(srcDir, file);
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const add = (texts: string[]) => {
      for (const t of texts) if (!messages.has(t)) messages.set(t, name);
    };
    const collect = (arg: ts.Expression | undefined) => {
      if (!arg) return;
      const texts = literalTexts(arg);
      if (texts) add(texts);
      else dynamic.push(`${name}: ${arg.getText(sf)}`);
    };
    const visit = (node: ts.Node, inMessageFunction: boolean): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const index = MESSAGE_ARGUMENT[node.expression.text];
        if (index !== undefined) collect(node.arguments[index]);
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const index = NEW_ARGUMENT[node.expression.text];
        if (index !== undefined) collect(node.arguments?.[index]);
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && MESSAGE_CONSTANT.test(node.name.text) && node.initializer) {
        const init = node.initializer;
        if (ts.isObjectLiteralExpression(init)) {
          for (const p of init.properties) if (ts.isPropertyAssignment(p)) add(literalTexts(p.initializer) ?? []);
        } else add(literalTexts(init) ?? []);
      }
      // `(message = "You must be logged in.") => …` in the helpers themselves.
      if (ts.isParameter(node) && node.initializer && ts.isVariableDeclaration(node.parent.parent)) {
        const owner = node.parent.parent.name;
        if (ts.isIdentifier(owner) && MESSAGE_ARGUMENT[owner.text] !== undefined) add(literalTexts(node.initializer) ?? []);
      }
      if (inMessageFunction && ts.isReturnStatement(node) && node.expression) add(literalTexts(node.expression) ?? []);
      if (ts.isObjectLiteralExpression(node)) {
        const props = node.properties.filter(ts.isPropertyAssignment);
        const isRefusal = props.some((p) => p.name.getText(sf) === "ok" && p.initializer.kind === ts.SyntaxKind.FalseKeyword);
        const reason = props.find((p) => p.name.getText(sf) === "reason");
        if (isRefusal && reason) collect(reason.initializer);
      }
      const opensMessageFunction =
        (ts.isFunctionDeclaration(node) && node.name !== undefined && /Message$/.test(node.name.text)) || inMessageFunction;
      ts.forEachChild(node, (child) => visit(child, opensMessageFunction));
    };
    visit(sf, false);
  }
  return { messages, dynamic };
}
