// `pnpm db:seed`: loads the demo data into the database DATABASE_URL names.
import { loadConfig } from "../platform/config.js";
import { createDatabase } from "../platform/db/prisma.js";
import { seedDemoIfEmpty } from "./demo.js";

const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error("DATABASE_URL is not set. The embedded database seeds itself on first start (pnpm start).");
  process.exit(2);
}
const db = createDatabase({ url: config.DATABASE_URL, poolMax: 2 });
try {
  const seeded = await seedDemoIfEmpty(db.prisma, (msg) => console.log(msg));
  console.log(seeded ? "Demo data loaded." : "The database already holds a municipality; nothing seeded.");
} finally {
  await db.close();
}
