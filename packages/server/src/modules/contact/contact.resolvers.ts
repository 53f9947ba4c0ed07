import type { Resolvers } from "../../generated/graphql.js";
import type { Context } from "../../kernel/context.js";
import { badInput } from "../../core/errors.js";
import { MAX_INTERACTIONS_SHOWN } from "./contact.loaders.js";
import type { ImportProgressEvent, ImportReport, RunImportInput } from "./contact-transfer.service.js";
import type { ColumnMapping } from "./contact.import-mapping.js";
import { displayPhone } from "./contact.rules.js";

/**
 * Progress events of a running import, as an async iterator for the subscription: one
 * small message per 500 rows, the report (errors and duplicates capped at 100) last.
 * Deliberately not on the outbox: progress is not a domain event, it has one audience
 * (this operation's socket) and nothing to replay (ARCHITECTURE.md, "Realtime").
 */
async function* runWithProgress(ctx: Context, input: RunImportInput) {
  type Event = ImportProgressEvent & { report: ImportReport | null };
  const queue: Event[] = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let done = false;
  const push = (event: Event) => {
    queue.push(event);
    wake?.();
  };
  ctx.services.contactTransfer
    .run(ctx.viewer, input, ctx.requestId, (progress) => push({ ...progress, report: null }))
    .then((report) =>
      push({
        processed: report.rowCount,
        total: report.rowCount,
        created: report.created,
        unchanged: report.unchanged,
        errorCount: report.errorCount,
        report,
      }),
    )
    .catch((err: unknown) => (failure = err))
    .finally(() => {
      done = true;
      wake?.();
    });
  for (;;) {
    const event = queue.shift();
    if (event) {
      yield { runContactImportWithProgress: event };
      if (event.report) return;
      continue;
    }
    if (failure) throw failure;
    if (done) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}

const runInput = (input: {
  importId: string;
  mapping?: ReadonlyArray<{ column: number; field: ColumnMapping["field"] }> | null;
  dryRun?: boolean | null;
  language?: string | null;
}): RunImportInput => ({
  importId: input.importId,
  mapping: input.mapping ?? null,
  dryRun: input.dryRun ?? true,
  language: input.language ?? null,
});

export const contactResolvers: Resolvers = {
  Query: {
    contacts: (_p, args, ctx) => ctx.services.contacts.list(ctx.viewer, args, ctx.requestId, ctx.loaders),
    contact: (_p, { id }, ctx) => ctx.services.contacts.get(ctx.viewer, id, ctx.requestId, ctx.loaders),
    myContact: (_p, _a, ctx) => ctx.services.contacts.mine(ctx.viewer, ctx.requestId, ctx.loaders),
    staleContacts: (_p, { districtId, first }, ctx) =>
      ctx.services.contacts.stale(ctx.viewer, districtId, first, ctx.requestId, ctx.loaders),
    contactDataExport: (_p, { id }, ctx) => ctx.services.contacts.dataExport(ctx.viewer, id, ctx.requestId),
    exportContactsCsv: (_p, { filter, language }, ctx) =>
      ctx.services.contactTransfer.exportCsv(ctx.viewer, filter, ctx.requestId, language),
    exportContactsXlsx: (_p, { filter, language }, ctx) =>
      ctx.services.contactTransfer.exportXlsx(ctx.viewer, filter, ctx.requestId, language),
    contactImport: async (_p, { id, language }, ctx) => {
      const d = await ctx.services.contactTransfer.describe(ctx.viewer, id, language);
      return {
        ...d,
        columns: d.headers.map((header, column) => ({ column, header, field: d.mapping.find((m) => m.column === column)?.field ?? null })),
      };
    },
    contactImportErrors: (_p, { id, language }, ctx) => ctx.services.contactTransfer.errorCsv(ctx.viewer, id, language),
  },
  Mutation: {
    createContact: (_p, { input }, ctx) => ctx.services.contacts.create(ctx.viewer, input, ctx.requestId, ctx.loaders),
    updateContact: (_p, { id, input }, ctx) => ctx.services.contacts.update(ctx.viewer, id, input, ctx.requestId, ctx.loaders),
    archiveContact: (_p, { id }, ctx) => ctx.services.contacts.archive(ctx.viewer, id, ctx.requestId, ctx.loaders),
    mergeContacts: (_p, { keepId, duplicateId }, ctx) => ctx.services.contacts.merge(ctx.viewer, keepId, duplicateId, ctx.requestId),
    logInteraction: (_p, { input }, ctx) => ctx.services.contacts.logInteraction(ctx.viewer, input, ctx.requestId, ctx.loaders),
    recordConsent: (_p, { input }, ctx) =>
      ctx.services.contacts.recordConsent(ctx.viewer, input.contactId, input.consent, ctx.requestId, ctx.loaders),
    withdrawConsent: (_p, { id }, ctx) => ctx.services.contacts.withdrawConsent(ctx.viewer, id, ctx.requestId, ctx.loaders),
    eraseContact: (_p, { id }, ctx) => ctx.services.contacts.erase(ctx.viewer, id, ctx.requestId),
    runContactImport: (_p, { input }, ctx) => ctx.services.contactTransfer.run(ctx.viewer, runInput(input), ctx.requestId),
  },
  Subscription: {
    runContactImportWithProgress: {
      subscribe: (_p, { input }, ctx) => runWithProgress(ctx, runInput(input)),
    },
  },
  Contact: {
    phoneDisplay: (c) => displayPhone(c.phone),
    roles: (c, _a, ctx) => ctx.loaders.rolesOfContact.load(c.id),
    districts: (c, _a, ctx) => ctx.loaders.districtsOfContact.load(c.id),
    memberships: async (c, { includeEnded }, ctx) => {
      const all = await ctx.loaders.membershipsOfContact.load(c.id);
      return includeEnded ? all : all.filter((m) => m.until === null);
    },
    consents: (c, _a, ctx) => ctx.loaders.consentsOfContact.load(c.id),
    interactions: async (c, { first }, ctx) => {
      const n = first ?? 10;
      if (n < 1 || n > MAX_INTERACTIONS_SHOWN) throw badInput("first", `Must be between 1 and ${MAX_INTERACTIONS_SHOWN}.`);
      return (await ctx.loaders.latestInteractionsOfContact.load(c.id)).slice(0, n);
    },
    stale: async (c, _a, ctx) => {
      const m = await ctx.loaders.municipality.load(c.municipalityId);
      return ctx.services.contacts.isStale(c, m?.staleContactAfterDays ?? 90);
    },
    mergedInto: (c, _a, ctx) => (c.mergedIntoId ? ctx.loaders.contact.load(c.mergedIntoId) : null),
  },
  ContactRole: {
    organisation: (r, _a, ctx) => (r.organisationId ? ctx.loaders.organisation.load(r.organisationId) : null),
  },
  Interaction: {
    author: (i, _a, ctx) => (i.authorId ? ctx.loaders.user.load(i.authorId) : null),
  },
  ImportDuplicate: {
    contact: async (d, _a, ctx) => (await ctx.loaders.contact.load(d.contactId))!,
  },
};
