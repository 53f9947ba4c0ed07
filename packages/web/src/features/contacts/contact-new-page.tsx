import { Paragraph } from "@utrecht/component-library-react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink, useRouter } from "../../kit/router";
import { useI18n } from "../../i18n/i18n-provider";
import { useDistricts } from "../districts/use-districts";
import { useOrganisations } from "../organisations/use-organisations";
import { ContactCreateForm } from "./contact-create-form";
import { useCreateContact } from "./use-create-contact";
import { EMPTY_NEW_CONTACT } from "./validate-new-contact";

export function ContactNewPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { districts } = useDistricts();
  const { organisations } = useOrganisations(false);
  const { create, saving } = useCreateContact();
  return (
    <>
      <PageHeading title={t("contactNew.title")}>{t("contactNew.title")}</PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "contacts" }}>{t("contact.back")}</RouteLink>
      </Paragraph>
      <ContactCreateForm
        initial={EMPTY_NEW_CONTACT}
        districts={districts}
        organisations={organisations}
        saving={saving}
        onSave={create}
        onSaved={(id) => navigate({ name: "contact", id })}
        onCancel={() => navigate({ name: "contacts" })}
      />
    </>
  );
}
