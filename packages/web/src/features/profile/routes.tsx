import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../kit/web-feature";
import { MyProfilePage } from "./my-profile-page";

export const profileRoutes = defineRoutes({
  myProfile: { path: "/mijn-profiel", roles: ["ALLY"] },
});

export const profilePages: Pages<typeof profileRoutes> = {
  myProfile: () => <MyProfilePage />,
};
