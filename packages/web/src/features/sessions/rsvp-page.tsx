import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  RadioButton,
} from "@utrecht/component-library-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { PageHeading } from "../../kit/page-heading";
import { CheckboxField, SelectField, TextField } from "../../kit/fields";
import { useFocusFirstError } from "../../kit/focus-first-error";
import { useFormat } from "../../kit/format";
import type { RsvpResponse } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { ageBandKey } from "../contacts/labels";
import { QuestionnaireSection } from "../monitoring/questionnaire-section";
import { responseKey, seatStatusKey, themeKey } from "./labels";
import { useInvitation, useRespond, type InvitationProblem, type PublicInvitation } from "./use-rsvp";
import {
  GUEST_AGE_BANDS,
  hasGuestErrors,
  isUnder16,
  MAX_GUESTS,
  serverGuestErrors,
  toGuestInput,
  validateGuests,
  type GuestErrors,
  type GuestValues,
} from "./validate-guests";

/** The invitee's page behind their personal link: no account, phone first. */
export function RsvpPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { invitation, loading, problem, refetch } = useInvitation(token);
  return (
    <div className="wijknet-rsvp">
      <PageHeading title={invitation?.session.title ?? t("rsvp.title")}>{invitation?.session.title ?? t("rsvp.title")}</PageHeading>
      <div aria-live="polite">
        {loading && !invitation && <Paragraph>{t("rsvp.loading")}</Paragraph>}
        {problem && !loading && <ProblemMessage problem={problem} onRetry={() => void refetch()} />}
      </div>
      {invitation && <InvitationView token={token} invitation={invitation} />}
    </div>
  );
}

function ProblemMessage({ problem, onRetry }: { problem: InvitationProblem; onRetry: () => void }) {
  const { t } = useI18n();
  const text = {
    notFound: t("rsvp.problem.notFound"),
    expired: t("rsvp.problem.expired"),
    network: t("rsvp.problem.network"),
    unknown: t("rsvp.problem.unknown"),
  }[problem];
  return (
    <Alert type="error" role="none">
      <Heading level={2}>
        {problem === "expired"
          ? t("rsvp.problem.expiredTitle")
          : problem === "notFound"
            ? t("rsvp.problem.notFoundTitle")
            : t("rsvp.problem.title")}
      </Heading>
      <Paragraph>{text}</Paragraph>
      {(problem === "network" || problem === "unknown") && (
        <Button appearance="secondary-action-button" type="button" onClick={onRetry}>
          {t("app.retry")}
        </Button>
      )}
    </Alert>
  );
}

