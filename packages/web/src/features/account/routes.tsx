import { defineRoutes } from "../../kit/router";
import { EVERYONE } from "../../kit/roles";
import type { Pages } from "../../kit/web-feature";
import { AccountPage } from "./account-page";
import { ForgotPasswordPage } from "./forgot-password-page";
import { SetPasswordPage } from "./set-password-page";

export const accountRoutes = defineRoutes({
  account: { path: "/mijn-account", roles: EVERYONE },
  // From an email: no login, and never sent with a login token.
  setPassword: { path: "/wachtwoord/:token", roles: "public", params: { token: "wkn_[A-Za-z0-9_-]{20,100}" } },
  forgotPassword: { path: "/wachtwoord-vergeten", roles: "public" },
});

export const accountPages: Pages<typeof accountRoutes> = {
  account: () => <AccountPage />,
  setPassword: ({ token }) => <SetPasswordPage token={token} />,
  forgotPassword: () => <ForgotPasswordPage />,
};
