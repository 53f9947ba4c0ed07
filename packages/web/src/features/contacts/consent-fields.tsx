import { Fieldset, FieldsetLegend } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { CheckboxField, SelectField, TextField } from "../../kit/fields";
import type { AgeBand, ConsentPurpose, LegalBasis } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { CONSENT_PURPOSES, consentPurposeKey, LEGAL_BASES, legalBasisKey } from "./labels";
import { needsGuardianConsent, type ConsentFieldErrors, type ConsentValues } from "./validate-consent";

/**
 * Purpose, legal basis and the guardian's part of one consent. Under 16 with consent as
 * the basis, the guardian box says why it is needed; the guardian's name appears once ticked.
 */
export function ConsentFields({
  legend,
  namePrefix,
  ageBand,
  value,
  errors,
  onChange,
  actions,
}: {
  legend: string;
  namePrefix: string;
  ageBand: AgeBand;
  value: ConsentValues;
  errors: ConsentFieldErrors;
  onChange: (value: ConsentValues) => void;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  const guardianNeeded = value.legalBasis === "CONSENT" && needsGuardianConsent(ageBand);
  const error = (field: keyof ConsentFieldErrors) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <Fieldset>
      <FieldsetLegend>{legend}</FieldsetLegend>
      <div className="wijknet-stack">
        <SelectField
          name={`${namePrefix}.purpose`}
          label={t("consent.purpose")}
          value={value.purpose}
          onChange={(purpose) => onChange({ ...value, purpose: purpose as ConsentPurpose })}
          options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(consentPurposeKey(p)) }))}
          error={error("purpose")}
        />
        <SelectField
          name={`${namePrefix}.legalBasis`}
          label={t("consent.basis")}
          description={t("consentForm.basisHelp")}
          value={value.legalBasis}
          onChange={(legalBasis) => onChange({ ...value, legalBasis: legalBasis as LegalBasis })}
          options={LEGAL_BASES.map((b) => ({ value: b, label: t(legalBasisKey(b)) }))}
          error={error("legalBasis")}
        />
        <CheckboxField
          name={`${namePrefix}.byGuardian`}
          label={t("consentForm.byGuardian")}
          description={guardianNeeded ? t("consentForm.guardianNeeded") : undefined}
          checked={value.byGuardian}
          onChange={(byGuardian) => onChange({ ...value, byGuardian })}
          error={error("byGuardian")}
        />
        {value.byGuardian && (
          <TextField
            name={`${namePrefix}.guardianName`}
            label={t("consentForm.guardianName")}
            autoComplete="off"
            value={value.guardianName}
            onChange={(guardianName) => onChange({ ...value, guardianName })}
            error={error("guardianName")}
          />
        )}
        {actions}
      </div>
    </Fieldset>
  );
}
