import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../shell/web-feature";
import { MyProfilePage } from "./my-profile-page";

export const profileRoutes = defineRoutes({
  myProfile: { path: "/mijn-profiel", roles: ["ALLY"] },
});

export const profilePages: Pages<typeof profileRoutes> = {
  myProfile: () => <MyProfilePage />,
};
