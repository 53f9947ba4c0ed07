import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { useServices } from "../../lib/services";
import { ViewerDocument } from "../../generated/gql/graphql";

export type { Viewer } from "../../kit/web-feature";

/**
 * The logged-in user. `viewer: null` means the server does not accept our
 * token any more (it answers null rather than an error), so end the session
 * and let the app show the login page.
 */
export function useViewer() {
  const { session } = useServices();
  const result = useQuery(ViewerDocument);
  const viewerMissing = result.data !== undefined && result.data.viewer === null;

  useEffect(() => {
    if (viewerMissing && session.getToken() !== null) session.end("expired");
  }, [viewerMissing, session]);

  return { viewer: result.data?.viewer ?? null, loading: result.loading, error: result.error, refetch: result.refetch };
}
