import type { FeatureModule } from "../kernel/module.js";
import { accountModule } from "./account/index.js";
import { algorithmModule } from "./algorithm/index.js";
import { alertDeliveryModule } from "./alert-delivery/index.js";
import { auditModule } from "./audit/index.js";
import { authModule } from "./auth/index.js";
import { complaintModule } from "./complaint/index.js";
import { contactModule } from "./contact/index.js";
import { districtModule } from "./district/index.js";
import { networkModule } from "./network/index.js";
import { notificationModule } from "./notification/index.js";
import { organisationModule } from "./organisation/index.js";
import { partnerModule } from "./partner/index.js";
import { retentionModule } from "./retention/index.js";
import { sessionModule } from "./session/index.js";
import { erasureModule } from "./erasure/index.js";
import { guardFeedbackModule } from "./guard-feedback/index.js";
import { signalModule } from "./signal/index.js";
import { ssoModule } from "./sso/index.js";
import { monitoringModule } from "./monitoring/index.js";
import { questionnaireModule } from "./questionnaire/index.js";
import { referralModule } from "./referral/index.js";
import { meetingModule } from "./meeting/index.js";

/**
 * The one list of features. Order is build order: a feature's services may use the
 * services of the features above it (composeServices fails at boot otherwise).
 */
export const modules: readonly FeatureModule[] = [
  auditModule,
  authModule,
  districtModule,
  organisationModule,
  partnerModule,
  contactModule,
  networkModule,
  notificationModule,
  accountModule,
  ssoModule,
  sessionModule,
  guardFeedbackModule,
  signalModule,
  alertDeliveryModule,
  complaintModule,
  erasureModule,
  retentionModule,
  algorithmModule,
  questionnaireModule,
  referralModule,
  meetingModule,
  monitoringModule,
];
