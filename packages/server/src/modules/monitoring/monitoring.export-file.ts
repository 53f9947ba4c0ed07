import ExcelJS from "exceljs";
import type { SuppressedCount } from "../../core/disclosure.js";
import type { MonitoringReportModel } from "./monitoring.service.js";

type Cell = string | number;
const SUPPRESSED = { nl: "minder dan 5", en: "fewer than 5" } as const;

/**
 * The monitoring report as a workbook: one sheet per figure family, a row per period. The
 * figures are the ones the page shows (already through disclosure control): a suppressed count
 * is the words "minder dan 5", never a number; a figure that was not measured is empty.
 */
export async function reportToXlsx(report: MonitoringReportModel, language: "nl" | "en"): Promise<Buffer> {
  const nl = language === "nl";
  const count = (c: SuppressedCount | undefined): Cell => (!c ? "" : c.suppressed || c.value === null ? SUPPRESSED[language] : c.value);
  const num = (n: number | null | undefined): Cell => (n === null || n === undefined ? "" : n);
  const sheets: Array<{ name: string; header: string[]; rows: Cell[][] }> = [
    {
      name: nl ? "Signalen" : "Signals",
      header: [
        nl ? "Periode" : "Period",
        nl ? "Gemeld" : "Reported",
        nl ? "Gedeeld met politie" : "Shared with police",
        nl ? "Deel gedeeld" : "Share shared",
        ...report.periods[0]!.signals.byKind.map((k) => k.key),
        nl ? "Beoordeling mediaan (min)" : "Triage median (min)",
        nl ? "Beoordeling p90 (min)" : "Triage p90 (min)",
        nl ? "Bevestiging mediaan (min)" : "Acknowledgement median (min)",
        nl ? "Bevestiging p90 (min)" : "Acknowledgement p90 (min)",
      ],
      rows: report.periods.map((p) => [
        p.label,
        count(p.signals.total),
        count(p.signals.sharedWithPolice),
        num(p.signals.sharedShare),
        ...p.signals.byKind.map((k) => count(k.count)),
        num(p.signals.triageMedianMinutes),
        num(p.signals.triageP90Minutes),
        num(p.signals.acknowledgeMedianMinutes),
        num(p.signals.acknowledgeP90Minutes),
      ]),
    },
    {
      name: nl ? "Bijeenkomsten" : "Sessions",
      header: nl
        ? ["Periode", "Gehouden", "Uitgenodigd", "Aangemeld", "Aanwezig", "Opkomst", "Jongeren aanwezig", "Deel jongeren"]
        : ["Period", "Held", "Invited", "Confirmed", "Attended", "Turnout", "Youth attendees", "Youth share"],
      rows: report.periods.map((p) => [
        p.label,
        count(p.sessions.held),
        count(p.sessions.invited),
        count(p.sessions.confirmed),
        count(p.sessions.attended),
        num(p.sessions.turnout),
        count(p.sessions.youthAttendees),
        num(p.sessions.youthShare),
      ]),
    },
    {
      name: nl ? "Netwerken" : "Networks",
      header: nl
        ? ["Periode", "Soort", "Leden", "Erbij", "Vertrokken", "Verloop", "Groei", "Jongeren", "Deel jongeren", "Zonder recent contact"]
        : ["Period", "Kind", "Members", "Joined", "Left", "Churn", "Growth", "Youth", "Youth share", "Stale"],
      rows: report.periods.flatMap((p) =>
        p.networks.map((n) => [
          p.label,
          n.kind ?? (nl ? "alle" : "all"),
          count(n.members),
          count(n.joined),
          count(n.left),
          num(n.churn),
          num(n.growth),
          count(n.youthMembers),
          num(n.youthShare),
          count(n.staleMembers),
        ]),
      ),
    },
    {
      name: nl ? "Ervaringen" : "Experiences",
      header: nl
        ? ["Periode", "Antwoorden", "Gehoord", "Vertrouwen", "Aanraden", "Toestemming ingetrokken", "Doorverwijzingen"]
        : ["Period", "Answers", "Felt heard", "Trust", "Recommend", "Consents withdrawn", "Referrals"],
      rows: report.periods.map((p) => [
        p.label,
        count(p.experience.answers),
        num(p.experience.feltHeard),
        num(p.experience.trustChange),
        num(p.experience.wouldRecommend),
        count(p.consentsWithdrawn),
        count(p.referrals),
      ]),
    },
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "wijknet";
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(s.header);
    for (const r of s.rows) sheet.addRow(r);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((col) => {
      col.width = 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
