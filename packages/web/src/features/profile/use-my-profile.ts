import { useQuery } from "@apollo/client/react";
import { MyProfileDocument } from "../../generated/gql/graphql";

export function useMyProfile() {
  const result = useQuery(MyProfileDocument);
  return {
    contact: result.data?.myContact ?? null,
    loaded: result.data !== undefined,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}
