import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { afterCursorWhere, contactCursor, contactOrderBy } from "../../src/modules/contact/contact.query.js";

const row = {
  id: "0195f0c0-0000-7000-8000-000000000001",
  fullName: "Noor",
  lastInteractionAt: null,
  createdAt: new Date("2026-01-01T00:00:00Z"),
};

describe("contact keyset pagination", () => {
  it("orders by the sort column then id, never-contacted first when ascending by last interaction", () => {
    expect(contactOrderBy({ field: "NAME", direction: "ASC" })).toEqual([{ fullName: "asc" }, { id: "asc" }]);
    expect(contactOrderBy({ field: "LAST_INTERACTION", direction: "ASC" })).toEqual([
      { lastInteractionAt: { sort: "asc", nulls: "first" } },
      { id: "asc" },
    ]);
    expect(contactOrderBy({ field: "LAST_INTERACTION", direction: "DESC" })[0]).toEqual({
      lastInteractionAt: { sort: "desc", nulls: "last" },
    });
  });

  it("continues after a null last interaction: later nulls by id, then every dated row (ascending)", () => {
    const sort = { field: "LAST_INTERACTION" as const, direction: "ASC" as const };
    expect(afterCursorWhere(contactCursor(row, sort), sort)).toEqual({
      OR: [{ lastInteractionAt: null, id: { gt: row.id } }, { lastInteractionAt: { not: null } }],
    });
  });

  it("continues after a dated row descending, with the undated rows last", () => {
    const sort = { field: "LAST_INTERACTION" as const, direction: "DESC" as const };
    const at = new Date("2026-03-01T10:00:00Z");
    const where = afterCursorWhere(contactCursor({ ...row, lastInteractionAt: at }, sort), sort);
    expect(where).toEqual({
      OR: [{ lastInteractionAt: { lt: at } }, { lastInteractionAt: at, id: { lt: row.id } }, { lastInteractionAt: null }],
    });
  });

  it("rejects forged cursors and cursors of another sort order with BAD_USER_INPUT on `after`", () => {
    const nameSort = { field: "NAME" as const, direction: "ASC" as const };
    const createdCursor = contactCursor(row, { field: "CREATED_AT", direction: "ASC" });
    for (const cursor of ["nonsense", Buffer.from("[1,2]").toString("base64url"), createdCursor]) {
      try {
        afterCursorWhere(cursor, nameSort);
        expect.unreachable("accepted a bad cursor");
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).extensions["field"]).toBe("after");
      }
    }
  });
});
