import { describe, expect, it } from "vitest";
import { afterQuietHours, effectiveRules, endpointAllowed, retryDelay } from "../../src/modules/alert-delivery/alert-delivery.rules.js";

const quiet = { quietFromMinute: 22 * 60, quietUntilMinute: 7 * 60 };

describe("alert delivery rules", () => {
  it("quiet hours (Europe/Amsterdam) hold back all but CRITICAL until they end, also across midnight", () => {
    // 23:30 in Amsterdam in winter = 22:30 UTC; the window ends at 07:00 local = 06:00 UTC.
    const night = new Date("2026-12-02T22:30:00Z");
    expect(afterQuietHours(night, "HIGH", quiet).toISOString()).toBe("2026-12-03T06:00:00.000Z");
    expect(afterQuietHours(night, "CRITICAL", quiet)).toBe(night);
    const day = new Date("2026-12-02T12:00:00Z");
    expect(afterQuietHours(day, "LOW", quiet)).toBe(day);
    expect(afterQuietHours(night, "LOW", { quietFromMinute: null, quietUntilMinute: null })).toBe(night);
  });

  it("defaults per role: liaisons and coordinators get push and email, the fallback delay from the config", () => {
    expect(effectiveRules("POLICE_LIAISON", null, 300)).toMatchObject({ pushEnabled: true, emailEnabled: true, emailAfterSeconds: 300 });
    expect(effectiveRules("ALLY", null, 300).emailEnabled).toBe(false);
    const own = {
      pushEnabled: false,
      emailEnabled: true,
      emailAfterSeconds: 60,
      quietFromMinute: null,
      quietUntilMinute: null,
      pushShowsSummary: false,
    };
    expect(effectiveRules("POLICE_LIAISON", own, 300)).toMatchObject({ pushEnabled: false, emailAfterSeconds: 60 });
    expect(effectiveRules("POLICE_LIAISON", { ...own, emailAfterSeconds: null }, 300).emailAfterSeconds).toBe(300);
  });

  it("accepts endpoints only on listed push services, https except on loopback", () => {
    const list = "fcm.googleapis.com,*.push.services.mozilla.com";
    expect(endpointAllowed("https://fcm.googleapis.com/fcm/send/abc", list)?.hostname).toBe("fcm.googleapis.com");
    expect(endpointAllowed("https://updates.push.services.mozilla.com/wpush/v2/x", list)).not.toBeNull();
    expect(endpointAllowed("http://fcm.googleapis.com/fcm/send/abc", list)).toBeNull();
    expect(endpointAllowed("https://evil.example/fcm.googleapis.com", list)).toBeNull();
    expect(endpointAllowed("https://push.services.mozilla.com.evil.example/x", list)).toBeNull();
    expect(endpointAllowed("https://user:pw@fcm.googleapis.com/x", list)).toBeNull();
    expect(endpointAllowed("http://127.0.0.1:9/push/x", "127.0.0.1")).not.toBeNull();
    expect(endpointAllowed("http://10.0.0.1/push/x", "10.0.0.1")).toBeNull();
  });

  it("backs off exponentially", () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(100, n))).toEqual([100, 200, 400, 800]);
  });
});
