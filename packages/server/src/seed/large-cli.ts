// `pnpm --filter @wijknet/server seed:large [--contacts N]`: the demo seed (if the database is
// empty) plus the large data set (large.ts) into the database DATABASE_URL names.
import { parseArgs } from "node:util";
import { loadConfig } from "../platform/config.js";
import { createDatabase } from "../platform/db/prisma.js";
import { seedDemoIfEmpty } from "./demo.js";
import { seedLarge } from "./large.js";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "100000" } } });
const contacts = Number(values.contacts);
if (!Number.isInteger(contacts) || contacts < 100 || contacts > 2_000_000) {
  console.error("--contacts must be a whole number between 100 and 2,000,000.");
  process.exit(2);
}
const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error("DATABASE_URL is not set. The large seed needs a real PostgreSQL (the embedded database is for trying the app).");
  process.exit(2);
}
const db = createDatabase({ url: config.DATABASE_URL, poolMax: 2 });
try {
  if (await seedDemoIfEmpty(db.prisma, (msg) => console.log(msg))) console.log("Demo data loaded.");
} finally {
  await db.close();
}
const summary = await seedLarge(config.DATABASE_URL, { contacts, log: (msg) => console.log(msg) });
console.log(`Large data set loaded: ${JSON.stringify(summary)}`);
