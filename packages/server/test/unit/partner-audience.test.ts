import { describe, expect, it } from "vitest";
import type { Viewer } from "../../src/core/viewer.js";
import { feedViewFor, mayKnowReporter, sharedWithAudience } from "../../src/modules/signal/signal.policy.js";
import { handleByFor, isOverdue } from "../../src/modules/complaint/complaint.rules.js";

const ENF = "0190a000-0000-7000-8000-0000000000e1";
const base: Viewer = {
  userId: "u",
  sessionId: "s",
  municipalityId: "m",
  role: "POLICE_LIAISON",
  districtIds: ["d"],
  contactId: null,
  expiresAt: new Date(0),
};
const police = { ...base, partnerOrganisationId: "p", partnerKind: "POLICE" as const };
const boa = { ...base, partnerOrganisationId: ENF, partnerKind: "ENFORCEMENT" as const };
const legacy = base; // a liaison from before partner organisations: police

describe("partner audiences", () => {
  it("police (and a liaison without organisation) see SHARED_WITH_POLICE; another organisation sees its id only", () => {
    expect(sharedWithAudience(police, "SHARED_WITH_POLICE", [])).toBe(true);
    expect(sharedWithAudience(legacy, "SHARED_WITH_POLICE", [])).toBe(true);
    expect(sharedWithAudience(police, "COORDINATION_ONLY", [ENF])).toBe(false);
    expect(sharedWithAudience(boa, "SHARED_WITH_POLICE", [])).toBe(false);
    expect(sharedWithAudience(boa, "COORDINATION_ONLY", [ENF])).toBe(true);
    expect(feedViewFor(boa, "m", "d", "COORDINATION_ONLY", [ENF])).toBe("police");
    expect(feedViewFor(boa, "m", "other-district", "COORDINATION_ONLY", [ENF])).toBeNull();
    expect(feedViewFor(boa, "other-municipality", "d", "COORDINATION_ONLY", [ENF])).toBeNull();
  });

  it("the reporter is known per audience", () => {
    const signal = { reporterIdentitySharable: true, reporterIdentityKinds: ["POLICE" as const] };
    expect(mayKnowReporter("police", signal, police)).toBe(true);
    expect(mayKnowReporter("police", signal, boa)).toBe(false);
    expect(mayKnowReporter("police", { reporterIdentitySharable: false, reporterIdentityKinds: ["ENFORCEMENT"] }, boa)).toBe(true);
  });
});

describe("complaint terms", () => {
  it("six weeks from receipt by default (Awb 9:11 lid 1); overdue only while open", () => {
    const at = new Date("2026-01-05T10:00:00Z");
    const by = handleByFor(at, 6);
    expect(by.toISOString()).toBe("2026-02-16T10:00:00.000Z");
    expect(isOverdue({ closedAt: null, handleBy: by }, new Date("2026-02-16T10:00:01Z"))).toBe(true);
    expect(isOverdue({ closedAt: new Date(), handleBy: by }, new Date("2026-03-01T00:00:00Z"))).toBe(false);
    expect(isOverdue({ closedAt: null, handleBy: by }, new Date("2026-02-16T09:59:59Z"))).toBe(false);
  });
});