function InvitationView({ token, invitation }: { token: string; invitation: PublicInvitation }) {
  const { t } = useI18n();
  const format = useFormat();
  const { session } = invitation;
  const open = session.status === "PUBLISHED" && new Date(session.endsAt) > new Date();
  const answerId = useId();
  return (
    <>
      <Paragraph lead>{t("rsvp.intro")}</Paragraph>
      <dl className="wijknet-details">
        <dt>{t("sessionForm.theme")}</dt>
        <dd>{t(themeKey(session.theme))}</dd>
        <dt>{t("session.when")}</dt>
        <dd>{format.dateTimeRange(session.startsAt, session.endsAt)}</dd>
        <dt>{t("sessionForm.place")}</dt>
        <dd>
          {session.place}
          {session.district && ` · ${session.district.name}`}
        </dd>
        {session.rsvpDeadline && (
          <>
            <dt>{t("rsvp.deadline")}</dt>
            <dd>{format.dateTime(session.rsvpDeadline)}</dd>
          </>
        )}
        <dt>{t("rsvp.seats")}</dt>
        <dd>
          {t("rsvp.seatsValue", {
            left: format.count(session.counts.seatsLeft),
            capacity: session.counts.capacity,
            waitlisted: format.count(session.counts.waitlisted),
          })}
        </dd>
      </dl>
      {session.description && <Paragraph>{session.description}</Paragraph>}
      {session.status === "CANCELLED" && (
        <Alert type="warning" role="none">
          <Paragraph>{t("rsvp.cancelled")}</Paragraph>
        </Alert>
      )}
      {(session.status === "COMPLETED" || (session.status !== "CANCELLED" && !open)) && (
        <Alert type="info" role="none">
          <Paragraph>{t("rsvp.over")}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby={answerId} className="wijknet-stack">
        <Heading level={2} id={answerId}>
          {t("rsvp.yourAnswer")}
        </Heading>
        <Paragraph>
          {invitation.response ? t("rsvp.currentAnswer", { answer: t(responseKey(invitation.response)) }) : t("rsvp.noAnswerYet")}
        </Paragraph>
        <OwnSeats invitation={invitation} />
        {session.status !== "CANCELLED" && (
          <Paragraph>
            <Link href={`/ics/invitation/${encodeURIComponent(token)}.ics`} download="themasessie.ics">
              {t("rsvp.addToCalendar")}
            </Link>
          </Paragraph>
        )}
      </section>
      {open && <AnswerForm token={token} invitation={invitation} />}
      <QuestionnaireSection token={token} districtId={session.district?.id ?? null} />
    </>
  );
}

function OwnSeats({ invitation }: { invitation: PublicInvitation }) {
  const { t } = useI18n();
  if (invitation.registrations.length === 0) return null;
  return (
    <ul className="wijknet-plain-list" aria-label={t("rsvp.ownSeats")}>
      {invitation.registrations.map((r) => (
        <li key={r.id}>
          <strong>
            {r.isGuest ? t("rsvp.guestSeat", { name: r.guestLabel ?? "", ageBand: t(ageBandKey(r.ageBand)) }) : t("rsvp.yourSeat")}
          </strong>
          {": "}
          {r.seatStatus === "WAITLISTED" && r.waitlistPosition
            ? t("seat.waitlistPosition", { position: r.waitlistPosition })
            : t(seatStatusKey(r.seatStatus))}
        </li>
      ))}
    </ul>
  );
}

const RESPONSES: readonly RsvpResponse[] = ["YES", "MAYBE", "NO"];

function AnswerForm({ token, invitation }: { token: string; invitation: PublicInvitation }) {
  const { t } = useI18n();
  const { respond, responding } = useRespond(token);
  const [response, setResponse] = useState<RsvpResponse | null>(invitation.response ?? null);
  const [guests, setGuests] = useState<GuestValues[]>(() =>
    invitation.registrations
      .filter((r) => r.isGuest && r.seatStatus !== "CANCELLED")
      .map((r) => ({ label: r.guestLabel ?? "", ageBand: r.ageBand, guardianConsent: true })),
  );
  const [guestErrors, setGuestErrors] = useState<GuestErrors>([]);
  const [responseError, setResponseError] = useState(false);
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const { containerRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const messageRef = useRef<HTMLDivElement>(null);
  const groupId = useId();
  const [focusMessage, setFocusMessage] = useState(0);
  useEffect(() => {
    if (focusMessage > 0) messageRef.current?.focus();
  }, [focusMessage]);

  const setGuest = (index: number, patch: Partial<GuestValues>) =>
    setGuests((list) => list.map((g, i) => (i === index ? { ...g, ...patch } : g)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!response) {
      setResponseError(true);
      focusFirstError();
      return;
    }
    setResponseError(false);
    const withGuests = response === "YES" ? guests : [];
    const found = validateGuests(withGuests);
    setGuestErrors(found);
    if (hasGuestErrors(found)) {
      focusFirstError();
      return;
    }
    const outcome = await respond(response, response === "YES" ? toGuestInput(withGuests) : null);
    if (outcome.ok) {
      if (response !== "YES") setGuests([]);
      const mine = outcome.invitation.registrations.find((r) => !r.isGuest);
      const text =
        response === "NO"
          ? t("rsvp.saved.no")
          : response === "MAYBE"
            ? t("rsvp.saved.maybe")
            : mine?.seatStatus === "WAITLISTED" && mine.waitlistPosition
              ? t("rsvp.saved.waitlisted", { position: mine.waitlistPosition })
              : t("rsvp.saved.yes");
      setMessage({ type: "ok", text });
      setFocusMessage((n) => n + 1);
      return;
    }
    if (outcome.problem === "invalid") {
      const mapped = serverGuestErrors(outcome.paths, withGuests.length);
      setGuestErrors(mapped);
      if (hasGuestErrors(mapped)) {
        focusFirstError();
        return;
      }
    }
    const text =
      outcome.problem === "closed"
        ? t("rsvp.error.closed")
        : outcome.problem === "expired"
          ? t("rsvp.problem.expired")
          : outcome.problem === "notFound"
            ? t("rsvp.problem.notFound")
            : outcome.problem === "network"
              ? t("rsvp.problem.network")
              : t("rsvp.error.unknown");
    setMessage({ type: "error", text });
    setFocusMessage((n) => n + 1);
  };

  return (
    <form ref={containerRef} className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Fieldset aria-describedby={responseError ? `${groupId}-error` : undefined}>
        <FieldsetLegend>{t("rsvp.question")}</FieldsetLegend>
        {responseError && <FormFieldErrorMessage id={`${groupId}-error`}>{t("rsvp.error.chooseAnswer")}</FormFieldErrorMessage>}
        {RESPONSES.map((value) => (
          <FormField
            key={value}
            type="radio"
            label={
              <FormLabel htmlFor={`${groupId}-${value}`} type="radio">
                {t(`rsvp.option.${value}`)}
              </FormLabel>
            }
            input={
              <RadioButton
                id={`${groupId}-${value}`}
                name="response"
                value={value}
                checked={response === value}
                invalid={responseError}
                aria-invalid={responseError || undefined}
                onChange={() => setResponse(value)}
              />
            }
          />
        ))}
      </Fieldset>
      {response === "YES" && (
        <Fieldset>
          <FieldsetLegend>{t("rsvp.guests")}</FieldsetLegend>
          <Paragraph className="wijknet-field-description">{t("rsvp.guestsHelp", { max: MAX_GUESTS })}</Paragraph>
          {guests.map((guest, index) => (
            <GuestRow
              key={index}
              index={index}
              guest={guest}
              errors={guestErrors[index] ?? {}}
              onChange={(patch) => setGuest(index, patch)}
              onRemove={() => {
                setGuests((list) => list.filter((_, i) => i !== index));
                setGuestErrors((list) => list.filter((_, i) => i !== index));
              }}
            />
          ))}
          {guests.length < MAX_GUESTS && (
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => setGuests((list) => [...list, { label: "", ageBand: "AGE_16_17", guardianConsent: false }])}
            >
              {t("rsvp.addGuest")}
            </Button>
          )}
        </Fieldset>
      )}
      <div ref={messageRef} tabIndex={-1} className="wijknet-focus-target" aria-live="polite">
        {message && (
          <Alert type={message.type === "ok" ? "ok" : "error"} role="none">
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        )}
      </div>
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={responding} busy={responding}>
          {responding ? t("rsvp.sending") : invitation.response ? t("rsvp.change") : t("rsvp.send")}
        </Button>
      </ButtonGroup>
      {invitation.response === "YES" && <Paragraph className="wijknet-muted">{t("rsvp.cancelHelp")}</Paragraph>}
    </form>
  );
}

function GuestRow({
  index,
  guest,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  guest: GuestValues;
  errors: GuestErrors[number];
  onChange: (patch: Partial<GuestValues>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const n = index + 1;
  return (
    <div className="wijknet-guest" role="group" aria-label={t("rsvp.guestN", { n })}>
      <Heading level={3}>{t("rsvp.guestN", { n })}</Heading>
      <TextField
        name={`guest-${index}-label`}
        label={t("rsvp.guestLabel")}
        description={t("rsvp.guestLabelHelp")}
        autoComplete="off"
        value={guest.label}
        onChange={(label) => onChange({ label })}
        error={errors.label ? t(errors.label) : undefined}
      />
      <SelectField
        name={`guest-${index}-ageBand`}
        label={t("rsvp.guestAgeBand")}
        value={guest.ageBand}
        onChange={(value) => onChange({ ageBand: value as GuestValues["ageBand"] })}
        options={GUEST_AGE_BANDS.map((band) => ({ value: band, label: t(ageBandKey(band)) }))}
        error={errors.ageBand ? t(errors.ageBand) : undefined}
      />
      {isUnder16(guest.ageBand) && (
        <CheckboxField
          name={`guest-${index}-consent`}
          label={t("rsvp.guardianConsent")}
          description={t("rsvp.guardianConsentHelp")}
          checked={guest.guardianConsent}
          onChange={(guardianConsent) => onChange({ guardianConsent })}
          error={errors.guardianConsent ? t(errors.guardianConsent) : undefined}
        />
      )}
      <Button appearance="subtle-button" type="button" onClick={onRemove}>
        {t("rsvp.removeGuest", { n })}
      </Button>
    </div>
  );
}
