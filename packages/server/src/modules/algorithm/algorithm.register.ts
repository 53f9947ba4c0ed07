import type { AlgorithmId } from "./algorithm.rules.js";

/** docs/algorithms/register.json as its schema (register.schema.json) describes it. */
export interface AlgorithmRegister {
  standard: string;
  algorithms: AlgorithmRegisterEntry[];
}

export interface AlgorithmRegisterEntry {
  id: AlgorithmId;
  name: string;
  organization: string;
  description_short: string;
  description: string;
  type: string;
  status: string;
  goal: string;
  impact: string;
  proportionality: string;
  human_intervention: string;
  risks: string;
  lawful_basis: string;
  source_data: string;
  methods_and_models: string;
  decision_making_process: string;
  objection_procedure: string;
  links: Array<{ title: string; url: string }>;
  contact_email: string;
  code: string[];
  settings: Array<{ key: string; value: string; unit: string | null; description: string }>;
}

/** Register fields in the order and with the Dutch headings of the algorithm register. */
const SECTIONS: ReadonlyArray<[keyof AlgorithmRegisterEntry, string]> = [
  ["description", "Uitgebreide beschrijving"],
  ["goal", "Doel"],
  ["impact", "Impact"],
  ["proportionality", "Afwegingen (proportionaliteit)"],
  ["human_intervention", "Menselijke tussenkomst"],
  ["risks", "Risicobeheer"],
  ["lawful_basis", "Wettelijke basis"],
  ["source_data", "Bronnen (data)"],
  ["methods_and_models", "Verwerking (methoden)"],
  ["decision_making_process", "Besluitvorming"],
  ["objection_procedure", "Bezwaar en vragen"],
];

const UNITS_NL: Record<string, string> = {
  days: "dagen",
  hours: "uur",
  minutes: "minuten",
  seconds: "seconden",
  letters: "letters",
  people: "personen",
  version: "versie",
};

const cell = (s: string) => s.replace(/\|/g, "\\|");

/**
 * docs/algorithms/README.md, rendered from the register (`pnpm --filter @wijknet/server
 * register:render`); the register test fails when the committed page differs.
 */
export function renderAlgorithmRegister(register: AlgorithmRegister): string {
  const out: string[] = [
    "<!-- Generated from register.json by `pnpm --filter @wijknet/server register:render`. Do not edit. -->",
    "# Algoritmeregister wijknet",
    "",
    register.standard,
    "",
    "De instellingen hieronder zijn de standaardwaarden in de code. Een test",
    "(`packages/server/test/unit/algorithm-register.test.ts`) faalt als de code een andere waarde heeft",
    "dan deze beschrijving. De waarden waarmee een server echt draait, staan op de openbare pagina",
    "`/hoe-werkt-wijknet` (GraphQL-query `algorithmSettings`).",
    "",
    ...register.algorithms.map((a) => `- [${a.name}](#${a.id})`),
    "",
  ];
  for (const a of register.algorithms) {
    out.push(`<a id="${a.id}"></a>`, "", `## ${a.name}`, "", `_${a.description_short}_`, "");
    out.push(`| Veld | Waarde |`, `| --- | --- |`);
    out.push(`| Organisatie | ${cell(a.organization)} |`, `| Type | ${a.type} |`, `| Status | ${a.status} |`);
    out.push(`| Contact | ${a.contact_email} |`, `| Code | ${a.code.map((c) => `\`${c}\``).join(", ")} |`, "");
    for (const [field, heading] of SECTIONS) out.push(`### ${heading}`, "", String(a[field]), "");
    out.push("### Instellingen", "", "| Instelling | Waarde | Betekenis |", "| --- | --- | --- |");
    for (const s of a.settings) {
      const unit = s.unit ? ` ${UNITS_NL[s.unit] ?? s.unit}` : "";
      out.push(`| \`${s.key}\` | ${cell(s.value)}${unit} | ${cell(s.description)} |`);
    }
    out.push("", "### Links", "", ...a.links.map((l) => `- [${l.title}](${l.url})`), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
