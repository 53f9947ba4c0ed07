// node --test scripts/check-architecture.test.mjs (run by `pnpm lint`)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { check, importsOf } from "./check-architecture.mjs";

const rules = (rel, text) => check([{ rel, text }]).map((v) => v.rule);

test("reads static, type-only, multi-line, re-export and dynamic imports with their line", () => {
  const text = [
    'import { a } from "./a.js";',
    'import type { B } from "../b.js";',
    "import {",
    "  c,",
    '} from "./c.js";',
    'export * from "./d.js";',
    '// import { e } from "./commented.js";',
    'const f = await import("./f.js");',
    'import "./side-effect.js";',
  ].join("\n");
  assert.deepEqual(importsOf(text), [
    { specifier: "./a.js", line: 1 },
    { specifier: "../b.js", line: 2 },
    { specifier: "./c.js", line: 3 },
    { specifier: "./d.js", line: 6 },
    { specifier: "./f.js", line: 8 },
    { specifier: "./side-effect.js", line: 9 },
  ]);
});

test("core/ imports only core/, generated/ and packages", () => {
  assert.deepEqual(
    rules("core/ids.ts", 'import { x } from "./errors.js";\nimport { z } from "zod";\nimport { P } from "../generated/prisma/client.js";'),
    [],
  );
  assert.deepEqual(rules("core/ids.ts", 'import { x } from "../platform/config.js";'), ["core-imports-core"]);
  assert.deepEqual(rules("core/ids.ts", 'import { x } from "../app.js";'), ["core-imports-core"]);
});

test("platform/ imports only core/, platform/ and generated/", () => {
  assert.deepEqual(
    rules("platform/db/db.ts", 'import "../../core/errors.js";\nimport "../config.js";\nimport "../../generated/prisma/client.js";'),
    [],
  );
  assert.deepEqual(rules("platform/db/db.ts", 'import "../../kernel/context.js";'), ["platform-imports-below"]);
  assert.deepEqual(rules("platform/config.ts", 'import "../modules/auth/token.js";'), ["platform-imports-below"]);
});

test("kernel/ imports nothing from modules/ or graphql/", () => {
  assert.deepEqual(rules("kernel/module.ts", 'import "../core/errors.js";\nimport "../platform/db/db.js";'), []);
  assert.deepEqual(rules("kernel/module.ts", 'import "../graphql/live.js";'), ["kernel-no-features"]);
  assert.deepEqual(rules("modules/signal/signal.resolvers.ts", 'import "../../graphql/live.js";'), ["modules-no-transport"]);
  assert.deepEqual(rules("modules/session/session.http.ts", 'import "../../http/server.js";'), ["modules-no-transport"]);
  assert.deepEqual(rules("kernel/module.ts", 'import "../modules/auth/auth.service.js";'), ["kernel-no-features"]);
});

test("a repository is imported only by its own module", () => {
  assert.deepEqual(rules("modules/contact/contact.service.ts", 'import "./contact.repository.js";\nimport "../auth/auth.service.js";'), []);
  assert.deepEqual(rules("modules/contact/contact.service.ts", 'import "../auth/auth.repository.js";'), ["repository-other-module"]);
  assert.deepEqual(rules("graphql/context.ts", 'import "../modules/auth/auth.repository.js";'), ["repository-outside-modules"]);
  assert.deepEqual(rules("app.ts", 'import "./modules/auth/auth.repository.js";'), ["repository-outside-modules"]);
});

test("the command exits 0 on the current tree", () => {
  const out = execFileSync(process.execPath, [new URL("./check-architecture.mjs", import.meta.url).pathname], { encoding: "utf8" });
  assert.match(out, /no violations/);
});
