/**
 * `pnpm bench`'s contact-import script: 50,000 generated rows (a Dutch Excel CSV:
 * Windows-1252, `sep=;`, Voornaam/Tussenvoegsel/Achternaam, phone numbers in mixed
 * notations, a quoted cell with a line break every 100 rows, a bad row every 1,000)
 * uploaded to POST /import/contacts and run over GraphQL, on a server instance this
 * process starts against the bench database (so the RSS it samples is the server's,
 * plus this small client).
 *
 * Baseline, same bytes, same process, measured first: a plain csv-parse pass (decode +
 * parse, nothing else). Reported: rows per second of the import (upload + real run) and
 * of the baseline, their ratio, and the peak RSS during each. Target: peak RSS during
 * the import below 300 MB (the issue's limit). Rows per second is reported, not judged.
 *
 *   BENCH_IMPORT_ROWS=5000 pnpm bench    (fewer rows for a quick look; BENCH_ONLY=contact-import)
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { createLogger } from "../src/platform/logger.js";
import { printScriptReport, readScriptEnv } from "./script-contract.js";

const env = readScriptEnv();
const ROWS = Number(process.env["BENCH_IMPORT_ROWS"] ?? 50_000);
const RSS_LIMIT_MB = 300;
/** BENCH_IMPORT_DRY=1: a dry run instead of the real run (no writes), to see what the writing costs. */
const DRY = process.env["BENCH_IMPORT_DRY"] === "1";
const SAMPLE_MS = 25;
const log = (msg: string) => process.stderr.write(`[contact-import] ${msg}\n`);

const FIRST = ["Henriëtte", "Zoë", "Jan", "Fatima", "Désirée", "Mohammed", "Sanne", "Björn", "Aïcha", "Pieter"];
const PREFIX = ["", "van", "de", "van der", "", "", "ter", "", "van den", ""];
const LAST = ["Müller", "Jansen", "de Vries", "Bakker", "El Amrani", "Visser", "Smit", "Öztürk", "Meijer", "Bos"];
const DISTRICTS = ["Overvecht", "Noordoost", "Zuid", "West", "Leidsche Rijn"];
const bench = Date.now().toString(36);

function phone(i: number): string {
  const n = String(i).padStart(7, "0");
  const notations = [`06-1${n}`, `0031 6 1${n.slice(0, 3)} ${n.slice(3)}`, `+31 (0)6 1${n}`, `+3161${n}`];
  return notations[i % notations.length]!;
}

function generate(rows: number): Buffer {
  const lines = ["sep=;", "Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Mobiel;Wijk;Organisatie;Functie;Postcode;Opmerkingen"];
  for (let i = 0; i < rows; i++) {
    const email = i % 1000 === 999 ? "geen-adres" : `bench.${bench}.${i}@voorbeeld.nl`;
    const notes = i % 100 === 0 ? `"Komt op dinsdag;\r\nbelt vooraf"` : "";
    lines.push(
      [
        FIRST[i % 10],
        PREFIX[(i >> 1) % 10],
        `${LAST[(i >> 2) % 10]} ${i}`,
        email,
        phone(i),
        DISTRICTS[i % DISTRICTS.length],
        i % 3 === 0 ? "Buurthuis De Brug" : "",
        i % 3 === 0 ? "vrijwilliger" : "",
        `35${String(i % 100).padStart(2, "0")} AB`,
        notes,
      ].join(";"),
    );
  }
  return iconv.encode(lines.join("\r\n"), "windows-1252");
}

/** Samples this process's RSS until stopped; returns the peak in MB. */
function sampleRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / (1024 * 1024);
  };
}

const bytes = generate(ROWS);
log(`${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB (Windows-1252)`);

