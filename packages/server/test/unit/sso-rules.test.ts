import { describe, expect, it } from "vitest";
import { emailDomainAllowed, parseDomains, parseRoleMap, roleFromClaim } from "../../src/modules/sso/sso.rules.js";

describe("single sign-on rules", () => {
  it("allows exactly the listed domains: no subdomains, no look-alikes", () => {
    const allowed = parseDomains(" Utrecht.nl, politie.nl ,");
    expect(allowed).toEqual(["utrecht.nl", "politie.nl"]);
    expect(emailDomainAllowed("inge@UTRECHT.nl", allowed)).toBe(true);
    expect(emailDomainAllowed("inge@evil.utrecht.nl", allowed)).toBe(false);
    expect(emailDomainAllowed("inge@utrecht.nl.evil.example", allowed)).toBe(false);
    expect(emailDomainAllowed("utrecht.nl", allowed)).toBe(false);
    expect(emailDomainAllowed("a@b@utrecht.nl", allowed)).toBe(true); // the domain is what follows the last @
  });

  it("maps claim values to roles, the strongest wins; a wrong map fails at boot", () => {
    const map = parseRoleMap("wijkagenten:POLICE_LIAISON, coordinatoren:COORDINATOR");
    expect(roleFromClaim(["wijkagenten", "coordinatoren"], map)).toBe("COORDINATOR");
    expect(roleFromClaim("wijkagenten", map)).toBe("POLICE_LIAISON");
    expect(roleFromClaim(["iets-anders"], map)).toBeNull();
    expect(roleFromClaim(undefined, map)).toBeNull();
    expect(() => parseRoleMap("groep:KONING")).toThrow(/OIDC_ROLE_MAP/);
  });
});
