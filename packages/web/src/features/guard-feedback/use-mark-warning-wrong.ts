import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { MarkGuardWarningWrongDocument } from "../../generated/gql/graphql";

/**
 * "Klopt niet" on a warning of the situation-text guard: sends, per field, only the words the
 * warning showed (never the rest of the text). True when every field was accepted.
 */
export function useMarkWarningWrong() {
  const [mutate, { loading }] = useMutation(MarkGuardWarningWrongDocument);
  const markWrong = useCallback(
    async (warnings: ReadonlyArray<{ field: string; term: string }>): Promise<boolean> => {
      const byField = new Map<string, Set<string>>();
      for (const w of warnings) byField.set(w.field, (byField.get(w.field) ?? new Set()).add(w.term));
      try {
        for (const [field, words] of byField) {
          await mutate({ variables: { input: { field: `input.${field}`, words: [...words] } } });
        }
        return true;
      } catch {
        return false;
      }
    },
    [mutate],
  );
  return { markWrong, loading };
}
