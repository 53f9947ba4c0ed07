import type { Translations } from "../../i18n/messages";
import type { nl } from "./messages.nl";

/** English messages, typed against the Dutch keys: a missing key fails the typecheck. */
export const en: Translations<typeof nl> = {
  "nav.myProfile": "My profile",
  "profile.title": "My profile",
  "profile.intro": "This is what wijknet knows about you. Is something wrong? Let the network coordinator know.",
  "profile.error": "We could not load your profile.",
  "profile.none": "No profile is linked to your account yet. Please contact the network coordinator.",
  "profile.networks": "My networks",
  "profile.noNetworks": "You are not a member of a network yet.",
  "profile.myRole": "My role",
  "profile.consents": "My consents",
  "profile.consentGiven": "given on {date}",
  "profile.consentWithdrawn": "withdrawn on {date}",
  "profile.questions": "Do you want to know exactly what we keep, or want us to remove something? Ask the network coordinator.",
};
