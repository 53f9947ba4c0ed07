/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { Complaint, ComplaintUpdate } from "../../generated/prisma/client.js";
import type { ComplaintReceipt } from "./complaint.service.js";

export type ComplaintMapper = Complaint;
export type ComplaintUpdateMapper = ComplaintUpdate;
export type ComplaintReceiptMapper = ComplaintReceipt;
