import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { UpdateContactDocument, type UpdateContactInput } from "../../generated/gql/graphql";
import { badInputFields, errorCodes } from "../../kit/graphql-errors";

export type UpdateOutcome = { ok: true } | { ok: false; fields: string[]; codes: string[] };

/** The "save contact" action. A BAD_USER_INPUT answer names the field, which the form shows at that field. */
export function useUpdateContact() {
  const [mutate, { loading }] = useMutation(UpdateContactDocument);
  const update = useCallback(
    async (id: string, input: UpdateContactInput): Promise<UpdateOutcome> => {
      try {
        await mutate({ variables: { id, input } });
        return { ok: true };
      } catch (error) {
        return { ok: false, fields: badInputFields(error), codes: errorCodes(error) };
      }
    },
    [mutate],
  );
  return { update, saving: loading };
}
