import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { ContactDocument, LogInteractionDocument, type InteractionKind } from "../../generated/gql/graphql";
import { badInputFields } from "../../kit/graphql-errors";

export type MutationOutcome = { ok: true } | { ok: false; fields: string[]; error: unknown };

/** The "log a contact moment" action; refreshes the contact so "last spoke to" and the list follow. */
export function useLogInteraction(contactId: string) {
  const [mutate, { loading }] = useMutation(LogInteractionDocument, {
    refetchQueries: [{ query: ContactDocument, variables: { id: contactId } }],
    awaitRefetchQueries: true,
  });
  const logInteraction = useCallback(
    async (input: { kind: InteractionKind; note: string; acknowledgeWarnings?: boolean }): Promise<MutationOutcome> => {
      try {
        await mutate({
          variables: {
            input: {
              contactId,
              kind: input.kind,
              note: input.note.trim() || null,
              acknowledgeWarnings: input.acknowledgeWarnings ?? false,
            },
          },
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, fields: badInputFields(error), error };
      }
    },
    [contactId, mutate],
  );
  return { logInteraction, saving: loading };
}
