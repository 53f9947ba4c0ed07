import { Alert, Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import type { Language } from "../../generated/gql/graphql";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { SelectField } from "../../kit/fields";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { PageHeading } from "../../kit/page-heading";
import { useI18n } from "../../i18n/i18n-provider";
import { DeviceNotifications } from "../alert-delivery/device-notifications";
import { DisableTwoFactorForm } from "../auth/disable-two-factor-form";
import { TwoFactorEnrolment } from "../auth/two-factor-enrolment";
import { useTwoFactorStatus } from "../auth/use-second-factor";
import { NewPasswordForm } from "./new-password-form";
import { useChangePassword, useMyAccount, useSetMyLanguage, useSignOutEverywhere } from "./use-account";

const LANGUAGES: readonly Language[] = ["NL", "EN"];

/** `/mijn-account`: change password, the language of emails, active sessions and "sign out everywhere". */
export function AccountPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { viewer, sessions, loaded, loading, error, refetch } = useMyAccount();
  const { change, saving } = useChangePassword();
  const languageSave = useSetMyLanguage();
  const { signOut, signingOut } = useSignOutEverywhere();
  const twoFactor = useTwoFactorStatus();
  const [language, setLanguage] = useState<Language>("NL");
  const [notice, setNotice] = useState<string | null>(null);
  const [passwordKey, setPasswordKey] = useState(0);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (viewer?.language) setLanguage(viewer.language);
  }, [viewer?.language]);

  return (
    <>
      <PageHeading title={t("account.title")}>{t("account.title")}</PageHeading>
      <LoadState
        loading={loading && !loaded}
        error={error}
        loadingText={t("account.loading")}
        errorText={t("account.error")}
        onRetry={() => void refetch()}
      />
      <div aria-live="polite">
        {notice && (
          <Alert type="ok" role="none">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      {viewer && (
        <>
          <Paragraph>
            {viewer.displayName} · {viewer.email}
          </Paragraph>
          {viewer.lastSignInAt && <Paragraph>{t("account.lastSignIn", { date: format.dateTime(viewer.lastSignInAt) })}</Paragraph>}

          <Heading level={2}>{t("account.passwordHeading")}</Heading>
          <Paragraph>{t("account.passwordIntro")}</Paragraph>
          <NewPasswordForm
            key={passwordKey}
            withCurrent
            submitLabel={t("account.passwordSave")}
            saving={saving}
            onSave={(password, current) => change(current, password)}
            onSaved={() => {
              setNotice(t("account.passwordSaved"));
              setPasswordKey((k) => k + 1);
            }}
            describeFailure={() => t("setPassword.failed")}
          />

          <Heading level={2}>{t("twoFactor.title")}</Heading>
          {twoFactor.status?.enabled ? (
            <>
              <Paragraph>{t("twoFactor.on", { count: twoFactor.status.recoveryCodesLeft })}</Paragraph>
              {!twoFactor.status.required && (
                <DisableTwoFactorForm
                  onDone={() => {
                    setNotice(t("twoFactor.off.done"));
                    void twoFactor.refetch();
                  }}
                />
              )}
            </>
          ) : (
            <TwoFactorEnrolment onDone={() => void twoFactor.refetch()} />
          )}

          <DeviceNotifications />

          <Heading level={2}>{t("account.languageHeading")}</Heading>
          <form
            className="wijknet-form"
            onSubmit={(event) => {
              event.preventDefault();
              void languageSave.save(language).then((ok) => setNotice(ok ? t("account.languageSaved") : t("setPassword.failed")));
            }}
          >
            <SelectField
              name="language"
              label={t("account.language")}
              value={language}
              onChange={(value) => setLanguage(value as Language)}
              options={LANGUAGES.map((l) => ({ value: l, label: t(l === "NL" ? "account.language.NL" : "account.language.EN") }))}
            />
            <ButtonGroup>
              <Button appearance="secondary-action-button" type="submit" disabled={languageSave.saving}>
                {t("account.languageSave")}
              </Button>
            </ButtonGroup>
          </form>

          <Heading level={2}>{t("account.sessionsHeading")}</Heading>
          <Paragraph>
            {format.plural(sessions.length, {
              one: t("account.sessionsCount.one"),
              other: t("account.sessionsCount.other", { count: sessions.length }),
            })}
          </Paragraph>
          <UnorderedList>
            {sessions.map((s) => (
              <UnorderedListItem key={s.id}>
                {t("account.session", { created: format.dateTime(s.createdAt), expires: format.dateTime(s.expiresAt) })}
                {s.current && ` (${t("account.sessionCurrent")})`}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={() => setConfirming(true)}>
              {t("account.signOutEverywhere")}
            </Button>
          </ButtonGroup>
          <ConfirmDialog
            open={confirming}
            title={t("account.signOutConfirmTitle")}
            confirmLabel={t("account.signOutEverywhere")}
            cancelLabel={t("form.cancel")}
            busy={signingOut}
            onCancel={() => setConfirming(false)}
            onConfirm={() =>
              void signOut().then((ok) => {
                if (!ok) {
                  setConfirming(false);
                  setNotice(t("account.signOutFailed"));
                }
              })
            }
          >
            <Paragraph>{t("account.signOutConfirm")}</Paragraph>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}
