import { Paragraph } from "@utrecht/component-library-react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink, useRouter } from "../../kit/router";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import { useDistricts } from "../districts/use-districts";
import { SessionForm } from "./session-form";
import { useCreateSession, useSession, useUpdateSession } from "./use-sessions";
import { EMPTY_SESSION, toLocalInput, toSessionInput } from "./validate-session";

export function SessionNewPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { districts } = useDistricts();
  const { create, saving } = useCreateSession();
  return (
    <>
      <PageHeading title={t("sessionNew.title")}>{t("sessionNew.title")}</PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "sessions" }}>{t("sessions.back")}</RouteLink>
      </Paragraph>
      <Paragraph>{t("sessionNew.intro")}</Paragraph>
      <SessionForm
        mode="create"
        initial={EMPTY_SESSION}
        districts={districts}
        submitLabel={t("sessionNew.save")}
        onSave={(values, acknowledgeWarnings) => create({ ...toSessionInput(values), acknowledgeWarnings })}
        onSaved={(id) => navigate({ name: "session", id })}
        onCancel={() => navigate({ name: "sessions" })}
        saving={saving}
      />
    </>
  );
}

export function SessionEditPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { session, loading, error, refetch } = useSession(id);
  const { update, saving } = useUpdateSession();
  const back = () => navigate({ name: "session", id });
  return (
    <>
      <PageHeading title={t("sessionEdit.title")}>
        {session ? t("sessionEdit.heading", { title: session.title }) : t("sessionEdit.title")}
      </PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "session", id }}>{t("session.back")}</RouteLink>
      </Paragraph>
      <LoadState
        loading={loading && !session}
        error={error}
        loadingText={t("sessions.loading")}
        errorText={t("session.error")}
        onRetry={() => void refetch()}
      />
      {session && (
        <SessionForm
          key={session.id}
          mode="edit"
          districts={[]}
          initial={{
            title: session.title,
            theme: session.theme,
            description: session.description ?? "",
            districtId: session.district?.id ?? "",
            place: session.place,
            startsAt: toLocalInput(session.startsAt),
            endsAt: toLocalInput(session.endsAt),
            rsvpDeadline: toLocalInput(session.rsvpDeadline),
            capacity: String(session.capacity),
            youthReservedSeats: String(session.youthReservedSeats),
            reminderHours:
              session.reminderMinutesBefore === null || session.reminderMinutesBefore === undefined
                ? ""
                : String(Math.max(1, Math.round(session.reminderMinutesBefore / 60))),
          }}
          submitLabel={t("form.save")}
          onSave={(values, acknowledgeWarnings) => {
            const { theme: _theme, districtId: _district, ...input } = toSessionInput(values);
            return update(id, { ...input, acknowledgeWarnings });
          }}
          onSaved={back}
          onCancel={back}
          saving={saving}
        />
      )}
    </>
  );
}
