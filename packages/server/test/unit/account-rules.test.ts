import { describe, expect, it } from "vitest";
import { districtProblem, passwordProblem, roleChangeRefusal } from "../../src/modules/account/account.rules.js";

describe("password rules (NIST SP 800-63B)", () => {
  it("needs 12 characters, counted as characters, and no more than 1024", () => {
    expect(passwordProblem("kort genoeg")).toBe("TOO_SHORT"); // 11
    expect(passwordProblem("kort genoeg?")).toBeNull(); // 12
    expect(passwordProblem("zeeën en 🙂🙂!")).toBeNull(); // 12 code points, 14 UTF-16 units
    expect(passwordProblem("🙂🙂🙂🙂🙂🙂")).toBe("TOO_SHORT"); // 6 characters though 12 UTF-16 units
    expect(passwordProblem("x".repeat(1025))).toBe("TOO_LONG");
  });

  it("refuses common and breached passwords from the shipped list, case-insensitively, also with digits after", () => {
    for (const p of [
      "passwordpassword",
      "1234567890123",
      "987654321098",
      "1qaz2wsx3edc",
      "Qwerty123456",
      "iloveyou12345",
      "aaaaaaaaaaaaaaa",
      "abababababab",
      "abcdefghijklm",
    ]) {
      expect(passwordProblem(p), p).toBe("COMMON");
    }
  });

  it("refuses the account's own address or name, and the app's name", () => {
    expect(passwordProblem("jan.jansen@utrecht.example", ["jan.jansen@utrecht.example", "Jan Jansen"])).toBe("CONTEXT");
    expect(passwordProblem("janjansen2026", ["jan@x.example", "Jan Jansen"])).toBe("CONTEXT");
    expect(passwordProblem("wijknet123456")).toBe("CONTEXT");
  });

  it("has no composition rules: a long lower-case passphrase is fine", () => {
    expect(passwordProblem("fietsen langs de vecht in mei")).toBeNull();
  });
});

describe("role changes", () => {
  const base = { actorId: "a", targetId: "b", targetActive: true, activeAdmins: 2 } as const;
  it("an admin cannot raise their own role; others' roles can go up", () => {
    expect(roleChangeRefusal({ ...base, targetId: "a", from: "COORDINATOR", to: "ADMIN" })).toBe("OWN_ROLE_RAISED");
    expect(roleChangeRefusal({ ...base, from: "COORDINATOR", to: "ADMIN" })).toBeNull();
  });
  it("the last active admin cannot be demoted or disabled, by themselves or another", () => {
    expect(roleChangeRefusal({ ...base, from: "ADMIN", to: "COORDINATOR", activeAdmins: 1 })).toBe("LAST_ADMIN");
    expect(roleChangeRefusal({ ...base, targetId: "a", from: "ADMIN", to: "ALLY", activeAdmins: 1 })).toBe("LAST_ADMIN");
    expect(roleChangeRefusal({ ...base, from: "ADMIN", to: null, activeAdmins: 1 })).toBe("LAST_ADMIN");
    expect(roleChangeRefusal({ ...base, from: "ADMIN", to: null, activeAdmins: 2 })).toBeNull();
    // A disabled admin does not count, so demoting one is fine.
    expect(roleChangeRefusal({ ...base, from: "ADMIN", to: "ALLY", targetActive: false, activeAdmins: 1 })).toBeNull();
  });
});

describe("districts per role", () => {
  it("municipality-wide roles have none; only liaisons are backups; no duplicates", () => {
    expect(districtProblem("COORDINATOR", [{ districtId: "d", backup: false }])).toBe("NOT_FOR_ROLE");
    expect(districtProblem("ALLY", [{ districtId: "d", backup: true }])).toBe("BACKUP_NOT_LIAISON");
    expect(districtProblem("POLICE_LIAISON", [{ districtId: "d", backup: true }])).toBeNull();
    expect(
      districtProblem("POLICE_LIAISON", [
        { districtId: "d", backup: true },
        { districtId: "d", backup: false },
      ]),
    ).toBe("DUPLICATE");
  });
});
