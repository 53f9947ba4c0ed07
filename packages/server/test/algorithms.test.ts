import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { graphql } from "./generated/index.js";

const SETTINGS = graphql(`query AlgorithmSettingsPublic { algorithmSettings { algorithm key value unit } }`);

describe("algorithmSettings (the public page's figures)", () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ ALERT_ESCALATE_AFTER: "CRITICAL:2m,HIGH:15m,MEDIUM:90m,LOW:off", RETENTION_SIGNAL_ANONYMISE_DAYS: "400" });
  });
  afterAll(() => app?.stop());

  it("answers without login, with the values this server runs with (not the defaults)", async () => {
    const res = await gql(app, SETTINGS, {});
    expect(res.errors).toBeUndefined();
    const byKey = Object.fromEntries(res.data!.algorithmSettings.map((s) => [s.key, s]));
    expect(byKey["escalation.after.CRITICAL"]).toEqual({
      algorithm: "escalation",
      key: "escalation.after.CRITICAL",
      value: "2",
      unit: "minutes",
    });
    expect(byKey["escalation.after.MEDIUM"]?.value).toBe("90");
    expect(byKey["escalation.after.LOW"]).toMatchObject({ value: "off", unit: null });
    expect(byKey["retention.signalAnonymise"]).toMatchObject({ value: "400", unit: "days" });
    expect(byKey["disclosure.suppressionThreshold"]).toMatchObject({ value: "5", unit: "people" });
    expect(byKey["guard.source.world-countries"]?.unit).toBe("version");
  });
});
