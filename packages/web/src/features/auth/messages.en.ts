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

  "twoFactor.title": "Two-step verification",
  "twoFactor.code": "Code",
  "twoFactor.challenge.intro": "Your account has extra protection. Enter the code your two-step verification app shows now.",
  "twoFactor.challenge.help": "6 digits. No access to your app? Then use one of your recovery codes.",
  "twoFactor.challenge.submit": "Check",
  "twoFactor.error.required": "Enter the code.",
  "twoFactor.error.sixDigits": "Enter the 6 digits from your app.",
  "twoFactor.error.invalid": "This code is not correct. Enter the code your app shows now.",
  "twoFactor.error.rateLimited": "Too many wrong codes. Wait a quarter of an hour and try again.",
  "twoFactor.error.unknown": "Something went wrong. Log in again and try once more.",
  "twoFactor.required": "Two-step verification is required for your role. Set it up now; then you can go on.",
  "twoFactor.enrol.intro":
    "With two-step verification you also need a code from an app on your phone when you log in, for example Microsoft Authenticator or Google Authenticator.",
  "twoFactor.enrol.start": "Set up two-step verification",
  "twoFactor.enrol.scan": "Scan this QR code with your app. Scanning does not work? Then type in the secret key.",
  "twoFactor.enrol.qrAlt": "QR code for your two-step verification app",
  "twoFactor.enrol.secret": "Secret key:",
  "twoFactor.enrol.codeHelp": "The 6 digits your app shows now.",
  "twoFactor.enrol.confirm": "Check code and turn on",
  "twoFactor.enrol.done": "Two-step verification is on.",
  "twoFactor.enrol.codes":
    "These are your recovery codes. Each code works once, when you have lost your phone. Keep them in a safe place: you see them only now.",
  "twoFactor.enrol.codesLabel": "Recovery codes",
  "twoFactor.enrol.saved": "I have saved the codes",
  "twoFactor.on": "Two-step verification is on. You have {count} recovery codes left.",
};
