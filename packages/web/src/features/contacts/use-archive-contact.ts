import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { ArchiveContactDocument } from "../../generated/gql/graphql";

/** The "archive" action: the contact leaves the lists and keeps their history. */
export function useArchiveContact() {
  const [mutate, { loading, error }] = useMutation(ArchiveContactDocument);
  const archive = useCallback(
    async (id: string) => {
      try {
        await mutate({ variables: { id } });
        return true;
      } catch {
        return false;
      }
    },
    [mutate],
  );
  return { archive, archiving: loading, error };
}
