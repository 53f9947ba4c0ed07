import { describe, expect, it } from "vitest";
import {
  ReadyForQueryTracker,
  SYNC,
  errorResponse,
  quoteIdent,
  replaceCString,
  scopeStatementNames,
  simpleQuery,
} from "../src/messages.js";
import { message } from "./support/wire.js";

/** Splits a message into type, declared length and body, checking the length is right. */
function parse(msg: Buffer): { type: string; body: string } {
  expect(msg.readInt32BE(1)).toBe(msg.length - 1);
  return { type: String.fromCharCode(msg[0]!), body: msg.toString("latin1", 5) };
}

const readyForQuery = (status: string) => message("Z", status);
const commandComplete = (tag: string) => message("C", `${tag}\0`);
const dataRow = (value: string) => {
  const v = Buffer.from(value, "latin1");
  const len = Buffer.alloc(4);
  len.writeInt32BE(v.length, 0);
  return message("D", Buffer.concat([Buffer.from([0, 1]), len, v]));
};

function track(chunks: Buffer[]): ReadyForQueryTracker["status"] {
  const t = new ReadyForQueryTracker();
  for (const c of chunks) t.feed(new Uint8Array(c));
  return t.status;
}

describe("ReadyForQueryTracker", () => {
  const response = Buffer.concat([dataRow("x"), commandComplete("SELECT 1"), readyForQuery("T")]);

  it("reports the status of a final ReadyForQuery: I, T or E", () => {
    expect(track([Buffer.concat([commandComplete("COMMIT"), readyForQuery("I")])])).toBe("I");
    expect(track([response])).toBe("T");
    expect(track([Buffer.concat([message("E", "SERROR\0\0"), readyForQuery("E")])])).toBe("E");
  });

  it("finds ReadyForQuery however the response is cut", () => {
    for (let cut = 0; cut <= response.length; cut++) {
      expect(track([response.subarray(0, cut), response.subarray(cut)]), `cut at ${cut}`).toBe("T");
    }
    expect(track([...response].map((b) => Buffer.from([b])))).toBe("T");
  });

  it("is null when the response does not end with ReadyForQuery (mid-batch, or a message after it)", () => {
    expect(track([])).toBeNull();
    expect(track([message("1", "")])).toBeNull(); // ParseComplete, no Sync yet
    expect(track([Buffer.concat([readyForQuery("I"), message("N", "SNOTICE\0\0")])])).toBeNull();
  });

  it("is not fooled by 'Z' and 'I' bytes inside other messages", () => {
    // A DataRow whose value ends in "ZI": byte-wise it looks like a Z…I at the end.
    expect(track([dataRow("Z\0\0\0\x05I")])).toBeNull();
    expect(track([Buffer.concat([readyForQuery("I"), dataRow("Z\0\0\0\x05I")])])).toBeNull();
  });

  it("follows the last of several responses in one stream", () => {
    const two = Buffer.concat([commandComplete("BEGIN"), readyForQuery("T"), commandComplete("COMMIT"), readyForQuery("I")]);
    expect(track([two])).toBe("I");
    const t = new ReadyForQueryTracker();
    t.feed(new Uint8Array(two.subarray(0, 20)));
    expect(t.status).toBe("T");
    t.feed(new Uint8Array(two.subarray(20)));
    expect(t.status).toBe("I");
  });

  it("ignores a ReadyForQuery with an unknown or missing status", () => {
    expect(track([readyForQuery("X")])).toBeNull();
    // the status byte must be this message's, not the previous message's last byte
    expect(track([Buffer.concat([message("C", "I"), message("Z", "")])])).toBeNull();
  });
});

describe("message builders", () => {
  it("simpleQuery is a Query message with a NUL-terminated UTF-8 string and a byte length", () => {
    const q = simpleQuery("SELECT 'é'");
    expect(parse(q).type).toBe("Q");
    expect(q.subarray(5).equals(Buffer.from("SELECT 'é'\0", "utf8"))).toBe(true);
    expect(q.readInt32BE(1)).toBe(4 + Buffer.byteLength("SELECT 'é'", "utf8") + 1);
  });

  it("SYNC is the 5-byte Sync message", () => {
    expect(parse(SYNC)).toEqual({ type: "S", body: "" });
  });

  it("errorResponse is a FATAL ErrorResponse with code and message fields", () => {
    const e = errorResponse("57P01", "stopping");
    const { type, body } = parse(e);
    expect(type).toBe("E");
    expect(body).toBe("SFATAL\0VFATAL\0C57P01\0Mstopping\0\0");
  });

  it("quoteIdent doubles embedded quotes", () => {
    expect(quoteIdent("c1_s")).toBe('"c1_s"');
    expect(quoteIdent('c1_a"b""')).toBe('"c1_a""b"""""');
  });
});

