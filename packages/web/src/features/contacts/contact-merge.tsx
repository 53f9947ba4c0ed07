import { Alert, Button, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useState } from "react";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { TextField } from "../../kit/fields";
import { useI18n } from "../../i18n/i18n-provider";
import { useMergeCandidates, useMergeContacts } from "./use-contact-actions";
import type { ContactDetail } from "./use-contact";

interface Candidate {
  id: string;
  fullName: string;
  email?: string | null;
  phoneDisplay?: string | null;
  districts: ReadonlyArray<{ name: string }>;
}

/** "Dubbel contact samenvoegen": find the duplicate, pick it, confirm what will happen. */
export function MergeSection({ contact }: { contact: ContactDetail }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const { candidates, loading, error, searched } = useMergeCandidates(text, contact.id);
  const { merge, merging } = useMergeContacts(contact.id);
  const [picked, setPicked] = useState<Candidate | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const onConfirm = async () => {
    if (!picked) return;
    const outcome = await merge(picked.id);
    setNotice(
      outcome.ok
        ? { ok: true, text: t("merge.done", { duplicate: picked.fullName, name: contact.fullName }) }
        : { ok: false, text: outcome.codes.includes("CONFLICT") ? t("merge.conflict") : t("merge.failed") },
    );
    if (outcome.ok) setText("");
    setPicked(null);
  };

  const describe = (c: Candidate) =>
    [c.email, c.phoneDisplay, c.districts.map((d) => d.name).join(", ")].filter((part) => part && part !== "").join(" · ");

  return (
    <>
      <Paragraph>{t("merge.intro", { name: contact.fullName })}</Paragraph>
      <TextField
        name="mergeSearch"
        type="search"
        label={t("merge.search")}
        description={t("network.searchHelp")}
        value={text}
        onChange={setText}
      />
      <div aria-live="polite">
        {loading && <Paragraph>{t("network.searching")}</Paragraph>}
        {Boolean(error) && (
          <Alert type="error" role="none">
            <Paragraph>{t("contacts.error")}</Paragraph>
          </Alert>
        )}
        {!loading && searched && candidates.length === 0 && <Paragraph>{t("contacts.none")}</Paragraph>}
        {notice && (
          <Alert type={notice.ok ? "ok" : "error"} role="none">
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        )}
      </div>
      {candidates.length > 0 && (
        <UnorderedList>
          {candidates.map((candidate) => (
            <UnorderedListItem key={candidate.id}>
              {candidate.fullName}
              {describe(candidate) && ` (${describe(candidate)})`}{" "}
              <Button
                appearance="secondary-action-button"
                type="button"
                aria-label={t("merge.pickFor", { name: candidate.fullName })}
                onClick={() => {
                  setNotice(null);
                  setPicked(candidate);
                }}
              >
                {t("merge.pick")}
              </Button>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <ConfirmDialog
        open={picked !== null}
        title={t("merge.confirmTitle")}
        confirmLabel={t("merge.confirmYes")}
        cancelLabel={t("contact.archiveNo")}
        busy={merging}
        onConfirm={() => void onConfirm()}
        onCancel={() => setPicked(null)}
      >
        <Paragraph>{t("merge.confirmWhat", { duplicate: picked?.fullName ?? "", name: contact.fullName })}</Paragraph>
        <UnorderedList>
          <UnorderedListItem>{t("merge.confirmMoves", { name: contact.fullName })}</UnorderedListItem>
          <UnorderedListItem>{t("merge.confirmFills")}</UnorderedListItem>
          <UnorderedListItem>{t("merge.confirmArchives", { duplicate: picked?.fullName ?? "" })}</UnorderedListItem>
        </UnorderedList>
        <Paragraph>{t("merge.confirmFinal")}</Paragraph>
      </ConfirmDialog>
    </>
  );
}
