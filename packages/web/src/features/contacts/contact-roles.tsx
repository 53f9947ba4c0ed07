import { Alert, Button, ButtonGroup, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFocusFirstError } from "../../kit/focus-first-error";
import type { ContactRoleInput } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { useOrganisations } from "../organisations/use-organisations";
import { RoleFields, type OrganisationOption } from "./role-fields";
import { useUpdateRoles, type ActionOutcome } from "./use-contact-actions";
import type { ContactDetail } from "./use-contact";
import {
  emptyRole,
  MAX_ROLES,
  newRoleKey,
  serverRoleError,
  toRoleInput,
  validateRole,
  type RoleFieldErrors,
  type RoleValues,
} from "./validate-roles";

export interface RolesFormProps {
  initial: RoleValues[];
  organisations: readonly OrganisationOption[];
  onSave: (roles: ContactRoleInput[]) => Promise<ActionOutcome>;
  onDone: () => void;
  saving: boolean;
}

/** Edit the whole list of roles (the server replaces the list); dates of kept roles stay as they were. */
export function RolesForm({ initial, organisations, onSave, onDone, saving }: RolesFormProps) {
  const { t } = useI18n();
  const [roles, setRoles] = useState(initial);
  const [errors, setErrors] = useState<Record<number, RoleFieldErrors>>({});
  const [failed, setFailed] = useState(false);
  const { containerRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const failedRef = useRef<HTMLDivElement>(null);
  // Opened from "edit roles" (which disappears): continue in the form.
  useEffect(() => {
    containerRef.current?.querySelector<HTMLElement>("input, select, button")?.focus();
  }, [containerRef]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailed(false);
    const found: Record<number, RoleFieldErrors> = {};
    roles.forEach((role, i) => {
      const e = validateRole(role);
      if (Object.keys(e).length > 0) found[i] = e;
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    const outcome = await onSave(roles.map(toRoleInput));
    if (outcome.ok) {
      onDone();
      return;
    }
    const mapped: Record<number, RoleFieldErrors> = {};
    for (const path of outcome.paths) {
      const [head, index, field = ""] = path.split(".");
      if (head === "roles" && index !== undefined && /^\d+$/.test(index)) {
        const [key, message] = serverRoleError(field);
        mapped[Number(index)] = { ...mapped[Number(index)], [key]: message };
      }
    }
    setErrors(mapped);
    if (Object.keys(mapped).length > 0) focusFirstError();
    else {
      setFailed(true);
      failedRef.current?.focus();
    }
  };

  return (
    <form ref={containerRef} className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <div ref={failedRef} tabIndex={-1} className="wijknet-focus-target" aria-live="polite">
        {failed && (
          <Alert type="error" role="none">
            <Paragraph>{t("form.error.unknown")}</Paragraph>
          </Alert>
        )}
      </div>
      {roles.length === 0 && <Paragraph>{t("contact.noRoles")}</Paragraph>}
      {roles.map((role, index) => (
        <RoleFields
          key={role.key}
          index={index}
          value={role}
          errors={errors[index] ?? {}}
          organisations={organisations}
          onChange={(next) => setRoles((list) => list.map((r, i) => (i === index ? next : r)))}
          onRemove={() => {
            setRoles((list) => list.filter((_, i) => i !== index));
            setErrors({});
          }}
        />
      ))}
      {roles.length < MAX_ROLES && (
        <div>
          <Button appearance="secondary-action-button" type="button" onClick={() => setRoles((list) => [...list, emptyRole()])}>
            {t("roleForm.add")}
          </Button>
        </div>
      )}
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("form.saving") : t("roleForm.save")}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onDone}>
          {t("form.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The roles section of the detail page: the list, and "edit roles" for coordinators. */
export function RolesSection({ contact, editable }: { contact: ContactDetail; editable: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const { organisations } = useOrganisations(false);
  const { save, saving } = useUpdateRoles(contact.id);
  const [saved, setSaved] = useState(false);
  // Back from the form, focus returns to the button that opened it.
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  if (editing) {
    return (
      <RolesForm
        initial={contact.roles.map((role) => ({
          key: newRoleKey(),
          title: role.title,
          organisationId: role.organisation?.id ?? "",
          since: role.since ?? null,
          until: role.until ?? null,
        }))}
        organisations={organisations}
        saving={saving}
        onSave={async (roles) => {
          const outcome = await save(roles);
          if (outcome.ok) setSaved(true);
          return outcome;
        }}
        onDone={() => {
          returnFocus.current = true;
          setEditing(false);
        }}
      />
    );
  }
  return (
    <>
      {contact.roles.length === 0 ? (
        <Paragraph>{t("contact.noRoles")}</Paragraph>
      ) : (
        <UnorderedList>
          {contact.roles.map((role) => (
            <UnorderedListItem key={role.id}>
              {role.organisation ? t("contact.roleAt", { title: role.title, organisation: role.organisation.name }) : role.title}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <div aria-live="polite">{saved && <Paragraph>{t("roleForm.saved")}</Paragraph>}</div>
      {editable && (
        <div>
          <Button
            ref={editButton}
            appearance="secondary-action-button"
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t("roleForm.edit")}
          </Button>
        </div>
      )}
    </>
  );
}
