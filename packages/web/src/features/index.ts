import { account } from "./account";
import { admin } from "./admin";
import { alertDelivery } from "./alert-delivery";
import { auth } from "./auth";
import { contacts } from "./contacts";
import { dashboard } from "./dashboard";
import { districts } from "./districts";
import { guardFeedback } from "./guard-feedback";
import { home } from "./home";
import { monitoring } from "./monitoring";
import { networks } from "./networks";
import { organisations } from "./organisations";
import { profile } from "./profile";
import { sessions } from "./sessions";
import { signals } from "./signals";
import { transparency } from "./transparency";

/**
 * Every feature of the web app: the router, the main menu (in this order), access control,
 * the Apollo cache and the message catalogue are built from this list. Adding a feature is its
 * own folder with an index.ts exporting a `WebFeature`, plus one line here.
 */
export const features = [
  auth,
  home,
  districts,
  dashboard,
  monitoring,
  contacts,
  networks,
  organisations,
  profile,
  sessions,
  signals,
  guardFeedback,
  admin,
  account,
  transparency,
  alertDelivery,
] as const;
