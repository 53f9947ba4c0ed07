import type { Db } from "../../platform/db/prisma.js";
import type { LessonLearned, MeetingActionPoint, Network, NetworkMeeting, ThemeSession, User } from "../../generated/prisma/client.js";
import type { Lookup } from "../../core/loader-utils.js";
import type { Viewer } from "../../core/viewer.js";
import { badInput, notFound } from "../../core/errors.js";
import { requireId } from "../../core/ids.js";
import { requireRole } from "../../core/authz.js";
import { guardSituationText } from "../../core/situation-text.js";
import { cleanText, requiredText } from "../../core/text.js";
import type { AuditService } from "../audit/audit.service.js";
import { meetingRepository as repo } from "./meeting.repository.js";

const TITLE_MAX = 200;
const TEXT_MAX = 20_000;
const ITEM_MAX = 1000;

export interface MeetingLookups {
  network: Lookup<Network | null>;
  networkMeeting: Lookup<NetworkMeeting | null>;
  user: Lookup<User | null>;
  themeSession: Lookup<ThemeSession | null>;
}

/** "2026-03-31" → that date (UTC midnight, as Prisma stores a @db.Date), or BAD_USER_INPUT. */
export function parseDate(value: string, field: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.toISOString().slice(0, 10) !== value) throw badInput(field, "A date as YYYY-MM-DD.");
  return d;
}

/**
 * Network meetings as a learning network: agenda and minutes, action points with an owner and
 * a due date, and "what we learned" entries from meetings and sessions. Coordinators and admins
 * only; every text through the situation-text guard; every change audited in its transaction.
 */
export class MeetingService {
  private readonly now: () => Date;
  constructor(private readonly deps: { db: Db; audit: AuditService; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  private async meetingOf(viewer: Viewer, id: string, lookups: Pick<MeetingLookups, "networkMeeting">): Promise<NetworkMeeting> {
    const meeting = await lookups.networkMeeting.load(requireId(id, "id"));
    if (!meeting || meeting.municipalityId !== viewer.municipalityId) throw notFound("NetworkMeeting");
    return meeting;
  }

  async list(viewerInput: Viewer | null, networkId: string | null | undefined): Promise<NetworkMeeting[]> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    return repo.findMeetings(this.deps.db, viewer.municipalityId, networkId ? requireId(networkId, "networkId") : null);
  }

  async lessons(viewerInput: Viewer | null, first: number | null | undefined): Promise<LessonLearned[]> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const take = first ?? 50;
    if (!Number.isInteger(take) || take < 1 || take > 200) throw badInput("first", "From 1 to 200.");
    return repo.findLessons(this.deps.db, viewer.municipalityId, take);
  }

