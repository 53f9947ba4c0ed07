import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createComplaintLoaders } from "./complaint.loaders.js";
import { complaintPersonalData } from "./complaint.personal-data.js";
import { complaintResolvers } from "./complaint.resolvers.js";
import { ComplaintService } from "./complaint.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    complaints: ComplaintService;
  }
  interface LoaderRegistry extends ReturnType<typeof createComplaintLoaders> {}
}

/**
 * Complaints about the municipality's (or police's) own conduct: apart from signals,
 * handled by complaints handlers outside the organisation concerned (Awb chapter 9).
 */
export const complaintModule: FeatureModule = {
  name: "complaint",
  typeDefs: sdlOf(import.meta.url),
  resolvers: complaintResolvers,
  loaders: createComplaintLoaders,
  personalData: complaintPersonalData,
  services: ({ db }, { audit }) => ({ complaints: new ComplaintService({ db, audit }) }),
};
