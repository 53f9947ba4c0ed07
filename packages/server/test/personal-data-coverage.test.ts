/**
 * Personal-data coverage, like the authorization matrix for root fields: every model of
 * prisma/schema.prisma that holds or links to a person must have a decision in some
 * feature's `personalData` (kernel/privacy.ts), so a new table with a person in it
 * cannot ship without erasure, export and merge deciding what to do with it.
 *
 * Detection rule (a model "holds or links to a person" when any of these is true):
 *  1. it is `Contact` or `User` (the persons themselves);
 *  2. it has a relation to `Contact` or `User`: its foreign-key columns are person links;
 *  3. it has a scalar column that names a person without a relation: a name or address
 *     (`PERSON_VALUE`: email, phone, fullName, displayName, guestLabel, guardianName,
 *     recipient, or any column ending in `name`/`Name`), or an account or contact id
 *     (`PERSON_ID`: userId, contactId, reporterId, actorId, authorId, recipientId,
 *     recordedById, createdById, invitedById).
 * Rule 3 is deliberately wide (an organisation's `name` matches): such a model needs a
 * `holdsNoPerson` decision with a reason instead.
 *
 * Also checked: declared models and columns exist, every detected column is listed, a
 * model is declared once, `coveredBy` names a declared personal model, and a model linked
 * to a Contact says what a merge does with it. No database needed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectPersonalData } from "../src/kernel/compose.js";
import { isPersonal, type DeclaredDecision, type PersonalModel } from "../src/kernel/privacy.js";
import { modules } from "../src/modules/index.js";

const PERSON_MODELS = new Set(["Contact", "User"]);
const PERSON_VALUE = /^(email|phone|fullName|displayName|guestLabel|guardianName|recipient)$|name$/i;
const PERSON_ID = /^(user|contact|reporter|actor|author|recipient|recordedBy|createdBy|invitedBy)Id$/;

interface Field {
  name: string;
  type: string;
  relationFields: string[];
}
interface Model {
  name: string;
  fields: Field[];
}

/** A small reader of schema.prisma: models, their fields, and the columns of each relation. */
function readModels(): Model[] {
  const text = readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
  const models: Model[] = [];
  for (const [, name, body] of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const fields = body!
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => /^\w/.test(l))
      .map((line) => {
        const [fieldName, rawType] = line.split(/\s+/);
        const relation = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(line);
        return {
          name: fieldName!,
          type: rawType!.replace(/[?[\]]/g, ""),
          relationFields: relation ? relation[1]!.split(",").map((s) => s.trim()) : [],
        };
      });
    models.push({ name: name!, fields });
  }
  return models;
}

/** The columns of a model that identify or link a person, by the rule above. */
function personColumns(model: Model, modelNames: ReadonlySet<string>): string[] {
  const columns = new Set<string>();
  for (const f of model.fields) {
    if (PERSON_MODELS.has(f.type)) for (const c of f.relationFields) columns.add(c);
    if (!modelNames.has(f.type) && (PERSON_VALUE.test(f.name) || PERSON_ID.test(f.name))) columns.add(f.name);
  }
  return [...columns];
}

const models = readModels();
const modelNames = new Set(models.map((m) => m.name));
const decisions: DeclaredDecision[] = collectPersonalData(modules);
const byModel = new Map(decisions.map((d) => [d.model, d]));
const linksToContact = (m: Model) => m.fields.some((f) => f.type === "Contact" && f.relationFields.length > 0);

describe("personal data coverage", () => {
  it("reads the schema", () => {
    expect(models.length).toBeGreaterThan(10);
    expect(personColumns(models.find((m) => m.name === "Invitation")!, modelNames)).toEqual(
      expect.arrayContaining(["contactId", "invitedById"]),
    );
  });

  it("every model that holds or links to a person has a decision", () => {
    const missing = models
      .filter((m) => PERSON_MODELS.has(m.name) || personColumns(m, modelNames).length > 0)
      .filter((m) => !byModel.has(m.name))
      .map(
        (m) =>
          `${m.name} (person columns: ${personColumns(m, modelNames).join(", ") || "is a person"}): no module declares personalData for it`,
      );
    expect(missing).toEqual([]);
  });

  it("every declaration names a model and columns that exist, and lists every person column", () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const d of decisions) {
      if (seen.has(d.model)) problems.push(`${d.model}: declared twice (again by ${d.owner})`);
      seen.add(d.model);
      const model = models.find((m) => m.name === d.model);
      if (!model) {
        problems.push(`${d.model} (declared by ${d.owner}): no such model in schema.prisma`);
        continue;
      }
      if (!isPersonal(d)) continue;
      const scalar = new Set(model.fields.filter((f) => !modelNames.has(f.type)).map((f) => f.name));
      for (const c of d.personColumns) if (!scalar.has(c)) problems.push(`${d.model}.${c} (declared by ${d.owner}): no such column`);
      for (const c of personColumns(model, modelNames))
        if (!d.personColumns.includes(c)) problems.push(`${d.model}.${c}: a person column the declaration does not list`);
    }
    expect(problems).toEqual([]);
  });

  it("coveredBy names a declared personal model; models linked to a contact decide merge", () => {
    const personal = new Set(decisions.filter(isPersonal).map((d) => d.model));
    const problems: string[] = [];
    for (const d of decisions.filter(isPersonal) as Array<PersonalModel & { owner: string }>) {
      for (const [path, handling] of [
        ["export", d.export],
        ["erase", d.erase],
        ["merge", d.merge],
      ] as const) {
        if (handling && typeof handling === "object" && "coveredBy" in handling && !personal.has(handling.coveredBy)) {
          problems.push(`${d.model}.${path}: covered by ${handling.coveredBy}, which declares no personal data`);
        }
      }
      const model = models.find((m) => m.name === d.model);
      if (model && linksToContact(model) && d.merge === undefined) problems.push(`${d.model}: links to Contact but declares no merge`);
    }
    expect(problems).toEqual([]);
  });

  it("a person-free decision gives a reason", () => {
    for (const d of decisions) if (!isPersonal(d)) expect(d.holdsNoPerson.length, d.model).toBeGreaterThan(10);
  });
});
