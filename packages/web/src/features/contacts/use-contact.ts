import { useQuery } from "@apollo/client/react";
import { ContactDocument, type ContactQuery } from "../../generated/gql/graphql";
import { hasErrorCode } from "../../kit/graphql-errors";

export type ContactDetail = ContactQuery["contact"];

export function useContact(id: string) {
  const result = useQuery(ContactDocument, { variables: { id } });
  return {
    contact: result.data?.contact ?? null,
    loading: result.loading,
    error: result.error,
    notFound: hasErrorCode(result.error, "NOT_FOUND"),
    refetch: result.refetch,
  };
}
