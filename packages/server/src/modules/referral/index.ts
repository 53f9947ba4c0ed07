import type { FeatureModule } from "../../kernel/module.js";
import { referralRoute } from "./referral.http.js";
import { referralPersonalData } from "./referral.personal-data.js";
import { ReferralService } from "./referral.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    referrals: ReferralService;
  }
}

/** Referrals to the independent anti-discrimination service: a counter per district and month, nothing else. */
export const referralModule: FeatureModule = {
  name: "referral",
  typeDefs: [],
  personalData: referralPersonalData,
  services: ({ db }) => ({ referrals: new ReferralService({ db }) }),
  routes: ({ referrals }) => [referralRoute({ referrals })],
};
