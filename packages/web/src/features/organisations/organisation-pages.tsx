import { Paragraph } from "@utrecht/component-library-react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink, useRouter } from "../../kit/router";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import { EMPTY_ORGANISATION, OrganisationForm } from "./organisation-form";
import { useCreateOrganisation, useOrganisations, useUpdateOrganisation } from "./use-organisations";

export function OrganisationNewPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { create, saving } = useCreateOrganisation();
  const back = () => navigate({ name: "organisations" });
  return (
    <>
      <PageHeading title={t("organisationNew.title")}>{t("organisationNew.title")}</PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "organisations" }}>{t("organisations.back")}</RouteLink>
      </Paragraph>
      <OrganisationForm
        initial={EMPTY_ORGANISATION}
        submitLabel={t("organisationNew.save")}
        onSave={create}
        onSaved={back}
        onCancel={back}
        saving={saving}
      />
    </>
  );
}

/** There is no single-organisation query: the edit page takes it from the list (archived ones included). */
export function OrganisationEditPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { organisations, loaded, loading, error, refetch } = useOrganisations(true);
  const { update, saving } = useUpdateOrganisation();
  const organisation = organisations.find((o) => o.id === id) ?? null;
  const back = () => navigate({ name: "organisations" });
  return (
    <>
      <PageHeading title={t("organisationEdit.title")}>
        {organisation ? t("organisationEdit.heading", { name: organisation.name }) : t("organisationEdit.title")}
      </PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "organisations" }}>{t("organisations.back")}</RouteLink>
      </Paragraph>
      <LoadState
        loading={loading && !loaded}
        error={error ?? (loaded && !organisation ? "not found" : null)}
        loadingText={t("organisations.loading")}
        errorText={error ? t("organisations.error") : t("organisationEdit.notFound")}
        onRetry={error ? () => void refetch() : undefined}
      />
      {organisation && (
        <OrganisationForm
          key={organisation.id}
          initial={{ name: organisation.name, kind: organisation.kind, website: organisation.website ?? "" }}
          submitLabel={t("form.save")}
          onSave={(input) => update(id, input)}
          onSaved={back}
          onCancel={back}
          saving={saving}
        />
      )}
    </>
  );
}
