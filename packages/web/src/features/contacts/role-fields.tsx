import { Button, Fieldset, FieldsetLegend } from "@utrecht/component-library-react";
import { SelectField, TextField } from "../../kit/fields";
import { useI18n } from "../../i18n/i18n-provider";
import type { RoleFieldErrors, RoleValues } from "./validate-roles";

export interface OrganisationOption {
  id: string;
  name: string;
}

/** One role row: a title and (optionally) the organisation it is held in, with a remove button. */
export function RoleFields({
  index,
  value,
  errors,
  organisations,
  onChange,
  onRemove,
}: {
  index: number;
  value: RoleValues;
  errors: RoleFieldErrors;
  organisations: readonly OrganisationOption[];
  onChange: (value: RoleValues) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  // An organisation archived since the role was given stays selectable for that role.
  const options =
    organisations.some((o) => o.id === value.organisationId) || value.organisationId === ""
      ? organisations
      : [...organisations, { id: value.organisationId, name: t("roleForm.otherOrganisation") }];
  return (
    <Fieldset>
      <FieldsetLegend>{t("roleForm.legend", { number: index + 1 })}</FieldsetLegend>
      <div className="wijknet-stack">
        <TextField
          name={`roles.${index}.title`}
          label={t("roleForm.title")}
          description={t("roleForm.titleHelp")}
          value={value.title}
          onChange={(title) => onChange({ ...value, title })}
          error={errors.title ? t(errors.title) : undefined}
        />
        <SelectField
          name={`roles.${index}.organisationId`}
          label={t("roleForm.organisation")}
          value={value.organisationId}
          onChange={(organisationId) => onChange({ ...value, organisationId })}
          options={[{ value: "", label: t("roleForm.noOrganisation") }, ...options.map((o) => ({ value: o.id, label: o.name }))]}
          error={errors.organisationId ? t(errors.organisationId) : undefined}
        />
        <div>
          <Button appearance="secondary-action-button" type="button" onClick={onRemove}>
            {t("roleForm.remove", { number: index + 1 })}
          </Button>
        </div>
      </div>
    </Fieldset>
  );
}
