import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useState } from "react";
import {
  ContactDataExportDocument,
  ContactDocument,
  EraseContactDocument,
  MergeCandidatesDocument,
  MergeContactsDocument,
  RecordConsentDocument,
  UpdateContactRolesDocument,
  WithdrawConsentDocument,
  type ConsentInput,
  type ContactRoleInput,
} from "../../generated/gql/graphql";
import { badInputPaths, errorCodes } from "../../kit/graphql-errors";
import { downloadText } from "./use-export-contacts";

export type ActionOutcome = { ok: true } | { ok: false; paths: string[]; codes: string[] };

async function outcomeOf(run: () => Promise<unknown>): Promise<ActionOutcome> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    return { ok: false, paths: badInputPaths(error), codes: errorCodes(error) };
  }
}

/** After a change the detail page reads the contact again, so history and dates come from the server. */
function refetchContact(id: string) {
  return { refetchQueries: [{ query: ContactDocument, variables: { id } }], awaitRefetchQueries: true };
}

export function useRecordConsent(contactId: string) {
  const [mutate, { loading }] = useMutation(RecordConsentDocument, refetchContact(contactId));
  const record = useCallback(
    (consent: ConsentInput) => outcomeOf(() => mutate({ variables: { input: { contactId, consent } } })),
    [contactId, mutate],
  );
  return { record, saving: loading };
}

export function useWithdrawConsent(contactId: string) {
  const [mutate, { loading }] = useMutation(WithdrawConsentDocument, refetchContact(contactId));
  const withdraw = useCallback((id: string) => outcomeOf(() => mutate({ variables: { id } })), [mutate]);
  return { withdraw, withdrawing: loading };
}

export function useUpdateRoles(contactId: string) {
  const [mutate, { loading }] = useMutation(UpdateContactRolesDocument, {
    ...refetchContact(contactId),
    update(cache) {
      // contactCount of the organisations changes with the roles.
      cache.evict({ id: "ROOT_QUERY", fieldName: "organisations" });
      cache.gc();
    },
  });
  const save = useCallback(
    (roles: ContactRoleInput[]) => outcomeOf(() => mutate({ variables: { id: contactId, roles } })),
    [contactId, mutate],
  );
  return { save, saving: loading };
}

/** Contacts that may be the same person; the open contact itself is left out. Two characters first. */
export function useMergeCandidates(text: string, excludeId: string) {
  const trimmed = text.trim();
  const result = useQuery(MergeCandidatesDocument, { variables: { text: trimmed }, skip: trimmed.length < 2, fetchPolicy: "network-only" });
  const candidates = (result.data?.contacts.edges.map((e) => e.node) ?? []).filter((c) => c.id !== excludeId);
  return { candidates, loading: result.loading, error: result.error, searched: trimmed.length >= 2 && result.data !== undefined };
}

/** Lists change shape after a merge or an erasure (a contact leaves them): forget them. */
function forgetContactLists(cache: { evict: (options: { id: string; fieldName: string }) => boolean; gc: () => string[] }) {
  cache.evict({ id: "ROOT_QUERY", fieldName: "contacts" });
  cache.evict({ id: "ROOT_QUERY", fieldName: "staleContacts" });
  cache.evict({ id: "ROOT_QUERY", fieldName: "organisations" });
  cache.gc();
}

export function useMergeContacts(keepId: string) {
  const [mutate, { loading }] = useMutation(MergeContactsDocument, { ...refetchContact(keepId), update: forgetContactLists });
  const merge = useCallback((duplicateId: string) => outcomeOf(() => mutate({ variables: { keepId, duplicateId } })), [keepId, mutate]);
  return { merge, merging: loading };
}

export function useEraseContact(contactId: string) {
  const [mutate, { loading }] = useMutation(EraseContactDocument, { ...refetchContact(contactId), update: forgetContactLists });
  const erase = useCallback(() => outcomeOf(() => mutate({ variables: { id: contactId } })), [contactId, mutate]);
  return { erase, erasing: loading };
}

/** The GDPR access export: asked fresh every time (never cached) and handed over as a .json file. */
export function useContactDataExport(contactId: string) {
  const client = useApolloClient();
  const [state, setState] = useState<{ exporting: boolean; status: "done" | "failed" | null }>({ exporting: false, status: null });
  const download = useCallback(async () => {
    setState({ exporting: true, status: null });
    try {
      const { data } = await client.query({ query: ContactDataExportDocument, variables: { id: contactId }, fetchPolicy: "no-cache" });
      if (!data) throw new Error("no export");
      const day = data.contactDataExport.generatedAt.slice(0, 10);
      downloadText(data.contactDataExport.json, `wijknet-gegevens-${contactId}-${day}.json`, "application/json;charset=utf-8");
      setState({ exporting: false, status: "done" });
    } catch {
      setState({ exporting: false, status: "failed" });
    }
  }, [client, contactId]);
  return { download, ...state };
}
