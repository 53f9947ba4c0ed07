import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../kit/web-feature";
import { UserNewPage, UserPage } from "./user-pages";
import { UsersPage } from "./users-page";

export const adminRoutes = defineRoutes({
  users: { path: "/beheer/gebruikers", roles: ["ADMIN"] },
  userNew: { path: "/beheer/gebruikers/nieuw", roles: ["ADMIN"] },
  user: { path: "/beheer/gebruikers/:id", roles: ["ADMIN"] },
});

export const adminPages: Pages<typeof adminRoutes> = {
  users: () => <UsersPage />,
  userNew: () => <UserNewPage />,
  user: ({ id }) => <UserPage id={id} />,
};