describe("scopeStatementNames", () => {
  const parseMsg = (name: string) => message("P", `${name}\0SELECT $1::int\0\0\x01\0\0\0\x17`);
  const bind = (portal: string, stmt: string) => message("B", `${portal}\0${stmt}\0\0\0\0\x01\0\0\0\x011\0\0`);
  const describe_ = (kind: string, name: string) => message("D", `${kind}${name}\0`);
  const close = (kind: string, name: string) => message("C", `${kind}${name}\0`);

  it("prefixes a Parse's statement name, keeps the rest, fixes the length, and records the name", () => {
    const statements = new Set<string>();
    const out = scopeStatementNames(parseMsg("s1"), "c7_", statements);
    expect(parse(out)).toEqual({ type: "P", body: "c7_s1\0SELECT $1::int\0\0\x01\0\0\0\x17" });
    expect([...statements]).toEqual(["c7_s1"]);
  });

  it("leaves the unnamed statement alone (same buffer, nothing recorded)", () => {
    const statements = new Set<string>();
    const msg = parseMsg("");
    expect(scopeStatementNames(msg, "c7_", statements)).toBe(msg);
    const b = bind("", "");
    expect(scopeStatementNames(b, "c7_", statements)).toBe(b);
    expect(statements.size).toBe(0);
  });

  it("prefixes the statement of a Bind but not its portal", () => {
    const out = scopeStatementNames(bind("p1", "s1"), "c7_", new Set());
    expect(parse(out)).toEqual({ type: "B", body: "p1\0c7_s1\0\0\0\0\x01\0\0\0\x011\0\0" });
  });

  it("prefixes Describe and Close of a statement; Close forgets it; portals are untouched", () => {
    const statements = new Set<string>();
    scopeStatementNames(parseMsg("s1"), "c7_", statements);
    scopeStatementNames(parseMsg("s2"), "c7_", statements);
    expect(parse(scopeStatementNames(describe_("S", "s1"), "c7_", statements)).body).toBe("Sc7_s1\0");
    expect([...statements]).toEqual(["c7_s1", "c7_s2"]);
    expect(parse(scopeStatementNames(close("S", "s1"), "c7_", statements)).body).toBe("Sc7_s1\0");
    expect([...statements]).toEqual(["c7_s2"]);
    for (const m of [describe_("P", "p1"), close("P", "s2")]) expect(scopeStatementNames(m, "c7_", statements)).toBe(m);
    expect([...statements]).toEqual(["c7_s2"]);
  });

  it("passes other messages and malformed ones through unchanged", () => {
    const statements = new Set<string>();
    for (const m of [message("Q", "SELECT 1\0"), SYNC, message("E", "\0\0\0\0\0"), message("P", "no-terminator")]) {
      expect(scopeStatementNames(m, "c7_", statements)).toBe(m);
    }
    expect(statements.size).toBe(0);
  });

  it("keeps non-ASCII name bytes as they are (any client encoding)", () => {
    const name = Buffer.from([0x73, 0xe9, 0xff]); // not valid UTF-8
    const msg = message("P", Buffer.concat([name, Buffer.from("\0SELECT 1\0\0\0", "latin1")]));
    const out = scopeStatementNames(msg, "c7_", new Set());
    expect(out.subarray(5, 5 + 6).equals(Buffer.concat([Buffer.from("c7_"), name]))).toBe(true);
    expect(out.readInt32BE(1)).toBe(out.length - 1);
  });
});

describe("replaceCString", () => {
  it("can shorten a string and fixes the length", () => {
    const out = replaceCString(message("C", "Slong_name\0"), 6, () => "x");
    expect(parse(out)).toEqual({ type: "C", body: "Sx\0" });
  });
});
