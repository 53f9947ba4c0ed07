#!/usr/bin/env node
// Architecture import rules for packages/server/src (ARCHITECTURE.md). Run by `pnpm lint`; exits 1 on a violation.
// Biome's noRestrictedImports matches import specifiers as written, not the folder they resolve to
// ("../x.js" means a different place in core/ and in modules/a/), so these rules resolve paths here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const IMPORT_RE = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Top-level area of a path relative to src ("core", "modules", "app.ts", …) and, under modules/, the module name. */
function locate(rel) {
  const parts = rel.split("/");
  return { area: parts[0], module: parts[0] === "modules" && parts.length > 2 ? parts[1] : null };
}

const isRepository = (rel) => /^modules\/[^/]+\/.*\.repository(\.[jt]s)?$/.test(rel);

export const RULES = [
  {
    name: "core-imports-core",
    text: "core/ imports only core/ and generated/",
    broken: (from, to) => from.area === "core" && !["core", "generated"].includes(to.area),
  },
  {
    name: "platform-imports-below",
    text: "platform/ imports only core/, platform/ and generated/",
    broken: (from, to) => from.area === "platform" && !["core", "platform", "generated"].includes(to.area),
  },
  {
    name: "kernel-no-features",
    text: "kernel/ imports nothing from modules/ or graphql/",
    broken: (from, to) => from.area === "kernel" && ["modules", "graphql"].includes(to.area),
  },
  {
    name: "modules-no-transport",
    text: "modules/ import nothing from graphql/, http/ or app.ts (subscriptions use kernel/live.ts)",
    broken: (from, to) => from.area === "modules" && ["graphql", "http", "app.ts", "main.ts"].includes(to.area),
  },
  {
    name: "repository-outside-modules",
    text: "only a module's own files import its repository (nothing outside modules/)",
    broken: (from, _to, toRel) => from.area !== "modules" && isRepository(toRel),
  },
  {
    name: "repository-other-module",
    text: "a module never imports another module's *.repository file",
    broken: (from, to, toRel) => from.area === "modules" && isRepository(toRel) && from.module !== to.module,
  },
];

/** Imports of one file's text: [{ specifier, line }]. Line comments are skipped. */
export function importsOf(text) {
  const found = [];
  const code = text.replace(/^\s*\/\/.*$/gm, (m) => " ".repeat(m.length));
  for (const m of code.matchAll(IMPORT_RE)) {
    const specifier = m[1] ?? m[2];
    const line = code.slice(0, m.index).split("\n").length;
    found.push({ specifier, line });
  }
  return found;
}

/**
 * Checks files given as { rel, text } with `rel` relative to src ("modules/a/a.service.ts").
 * Returns violations: { file, line, specifier, rule, text }.
 */
export function check(files) {
  const violations = [];
  for (const { rel, text } of files) {
    const from = locate(rel);
    for (const { specifier, line } of importsOf(text)) {
      if (!specifier.startsWith(".")) continue; // npm packages and node: builtins are always allowed
      const toRel = path.posix.normalize(path.posix.join(path.posix.dirname(rel), specifier));
      if (toRel.startsWith("..")) continue; // outside src: not this script's business
      const to = locate(toRel);
      for (const rule of RULES) {
        if (rule.broken(from, to, toRel)) violations.push({ file: rel, line, specifier, rule: rule.name, text: rule.text });
      }
    }
  }
  return violations;
}

function listTs(dir, root, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" || dir !== root) listTs(full, root, out);
    } else if (/\.tsx?$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../packages/server/src");
  const files = listTs(src, src).map((full) => ({
    rel: path.relative(src, full).split(path.sep).join("/"),
    text: readFileSync(full, "utf8"),
  }));
  const violations = check(files);
  for (const v of violations) {
    console.error(`packages/server/src/${v.file}:${v.line}: imports "${v.specifier}" [${v.rule}] ${v.text}`);
  }
  if (violations.length > 0) {
    console.error(`\n${violations.length} architecture violation(s) in ${files.length} files.`);
    process.exit(1);
  }
  console.log(`Architecture import rules: ${files.length} files in packages/server/src, no violations.`);
}