  async create(
    viewerInput: Viewer | null,
    input: {
      networkId: string;
      title: string;
      heldAt: Date;
      agenda?: string | null;
      minutes?: string | null;
      acknowledgeWarnings?: boolean | null;
    },
    requestId: string,
    lookups: Pick<MeetingLookups, "network">,
  ): Promise<NetworkMeeting> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const network = await lookups.network.load(requireId(input.networkId, "input.networkId"));
    if (!network || network.municipalityId !== viewer.municipalityId) throw notFound("Network");
    const title = requiredText(input.title, "input.title", TITLE_MAX);
    const agenda = cleanText(input.agenda, "input.agenda", TEXT_MAX);
    const minutes = cleanText(input.minutes, "input.minutes", TEXT_MAX);
    const warnings = guardSituationText(
      [
        ["input.title", title],
        ["input.agenda", agenda],
        ["input.minutes", minutes],
      ],
      input.acknowledgeWarnings,
    );
    return this.deps.db.$transaction(async (tx) => {
      const meeting = await repo.createMeeting(tx, {
        municipalityId: viewer.municipalityId,
        networkId: network.id,
        title,
        heldAt: input.heldAt,
        agenda,
        minutes,
        createdById: viewer.userId,
      });
      await this.audit(
        tx,
        viewer,
        "CREATE",
        "NetworkMeeting",
        meeting.id,
        requestId,
        ["title", "heldAt", "agenda", "minutes"],
        warnings.length,
      );
      return meeting;
    });
  }

  async update(
    viewerInput: Viewer | null,
    id: string,
    input: {
      title?: string | null;
      heldAt?: Date | null;
      agenda?: string | null;
      minutes?: string | null;
      acknowledgeWarnings?: boolean | null;
    },
    requestId: string,
    lookups: Pick<MeetingLookups, "networkMeeting">,
  ): Promise<NetworkMeeting> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const meeting = await this.meetingOf(viewer, id, lookups);
    const data: { title?: string; heldAt?: Date; agenda?: string | null; minutes?: string | null } = {};
    if (input.title != null) data.title = requiredText(input.title, "input.title", TITLE_MAX);
    if (input.heldAt != null) data.heldAt = input.heldAt;
    if (input.agenda !== undefined) data.agenda = cleanText(input.agenda, "input.agenda", TEXT_MAX);
    if (input.minutes !== undefined) data.minutes = cleanText(input.minutes, "input.minutes", TEXT_MAX);
    const warnings = guardSituationText(
      [
        ["input.title", data.title],
        ["input.agenda", data.agenda],
        ["input.minutes", data.minutes],
      ],
      input.acknowledgeWarnings,
    );
    return this.deps.db.$transaction(async (tx) => {
      const updated = await repo.updateMeeting(tx, meeting.id, data);
      await this.audit(tx, viewer, "UPDATE", "NetworkMeeting", meeting.id, requestId, Object.keys(data), warnings.length);
      return updated;
    });
  }

  async addActionPoint(
    viewerInput: Viewer | null,
    input: { meetingId: string; description: string; ownerId?: string | null; dueDate: string; acknowledgeWarnings?: boolean | null },
    requestId: string,
    lookups: Pick<MeetingLookups, "networkMeeting" | "user">,
  ): Promise<MeetingActionPoint> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const meeting = await this.meetingOf(viewer, input.meetingId, lookups);
    const description = requiredText(input.description, "input.description", ITEM_MAX);
    const warnings = guardSituationText([["input.description", description]], input.acknowledgeWarnings);
    const dueDate = parseDate(input.dueDate, "input.dueDate");
    let ownerId: string | null = null;
    if (input.ownerId != null) {
      const owner = await lookups.user.load(requireId(input.ownerId, "input.ownerId"));
      if (!owner || owner.municipalityId !== viewer.municipalityId || owner.erasedAt) throw notFound("User");
      ownerId = owner.id;
    }
    return this.deps.db.$transaction(async (tx) => {
      const point = await repo.createActionPoint(tx, { meetingId: meeting.id, description, ownerId, dueDate });
      await this.audit(
        tx,
        viewer,
        "CREATE",
        "MeetingActionPoint",
        point.id,
        requestId,
        ["description", "ownerId", "dueDate"],
        warnings.length,
      );
      return point;
    });
  }

  async setActionPointDone(viewerInput: Viewer | null, id: string, done: boolean, requestId: string): Promise<MeetingActionPoint> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const point = await repo.findActionPoint(this.deps.db, requireId(id, "id"));
    if (!point || point.meeting.municipalityId !== viewer.municipalityId) throw notFound("MeetingActionPoint");
    return this.deps.db.$transaction(async (tx) => {
      const updated = await repo.setActionPointDone(tx, point.id, done ? (point.doneAt ?? this.now()) : null);
      await this.audit(tx, viewer, "UPDATE", "MeetingActionPoint", point.id, requestId, ["doneAt"], 0);
      return updated;
    });
  }

  async addLesson(
    viewerInput: Viewer | null,
    input: { meetingId?: string | null; sessionId?: string | null; text: string; acknowledgeWarnings?: boolean | null },
    requestId: string,
    lookups: Pick<MeetingLookups, "networkMeeting" | "themeSession">,
  ): Promise<LessonLearned> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    if ((input.meetingId == null) === (input.sessionId == null)) throw badInput("input.meetingId", "Give one of meetingId and sessionId.");
    let meetingId: string | null = null;
    let sessionId: string | null = null;
    if (input.meetingId != null) meetingId = (await this.meetingOf(viewer, input.meetingId, lookups)).id;
    else {
      const session = await lookups.themeSession.load(requireId(input.sessionId!, "input.sessionId"));
      if (!session || session.municipalityId !== viewer.municipalityId) throw notFound("ThemeSession");
      sessionId = session.id;
    }
    const text = requiredText(input.text, "input.text", ITEM_MAX * 4);
    const warnings = guardSituationText([["input.text", text]], input.acknowledgeWarnings);
    return this.deps.db.$transaction(async (tx) => {
      const lesson = await repo.createLesson(tx, {
        municipalityId: viewer.municipalityId,
        meetingId,
        sessionId,
        text,
        createdById: viewer.userId,
      });
      await this.audit(tx, viewer, "CREATE", "LessonLearned", lesson.id, requestId, ["text"], warnings.length);
      return lesson;
    });
  }

  isOverdue(point: MeetingActionPoint): boolean {
    return point.doneAt === null && point.dueDate.getTime() + 86_400_000 <= this.now().getTime();
  }

  private audit(
    tx: Parameters<AuditService["record"]>[0],
    viewer: Viewer,
    action: "CREATE" | "UPDATE",
    entityType: string,
    entityId: string,
    requestId: string,
    fields: string[],
    warningsKept: number,
  ) {
    return this.deps.audit.record(tx, {
      municipalityId: viewer.municipalityId,
      actorId: viewer.userId,
      actorRole: viewer.role,
      action,
      entityType,
      entityId,
      details: warningsKept > 0 ? { fields, situationTextWarningsKept: warningsKept } : { fields },
      requestId,
    });
  }
}
