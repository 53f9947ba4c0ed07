import type { Tx } from "../platform/db/prisma.js";
import { handleByFor } from "../modules/complaint/complaint.rules.js";

/** The complaints handler of the demo (outside enforcement and police). */
export const DEMO_COMPLAINTS_HANDLER_EMAIL = "klachten@wijknet.example";
export const DEMO_POLICE_NAME = "Politie Midden-Nederland";
export const DEMO_ENFORCEMENT_NAME = "Handhaving (VTH)";

/** Fictional wijkboa's: one per district, first names only in the display name. */
const BOA_NAMES = ["Jesse", "Fatima", "Ruben", "Ilse", "Daan", "Yara", "Bram", "Sara", "Thijs", "Noa"];

/**
 * Partner organisations (the police and the municipality's enforcement), a wijkboa per
 * district, the complaints handler and a few complaints from the demo ally. Fictional people;
 * every account has the demo password.
 */
export async function seedDemoPartners(
  tx: Tx,
  opts: {
    municipalityId: string;
    districts: ReadonlyArray<{ code: string; name: string; id: string }>;
    passwordHash: string;
    allyUserId: string | null;
    now: Date;
  },
): Promise<{ boas: number; complaints: number }> {
  const { municipalityId, districts, passwordHash, now } = opts;
  const police = await tx.partnerOrganisation.create({ data: { municipalityId, kind: "POLICE", name: DEMO_POLICE_NAME } });
  const enforcement = await tx.partnerOrganisation.create({
    data: { municipalityId, kind: "ENFORCEMENT", name: DEMO_ENFORCEMENT_NAME },
  });
  // The demo's police liaisons belong to the police.
  await tx.user.updateMany({ where: { municipalityId, role: "POLICE_LIAISON" }, data: { partnerOrganisationId: police.id } });
  let i = 0;
  for (const d of districts) {
    await tx.user.create({
      data: {
        municipalityId,
        email: `boa.${d.code}@wijknet.example`,
        displayName: `Wijkboa ${BOA_NAMES[i % BOA_NAMES.length]} (${d.name})`,
        passwordHash,
        role: "POLICE_LIAISON",
        partnerOrganisationId: enforcement.id,
        districts: { create: [{ districtId: d.id }] },
      },
    });
    i++;
  }
  const handler = await tx.user.create({
    data: {
      municipalityId,
      email: DEMO_COMPLAINTS_HANDLER_EMAIL,
      displayName: "Klachtbehandelaar Lotte Smit",
      passwordHash,
      role: "COMPLAINTS_HANDLER",
    },
  });
  const overvecht = districts.find((d) => d.code === "overvecht")?.id ?? null;
  const DAY = 86_400_000;
  const complaints = [
    {
      concerns: "ENFORCEMENT" as const,
      description: "Bij het winkelcentrum worden steeds dezelfde jongeren door de boa's aangesproken, de rest niet.",
      daysAgo: 3,
      referralWanted: true,
      acknowledged: false,
    },
    {
      concerns: "MUNICIPALITY" as const,
      description: "Aan het loket werd mijn buurvrouw niet geholpen en werd ze weggestuurd zonder uitleg.",
      daysAgo: 20,
      referralWanted: false,
      acknowledged: true,
    },
    {
      concerns: "POLICE" as const,
      description: "Bij een controle op het plein werd alleen onze groep gefouilleerd.",
      daysAgo: 45,
      referralWanted: true,
      acknowledged: true,
    },
  ];
  for (const c of complaints) {
    const receivedAt = new Date(now.getTime() - c.daysAgo * DAY);
    const created = await tx.complaint.create({
      data: {
        municipalityId,
        districtId: overvecht,
        concerns: c.concerns,
        description: c.description,
        reporterId: opts.allyUserId,
        referralWanted: c.referralWanted,
        receivedAt,
        handleBy: handleByFor(receivedAt, 6),
        status: c.acknowledged ? "ACKNOWLEDGED" : "RECEIVED",
        acknowledgedAt: c.acknowledged ? new Date(receivedAt.getTime() + 2 * DAY) : null,
      },
    });
    await tx.complaintUpdate.createMany({
      data: [
        { complaintId: created.id, authorId: opts.allyUserId, kind: "RECEIVED", createdAt: receivedAt },
        ...(c.referralWanted
          ? [{ complaintId: created.id, authorId: opts.allyUserId, kind: "REFERRAL_OFFERED" as const, createdAt: receivedAt }]
          : []),
        ...(c.acknowledged
          ? [
              {
                complaintId: created.id,
                authorId: handler.id,
                kind: "ACKNOWLEDGED" as const,
                createdAt: new Date(receivedAt.getTime() + 2 * DAY),
              },
            ]
          : []),
      ],
    });
  }
  return { boas: districts.length, complaints: complaints.length };
}
