import type { Translations } from "../../i18n/messages";
import type { nl } from "./messages.nl";

/** English messages, typed against the Dutch keys: a missing key fails the typecheck. */
export const en: Translations<typeof nl> = {
  "header.signedInAs": "Signed in as {name}",
  "header.role": "Role: {role}",
  "header.logout": "Log out",
  "header.loggingOut": "Logging out…",

  "role.ADMIN": "Administrator",
  "role.ALLY": "District ally",
  "role.COORDINATOR": "Network coordinator",
  "role.POLICE_LIAISON": "Police liaison",

  "login.title": "Log in",
  "login.heading": "Log in to wijknet",
  "login.intro": "Log in with the email address and password of your wijknet account.",
  "login.email": "Email address",
  "login.password": "Password",
  "login.submit": "Log in",
  "login.submitting": "Logging in…",
  "login.error.emailRequired": "Enter your email address.",
  "login.error.emailInvalid": "The email address is not valid. Write it like this: name@example.com.",
  "login.error.passwordRequired": "Enter your password.",
  "login.error.wrongCredentials": "The email address or the password is not correct. Check them and try again.",
  "login.error.rateLimited": "You tried to log in too often. Wait a few minutes and then try again.",
  "login.error.invalidInput": "The email address or the password is not filled in correctly. Check them and try again.",
  "login.error.network": "We cannot reach wijknet right now. Check your internet connection and try again.",
  "login.error.unknown": "Something went wrong while logging in. Please try again later.",
  "login.notice.loggedOut": "You are logged out.",
  "login.notice.expired": "Your session has expired. Please log in again.",
};
