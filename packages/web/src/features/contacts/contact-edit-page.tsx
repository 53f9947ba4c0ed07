import { PageHeading } from "../../kit/page-heading";
import { useRouter } from "../../kit/router";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import { useDistricts } from "../districts/use-districts";
import { ContactEditForm } from "./contact-edit-form";
import { useContact } from "./use-contact";
import { useUpdateContact } from "./use-update-contact";

export function ContactEditPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { contact, loading, error, notFound, refetch } = useContact(id);
  const { districts } = useDistricts();
  const { update, saving } = useUpdateContact();
  const back = () => navigate({ name: "contact", id });
  return (
    <>
      <PageHeading title={t("contactEdit.title")}>
        {contact ? t("contactEdit.heading", { name: contact.fullName }) : t("contactEdit.title")}
      </PageHeading>
      <LoadState
        loading={loading && !contact}
        error={error}
        loadingText={t("contact.loading")}
        errorText={notFound ? t("contact.notFound") : t("contact.error")}
        onRetry={notFound ? undefined : () => void refetch()}
      />
      {contact && (
        <ContactEditForm
          key={contact.id}
          initial={{
            fullName: contact.fullName,
            email: contact.email ?? "",
            phone: contact.phoneDisplay ?? contact.phone ?? "",
            preferredChannel: contact.preferredChannel,
            preferredLanguage: contact.preferredLanguage,
            ageBand: contact.ageBand,
            status: contact.status,
            districtIds: contact.districts.map((d) => d.id),
            notes: contact.notes ?? "",
          }}
          districts={districts}
          saving={saving}
          onSave={(input) => update(id, input)}
          onSaved={back}
          onCancel={back}
        />
      )}
    </>
  );
}
