import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { CreateContactDocument, type CreateContactInput } from "../../generated/gql/graphql";
import { badInputPaths, errorCodes } from "../../kit/graphql-errors";
import type { CreateOutcome } from "./contact-create-form";

/** The "new contact" action. The cached contact lists are dropped so they show the new person. */
export function useCreateContact() {
  const [mutate, { loading }] = useMutation(CreateContactDocument, {
    update(cache) {
      cache.evict({ id: "ROOT_QUERY", fieldName: "contacts" });
      cache.evict({ id: "ROOT_QUERY", fieldName: "organisations" });
      cache.gc();
    },
  });
  const create = useCallback(
    async (input: CreateContactInput): Promise<CreateOutcome> => {
      try {
        const { data } = await mutate({ variables: { input } });
        return data ? { ok: true, id: data.createContact.id } : { ok: false, paths: [], codes: [] };
      } catch (error) {
        return { ok: false, paths: badInputPaths(error), codes: errorCodes(error) };
      }
    },
    [mutate],
  );
  return { create, saving: loading };
}
