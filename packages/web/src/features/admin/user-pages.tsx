import { Alert, Button, ButtonGroup, Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink, useRouter } from "../../kit/router";
import { useI18n } from "../../i18n/i18n-provider";
import { EMPTY_USER, UserForm } from "./user-form";
import { type AdminUser, useCreateUser, useUpdateUser, useUser, useUserActions } from "./use-users";
import { toCreateInput, toDistrictInput, type UserFormValues } from "./validate-user";

export function UserNewPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { create, saving } = useCreateUser();
  return (
    <>
      <PageHeading title={t("userNew.title")}>{t("userNew.title")}</PageHeading>
      <Paragraph>{t("userNew.intro")}</Paragraph>
      <Paragraph>
        <RouteLink to={{ name: "users" }}>{t("users.back")}</RouteLink>
      </Paragraph>
      <UserForm
        initial={EMPTY_USER}
        isNew
        submitLabel={t("userNew.save")}
        saving={saving}
        onSave={(values) => create(toCreateInput(values))}
        onSaved={(id) => navigate({ name: "user", id })}
        onCancel={() => navigate({ name: "users" })}
      />
    </>
  );
}

function formValues(user: AdminUser): UserFormValues {
  return {
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    language: user.language ?? "NL",
    districts: Object.fromEntries(user.districtAssignments.map((a) => [a.district.id, a.backup])),
  };
}

/** `/beheer/gebruikers/<id>`: change an account; disable or enable; a new invitation link. */
export function UserPage({ id }: { id: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const { navigate } = useRouter();
  const { user, loaded, loading, error, refetch } = useUser(id);
  const { update, saving } = useUpdateUser();
  const actions = useUserActions();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirmDisable, setConfirmDisable] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const act = async (run: () => Promise<{ ok: boolean; codes?: string[] }>, done: string) => {
    const outcome = await run();
    setNotice(outcome.ok ? { ok: true, text: done } : { ok: false, text: t("userPage.actionFailed") });
    await refetch();
  };

  return (
    <>
      <PageHeading title={t("userPage.title")}>{user ? user.displayName : t("userPage.title")}</PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "users" }}>{t("users.back")}</RouteLink>
      </Paragraph>
      <LoadState
        loading={loading && !loaded}
        error={error ?? (loaded && !user ? "not found" : null)}
        loadingText={t("users.loading")}
        errorText={error ? t("users.error") : t("userPage.notFound")}
        onRetry={error ? () => void refetch() : undefined}
      />
      <div aria-live="polite">
        {notice && (
          <Alert type={notice.ok ? "ok" : "error"} role="none">
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        )}
      </div>
      {user && (
        <>
          <Paragraph>
            {user.email} ·{" "}
            {user.status === "DISABLED"
              ? t("users.status.disabled")
              : user.passwordSet
                ? t("users.status.active")
                : t("users.status.invited")}{" "}
            · {user.lastSignInAt ? t("userPage.lastSignIn", { date: format.dateTime(user.lastSignInAt) }) : t("userPage.neverSignedIn")}
          </Paragraph>
          <UserForm
            key={`${user.id}-${formKey}`}
            initial={formValues(user)}
            isNew={false}
            submitLabel={t("form.save")}
            saving={saving}
            onSave={(values) =>
              update(user.id, {
                displayName: values.displayName.trim(),
                role: values.role,
                language: values.language,
                districts: toDistrictInput(values),
              })
            }
            onSaved={() => {
              setNotice({ ok: true, text: t("userPage.saved") });
              setFormKey((k) => k + 1);
            }}
            onCancel={() => navigate({ name: "users" })}
          />
          <Heading level={2}>{t("userPage.accountHeading")}</Heading>
          <ButtonGroup>
            {!user.passwordSet && user.status === "ACTIVE" && (
              <Button
                appearance="secondary-action-button"
                type="button"
                disabled={actions.busy}
                onClick={() => void act(() => actions.resend(user.id), t("userPage.invitationSent"))}
              >
                {t("userPage.resend")}
              </Button>
            )}
            {user.status === "ACTIVE" ? (
              <Button appearance="secondary-action-button" type="button" disabled={actions.busy} onClick={() => setConfirmDisable(true)}>
                {t("userPage.disable")}
              </Button>
            ) : (
              <Button
                appearance="secondary-action-button"
                type="button"
                disabled={actions.busy}
                onClick={() => void act(() => actions.enable(user.id), t("userPage.enabled"))}
              >
                {t("userPage.enable")}
              </Button>
            )}
            <Button appearance="secondary-action-button" type="button" disabled={actions.busy} onClick={() => setConfirmErase(true)}>
              {t("userPage.erase")}
            </Button>
          </ButtonGroup>
          <ConfirmDialog
            open={confirmErase}
            title={t("userPage.eraseTitle")}
            confirmLabel={t("userPage.erase")}
            cancelLabel={t("form.cancel")}
            busy={actions.busy}
            onCancel={() => setConfirmErase(false)}
            onConfirm={() => void act(() => actions.erase(user.id), t("userPage.erased")).then(() => setConfirmErase(false))}
          >
            <Paragraph>{t("userPage.eraseConfirm", { name: user.displayName })}</Paragraph>
          </ConfirmDialog>
          <ConfirmDialog
            open={confirmDisable}
            title={t("userPage.disableTitle")}
            confirmLabel={t("userPage.disable")}
            cancelLabel={t("form.cancel")}
            busy={actions.busy}
            onCancel={() => setConfirmDisable(false)}
            onConfirm={() => void act(() => actions.disable(user.id), t("userPage.disabled")).then(() => setConfirmDisable(false))}
          >
            <Paragraph>{t("userPage.disableConfirm", { name: user.displayName })}</Paragraph>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}