const config = loadConfig({
  NODE_ENV: "production",
  // The bench's operation is not one of the web app's: the allowlist would refuse it.
  TRUSTED_DOCUMENTS: "off",
  INSTANCE_ID: "bench-import",
  PORT: "0",
  HOST: "127.0.0.1",
  DATABASE_URL: env.BENCH_DATABASE_URL,
  REDIS_URL: env.BENCH_REDIS_URL,
  LOG_LEVEL: "warn",
  SEED_DEMO: "never",
  SWEEP_INTERVAL_MS: "0",
  ESCALATION_SWEEP_INTERVAL_MS: "600000",
  RETENTION_SWEEP_INTERVAL_MS: "0",
  DATA_DIR: process.env["BENCH_DATA_DIR"] ?? `/tmp/wijknet-bench-import-${bench}`,
});
const app = await startApp(config, createLogger(config));
const mb = (n: number) => n / (1024 * 1024);
const memory = (label: string) => {
  const m = process.memoryUsage();
  log(
    `${label}: rss ${mb(m.rss).toFixed(0)} MB, heap used ${mb(m.heapUsed).toFixed(0)} MB, external ${mb(m.external).toFixed(0)} MB, array buffers ${mb(m.arrayBuffers).toFixed(0)} MB`,
  );
  return m;
};
global.gc?.();
const idle = memory("idle server");
let errors = 0;
try {
  // ── baseline: decode + csv-parse over the same bytes ──
  global.gc?.();
  let stop = sampleRss();
  let t0 = performance.now();
  let parsed = 0;
  const parser = parse({ delimiter: ";", from_line: 2, relax_column_count: true, relax_quotes: true, bom: true });
  Readable.from([iconv.decode(bytes, "windows-1252")]).pipe(parser);
  for await (const _record of parser) parsed++;
  const baselineS = (performance.now() - t0) / 1000;
  const baselinePeakMb = stop();
  const baselineRowsPerS = (parsed - 1) / baselineS;
  log(`baseline csv-parse: ${parsed - 1} rows in ${baselineS.toFixed(2)} s, peak RSS ${baselinePeakMb.toFixed(0)} MB`);

  // ── the real endpoint: upload, then the real run over GraphQL ──
  global.gc?.();
  stop = sampleRss();
  t0 = performance.now();
  const res = await fetch(`${app.url}/import/contacts?filename=bench.csv`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", authorization: `Bearer ${env.BENCH_TOKEN}` },
    body: bytes,
  });
  const uploaded = (await res.json()) as { importId?: string; rowCount?: number };
  if (res.status !== 201 || !uploaded.importId) throw new Error(`upload answered ${res.status}: ${JSON.stringify(uploaded)}`);
  const uploadS = (performance.now() - t0) / 1000;
  const run = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${env.BENCH_TOKEN}` },
    body: JSON.stringify({
      query: `mutation BenchImport($id: ID!, $dry: Boolean!) { runContactImport(input: { importId: $id, dryRun: $dry }) { rowCount created unchanged errorCount } }`,
      variables: { id: uploaded.importId, dry: DRY },
    }),
  });
  const body = (await run.json()) as {
    data?: { runContactImport: { rowCount: number; created: number; unchanged: number; errorCount: number } };
    errors?: unknown;
  };
  const importS = (performance.now() - t0) / 1000;
  const peakMb = stop();
  memory("after the import");
  if (global.gc) {
    global.gc();
    memory("after the import, collected");
  }
  if (!body.data) throw new Error(`run failed: ${JSON.stringify(body.errors)}`);
  const report = body.data.runContactImport;
  const expectedErrors = Math.floor(ROWS / 1000);
  if (report.rowCount !== ROWS || report.created + report.unchanged + report.errorCount !== ROWS || report.errorCount !== expectedErrors) {
    errors++;
    log(`unexpected report ${JSON.stringify(report)}`);
  }
  const rowsPerS = ROWS / importS;
  log(
    `import: upload ${uploadS.toFixed(1)} s, total ${importS.toFixed(1)} s, ${rowsPerS.toFixed(0)} rows/s, peak RSS ${peakMb.toFixed(0)} MB, ${JSON.stringify(report)}`,
  );
  printScriptReport({
    ok: errors === 0,
    errors,
    metrics: {
      rows: ROWS,
      fileMB: bytes.length / 1024 / 1024,
      importRowsPerS: rowsPerS,
      uploadS,
      importS,
      baselineRowsPerS,
      rowsPerSRatio: rowsPerS / baselineRowsPerS,
      peakRssMB: peakMb,
      baselinePeakRssMB: baselinePeakMb,
      peakRssRatio: peakMb / baselinePeakMb,
      idleRssMB: mb(idle.rss),
      importRssGrowthMB: peakMb - mb(idle.rss),
    },
    targets: [
      { name: `peak RSS during a ${ROWS}-row import < ${RSS_LIMIT_MB} MB`, met: peakMb < RSS_LIMIT_MB, value: peakMb, limit: RSS_LIMIT_MB },
    ],
    notes: [`created ${report.created}, unchanged ${report.unchanged}, row errors ${report.errorCount} (expected ${expectedErrors})`],
  });
} finally {
  await app.stop();
}
