import type { Prisma } from "../generated/prisma/client.js";
import type { AgeBand, RsvpResponse, SeatStatus, Attendance } from "../generated/prisma/enums.js";
import { generateInvitationToken, hashInvitationToken } from "../modules/session/session.rules.js";

type Tx = Prisma.TransactionClient;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Seat {
  seat: SeatStatus;
  attendance?: Attendance;
  guest?: { label: string; ageBand: AgeBand; consent?: boolean };
}
interface Invitee {
  response: RsvpResponse | null;
  seats?: Seat[];
}

/**
 * Demo theme sessions: upcoming and past, with invitations in every state (no answer,
 * confirmed, waitlisted, no, maybe, cancelled, youth guests, attended and no-show). Uses
 * the contacts and networks that exist; creates a few fictional contacts when there are
 * too few. Returns one working RSVP link token, for trying the page.
 */
export async function seedDemoSessions(
  tx: Tx,
  municipalityId: string,
  opts: { now?: Date; log?: (msg: string) => void } = {},
): Promise<{ sessions: number; invitations: number; sampleToken: string }> {
  const now = opts.now ?? new Date();
  const districts = new Map((await tx.district.findMany({ where: { municipalityId } })).map((d) => [d.code, d.id]));
  let contacts = await tx.contact.findMany({
    where: { municipalityId, status: "ACTIVE", anonymisedAt: null, mergedIntoId: null },
    select: { id: true, ageBand: true },
    orderBy: { createdAt: "asc" },
    take: 14,
  });
  if (contacts.length < 14) {
    const extra = Array.from({ length: 14 - contacts.length }, (_, i) => ({
      municipalityId,
      fullName: `Demo deelnemer ${i + 1}`,
      email: `deelnemer${i + 1}@wijknet.example`,
      ageBand: (i % 4 === 3 ? "AGE_18_23" : "ADULT") as AgeBand,
    }));
    contacts = [...contacts, ...(await tx.contact.createManyAndReturn({ data: extra, select: { id: true, ageBand: true } }))];
  }
  const network = await tx.network.findFirst({ where: { municipalityId, archivedAt: null }, select: { id: true } });
  const coordinator = await tx.user.findFirst({ where: { municipalityId, role: "COORDINATOR" }, select: { id: true } });

  let invitations = 0;
  let sampleToken = "";
  const session = async (data: Omit<Prisma.ThemeSessionUncheckedCreateInput, "municipalityId">, invitees: Invitee[]) => {
    const s = await tx.themeSession.create({ data: { municipalityId, createdById: coordinator?.id ?? null, ...data } });
    // Answers came in before the session, a minute apart, in list order (the queue order).
    let queue = Math.min(s.startsAt.getTime() - 5 * DAY, now.getTime() - DAY);
    const regs: Prisma.RegistrationCreateManyInput[] = [];
    for (const [i, inv] of invitees.entries()) {
      const contact = contacts[i % contacts.length]!;
      const token = generateInvitationToken();
      const respondedAt = inv.response ? new Date(queue) : null;
      const invitation = await tx.invitation.create({
        data: {
          sessionId: s.id,
          contactId: contact.id,
          viaNetworkId: i % 2 === 0 ? (network?.id ?? null) : null,
          tokenHash: hashInvitationToken(token),
          tokenExpiresAt: new Date(s.endsAt.getTime() + 14 * DAY),
          response: inv.response,
          respondedAt,
          invitedById: coordinator?.id ?? null,
        },
      });
      if (!sampleToken && s.startsAt > now && inv.response === null) sampleToken = token;
      invitations++;
      for (const seat of inv.seats ?? []) {
        queue += 60_000;
        regs.push({
          sessionId: s.id,
          invitationId: invitation.id,
          isGuest: Boolean(seat.guest),
          guestLabel: seat.guest?.label ?? null,
          ageBand: seat.guest?.ageBand ?? contact.ageBand,
          guardianConsentAt: seat.guest?.consent ? new Date(queue) : null,
          seatStatus: seat.seat,
          queuedAt: new Date(queue),
          confirmedAt: seat.seat === "CONFIRMED" ? new Date(queue) : null,
          attendance: seat.attendance ?? "UNKNOWN",
          checkedInAt: seat.attendance === "ATTENDED" ? s.startsAt : null,
        });
      }
    }
    await tx.registration.createMany({ data: regs });
    return s;
  };
  const yes: Invitee = { response: "YES", seats: [{ seat: "CONFIRMED" }] };
  const waiting: Invitee = { response: "YES", seats: [{ seat: "WAITLISTED" }] };
  const attended = (a: Attendance): Invitee => ({ response: "YES", seats: [{ seat: "CONFIRMED", attendance: a }] });

  const day = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  // Upcoming and full: confirmed, waitlisted, guests, no, maybe, cancelled, no answer.
  const full = day(9, 17);
  await session(
    {
      districtId: districts.get("overvecht") ?? null,
      title: "Etnisch profileren: wat kun je doen?",
      theme: "ETHNIC_PROFILING",
      description: "Een open gesprek met wijkagenten en bewoners over staandehoudingen en je rechten.",
      startsAt: full,
      endsAt: new Date(full.getTime() + 2 * HOUR),
      place: "Buurtcentrum De Dreef, Overvecht",
      capacity: 6,
      youthReservedSeats: 2,
      rsvpDeadline: new Date(full.getTime() - DAY),
      status: "PUBLISHED",
    },
    [
      {
        response: "YES",
        seats: [
          { seat: "CONFIRMED" },
          { seat: "CONFIRMED", guest: { label: "Yasmina", ageBand: "AGE_16_17" } },
          { seat: "CONFIRMED", guest: { label: "D.", ageBand: "AGE_12_15", consent: true } },
        ],
      },
      yes,
      yes,
      yes,
      waiting,
      waiting,
      { response: "NO" },
      { response: "MAYBE" },
      { response: "NO", seats: [{ seat: "CANCELLED" }] },
      { response: null },
      { response: null },
    ],
  );
  const city = day(23, 18);
  await session(
    {
      districtId: null,
      title: "Divers werven bij maatschappelijke partners",
      theme: "DIVERSE_INFLOW",
      startsAt: city,
      endsAt: new Date(city.getTime() + 2 * HOUR),
      place: "Stadhuis Utrecht, Stadsplateau 1",
      capacity: 40,
      youthReservedSeats: 10,
      status: "PUBLISHED",
    },
    [
      yes,
      { response: "MAYBE" },
      { response: null },
      { response: "YES", seats: [{ seat: "CONFIRMED" }, { seat: "CONFIRMED", guest: { label: "Bo", ageBand: "AGE_18_23" } }] },
    ],
  );
  const draft = day(45, 16);
  await session(
    {
      districtId: districts.get("zuidwest") ?? null,
      title: "Jongeren en handhaving in Kanaleneiland",
      theme: "DISCRIMINATION",
      startsAt: draft,
      endsAt: new Date(draft.getTime() + 2 * HOUR),
      place: "Jongerencentrum Kanaleneiland",
      capacity: 25,
      youthReservedSeats: 15,
      status: "DRAFT",
    },
    [],
  );
  const off = day(5, 19);
  await session(
    {
      districtId: districts.get("west") ?? null,
      title: "Discriminatie in het uitgaansleven",
      theme: "DISCRIMINATION",
      startsAt: off,
      endsAt: new Date(off.getTime() + 2 * HOUR),
      place: "Wijkbureau West",
      capacity: 20,
      status: "CANCELLED",
    },
    [{ response: "YES", seats: [{ seat: "CONFIRMED" }] }, { response: null }],
  );
  // In the past, with attendance: counts towards turnout in network health.
  const past = day(-20, 17);
  await session(
    {
      districtId: districts.get("overvecht") ?? null,
      title: "Staande gehouden: ervaringen delen",
      theme: "ETHNIC_PROFILING",
      startsAt: past,
      endsAt: new Date(past.getTime() + 2 * HOUR),
      place: "Buurtcentrum De Dreef, Overvecht",
      capacity: 10,
      youthReservedSeats: 3,
      status: "COMPLETED",
      reminderSentAt: new Date(past.getTime() - DAY),
    },
    [
      {
        response: "YES",
        seats: [
          { seat: "CONFIRMED", attendance: "ATTENDED" },
          { seat: "CONFIRMED", attendance: "ATTENDED", guest: { label: "R.", ageBand: "AGE_12_15", consent: true } },
        ],
      },
      attended("ATTENDED"),
      attended("ATTENDED"),
      attended("ATTENDED"),
      attended("ATTENDED"),
      attended("NO_SHOW"),
      attended("NO_SHOW"),
      { response: "NO" },
      { response: "MAYBE" },
      { response: null },
    ],
  );
  opts.log?.(`seeded 5 theme sessions with ${invitations} invitations`);
  return { sessions: 5, invitations, sampleToken };
}
