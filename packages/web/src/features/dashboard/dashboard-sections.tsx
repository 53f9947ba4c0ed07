import { createContext, useContext, type ComponentType, type ReactNode } from "react";
import type { Role } from "../../generated/gql/graphql";
import type { Viewer } from "../auth/use-viewer";

/** A section another feature adds below the dashboard's own (WebFeature `dashboardSections`). */
export interface DashboardSection {
  readonly key: string;
  /** Who sees it: the roles that may open the contributing feature's route. */
  readonly roles: readonly Role[];
  readonly Component: ComponentType<{ viewer: Viewer }>;
}

const DashboardSectionsContext = createContext<readonly DashboardSection[]>([]);

export function DashboardSectionsProvider({ sections, children }: { sections: readonly DashboardSection[]; children: ReactNode }) {
  return <DashboardSectionsContext.Provider value={sections}>{children}</DashboardSectionsContext.Provider>;
}

export function useDashboardSections(): readonly DashboardSection[] {
  return useContext(DashboardSectionsContext);
}
