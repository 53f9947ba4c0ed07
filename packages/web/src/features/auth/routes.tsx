import { defineRoutes } from "../../kit/router";
import { EVERYONE } from "../../kit/roles";
import type { Pages } from "../../kit/web-feature";
import { LoginPage } from "./login-page";
import { SsoReturnPage } from "./sso-return-page";

export const authRoutes = defineRoutes({
  // Logged out, every address shows the login page (the shell remembers the address asked for).
  login: { path: "/inloggen", roles: EVERYONE },
  // Back from single sign-on: the one-time code is in the fragment.
  ssoReturn: { path: "/inloggen/sso", roles: "public" },
});

export const authPages: Pages<typeof authRoutes> = {
  login: () => <LoginPage />,
  ssoReturn: () => <SsoReturnPage />,
};
