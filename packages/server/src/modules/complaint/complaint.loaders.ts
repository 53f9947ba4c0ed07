import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { ComplaintUpdate } from "../../generated/prisma/client.js";
import { groupBy } from "../../core/loader-utils.js";
import { complaintRepository as repo } from "./complaint.repository.js";

export function createComplaintLoaders(db: Db) {
  return {
    complaintTimeline: new DataLoader<string, ComplaintUpdate[]>(async (ids) =>
      groupBy(ids, await repo.findUpdatesByComplaintIds(db, ids), (u) => u.complaintId),
    ),
  };
}
