import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { negotiateLanguage, requestLanguage } from "../../src/core/language.js";
import { localizeError, translateMessage } from "../../src/core/error-messages/index.js";
import { nl } from "../../src/core/error-messages/nl.js";
import { readErrorMessages } from "../support/error-message-source.js";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

/**
 * Error sites whose message is not a literal, each looked at: where its texts come from and
 * why they are covered (the reader above collects those sources too).
 */
const REVIEWED_DYNAMIC = new Set<string>([
  // core/errors.ts: the helpers themselves pass their argument on.
  "core/errors.ts: message",
  // PASSWORD_MESSAGES / districtMessage / CONSENT_MESSAGES / the import's own catalogue / disclosure decisions.
  "modules/account/account.service.ts: districtMessage(problem)",
  "modules/auth/auth.service.ts: WRONG_CREDENTIALS",
  'modules/contact/contact-transfer.service.ts: importMessage(language, problem.code, { value: problem.value ?? "" })',
  "modules/network/network.service.ts: decision.reason",
  "modules/guard-feedback/guard-feedback.service.ts: decision.reason",
  // monitoring.rules.ts: `{ ok: false, reason: "…" }` decisions, read above.
  "modules/monitoring/monitoring.service.ts: range.reason",
  // graphql/: an AppError's own (already collected) message re-wrapped; graphql-js's own
  // validation and query-limit texts (developer-facing, GRAPHQL_VALIDATION_FAILED) stay English;
  // ws.ts re-wraps a message it has just translated.
  "graphql/errors.ts: err.message",
  "graphql/limits.ts: message",
  'graphql/limits.ts: e.message.replace(/ Did you mean .*$/, "")',
  "graphql/ws.ts: message",
  "modules/contact/contact.http.ts: err.message",
  // A situation-text warning's message: SITUATION_TEXT_WARNING.
  "modules/signal/signal.resolvers.ts: w.message",
]);

describe("error messages in Dutch", () => {
  const source = readErrorMessages(SRC);

  it("finds the server's error messages (the reader works)", () => {
    expect(source.messages.size).toBeGreaterThan(120);
    expect(source.messages.has("Enter a valid email address.")).toBe(true);
    expect(source.messages.has("At most {0} characters.")).toBe(true);
    expect(source.messages.has("Email address or password is incorrect.")).toBe(true);
    expect(source.messages.has("Only a calendar quarter that has ended can be asked for.")).toBe(true);
  });

  it("has a Dutch text for every message the code can send", () => {
    const missing = [...source.messages].filter(([m]) => nl[m] === undefined).map(([m, file]) => `${file}: ${m}`);
    expect(missing).toEqual([]);
  });

  it("has no Dutch text for a message the code no longer sends", () => {
    const stale = Object.keys(nl).filter((m) => !source.messages.has(m));
    expect(stale).toEqual([]);
  });

  it("has no dynamic message nobody looked at", () => {
    const unreviewed = [...new Set(source.dynamic)].filter((d) => !REVIEWED_DYNAMIC.has(d.replace(/\s+/g, " ")));
    expect(unreviewed).toEqual([]);
  });

  it("keeps every placeholder of the English text in the Dutch one", () => {
    for (const [key, text] of Object.entries(nl)) {
      const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      expect(placeholders(text), key).toBe(placeholders(key));
    }
  });

  it("translates exact messages, templates and the values put into them", () => {
    expect(translateMessage("Enter a valid email address.", "NL")).toBe("Vul een geldig e-mailadres in.");
    expect(translateMessage("At most 2000 characters.", "NL")).toBe("Hoogstens 2000 tekens.");
    expect(translateMessage("ThemeSession not found.", "NL")).toBe("Themabijeenkomst niet gevonden.");
    expect(translateMessage("Too many login attempts for this account. Try again in 42 seconds.", "NL")).toBe(
      "Te veel inlogpogingen voor dit account. Probeer het over 42 seconden opnieuw.",
    );
    expect(translateMessage("Enter a valid email address.", "EN")).toBe("Enter a valid email address.");
    // Unknown text stays as it is rather than becoming something else.
    expect(translateMessage("Something new.", "NL")).toBe("Something new.");
  });

  it("keeps the field prefix and translates situation-text warnings", () => {
    const error = localizeError(
      {
        message:
          "input.summary: Describe the situation (what is happening, where, when), not who people are: this names a nationality, religion, skin colour or origin.",
        extensions: {
          code: "BAD_USER_INPUT",
          field: "input.summary",
          warnings: [{ field: "input.summary", term: "x", message: "Required." }],
        },
      },
      "NL",
    );
    expect(error.message).toMatch(/^input\.summary: Beschrijf de situatie/);
    const warnings = error.extensions!["warnings"] as Array<{ message: string }>;
    expect(warnings[0]!.message).toBe("Verplicht.");
    expect(error.extensions?.["code"]).toBe("BAD_USER_INPUT");
  });
});

describe("the request's language", () => {
  it("follows Accept-Language with quality values, else Dutch; the account's language wins", () => {
    expect(negotiateLanguage("en-GB,en;q=0.9,nl;q=0.8")).toBe("EN");
    expect(negotiateLanguage("de-DE, nl;q=0.5, en;q=0.4")).toBe("NL");
    expect(negotiateLanguage("fr, de")).toBeNull();
    expect(negotiateLanguage("en;q=0, nl;q=0.1")).toBe("NL");
    expect(negotiateLanguage("")).toBeNull();
    expect(requestLanguage(null, "fr")).toBe("NL");
    expect(requestLanguage("NL", "en")).toBe("NL");
    expect(requestLanguage(undefined, "en-US")).toBe("EN");
  });
});
