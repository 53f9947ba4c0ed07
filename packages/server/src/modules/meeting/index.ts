import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createMeetingLoaders } from "./meeting.loaders.js";
import { meetingPersonalData } from "./meeting.personal-data.js";
import { meetingResolvers } from "./meeting.resolvers.js";
import { MeetingService } from "./meeting.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    meetings: MeetingService;
  }
  interface LoaderRegistry extends ReturnType<typeof createMeetingLoaders> {}
}

/** Network meetings as a learning network: agenda, minutes, action points, what we learned. */
export const meetingModule: FeatureModule = {
  name: "meeting",
  typeDefs: sdlOf(import.meta.url),
  resolvers: meetingResolvers,
  loaders: createMeetingLoaders,
  personalData: meetingPersonalData,
  services: ({ db }, { audit }) => ({ meetings: new MeetingService({ db, audit }) }),
};
