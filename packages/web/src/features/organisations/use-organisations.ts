import type { ApolloCache } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import {
  ArchiveOrganisationDocument,
  CreateOrganisationDocument,
  OrganisationsDocument,
  UpdateOrganisationDocument,
  type CreateOrganisationInput,
  type OrganisationsQuery,
} from "../../generated/gql/graphql";
import { badInputFields, errorCodes } from "../../kit/graphql-errors";

export type OrganisationRow = OrganisationsQuery["organisations"][number];
export type SaveOutcome = { ok: true; id: string } | { ok: false; fields: string[]; codes: string[] };

/**
 * A new, renamed or archived organisation changes which rows the lists hold and in what
 * order: drop the cached lists, so every list (and picker) asks the server again.
 */
export function forgetOrganisationLists(cache: ApolloCache) {
  cache.evict({ id: "ROOT_QUERY", fieldName: "organisations" });
  cache.gc();
}

export function useOrganisations(includeArchived: boolean) {
  const result = useQuery(OrganisationsDocument, { variables: { includeArchived } });
  return {
    organisations: result.data?.organisations ?? [],
    loaded: result.data !== undefined,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}

export function useCreateOrganisation() {
  const [mutate, { loading }] = useMutation(CreateOrganisationDocument, { update: forgetOrganisationLists });
  const create = useCallback(
    async (input: CreateOrganisationInput): Promise<SaveOutcome> => {
      try {
        const { data } = await mutate({ variables: { input } });
        return data ? { ok: true, id: data.createOrganisation.id } : { ok: false, fields: [], codes: [] };
      } catch (error) {
        return { ok: false, fields: badInputFields(error), codes: errorCodes(error) };
      }
    },
    [mutate],
  );
  return { create, saving: loading };
}

export function useUpdateOrganisation() {
  const [mutate, { loading }] = useMutation(UpdateOrganisationDocument, { update: forgetOrganisationLists });
  const update = useCallback(
    async (id: string, input: CreateOrganisationInput): Promise<SaveOutcome> => {
      try {
        await mutate({ variables: { id, input } });
        return { ok: true, id };
      } catch (error) {
        return { ok: false, fields: badInputFields(error), codes: errorCodes(error) };
      }
    },
    [mutate],
  );
  return { update, saving: loading };
}

export function useArchiveOrganisation() {
  const [mutate, { loading }] = useMutation(ArchiveOrganisationDocument, { update: forgetOrganisationLists });
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
  return { archive, archiving: loading };
}
