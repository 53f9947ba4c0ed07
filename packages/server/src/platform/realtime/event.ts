import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.js";
import type { OutboxEvent, OutboxEventInput } from "./outbox.js";

/** Who an event concerns; the routing columns of its outbox row. */
export interface EventMeta {
  municipalityId: string;
  entityId: string;
  districtId?: string | null;
  /** Personal events (e.g. an alert): the one user it is addressed to. */
  userId?: string | null;
}

/**
 * One kind of outbox event: its topic, its type and the zod schema of its payload,
 * shared by the writer (`create`) and the reader (`parse`). Dates travel as ISO
 * strings in the JSON column and come back as `Date` (write them with `isoDate`).
 */
export interface EventDefinition<Payload = unknown> {
  readonly topic: string;
  readonly type: string;
  readonly schema: z.ZodType<Payload>;
  /** Validates the payload against the schema (throws on a mismatch) and builds the row to append. */
  create(meta: EventMeta, payload: Payload): OutboxEventInput;
  /** The payload of an event of this kind, validated and revived (dates as `Date`). */
  parse(event: Pick<OutboxEvent, "topic" | "type" | "payload">): Payload;
  is(event: Pick<OutboxEvent, "topic" | "type">): boolean;
}

/** What the app needs to know of a definition at boot. */
export type EventKind = Pick<EventDefinition, "topic" | "type">;

/** A date in an event payload: written as an ISO string, read back as a `Date`. */
export const isoDate = () => z.coerce.date();

/** JSON as stored: Dates become ISO strings, undefined fields disappear. */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export function defineEvent<S extends z.ZodType>(def: { topic: string; type: string; payload: S }): EventDefinition<z.output<S>> {
  const { topic, type, payload: schema } = def;
  const describe = (err: z.ZodError) => z.prettifyError(err).replace(/\n/g, "; ");
  // One event object is authorised and rendered for many subscribers: parse it once.
  // The parsed payload is shared: read it, never modify it.
  const parsedOf = new WeakMap<object, z.output<S>>();
  return {
    topic,
    type,
    schema: schema as unknown as z.ZodType<z.output<S>>,
    create(meta, payload) {
      const checked = schema.safeParse(payload);
      if (!checked.success) throw new Error(`outbox event ${topic}/${type}: payload does not match its schema: ${describe(checked.error)}`);
      return {
        municipalityId: meta.municipalityId,
        topic,
        type,
        districtId: meta.districtId ?? null,
        userId: meta.userId ?? null,
        entityId: meta.entityId,
        payload: toJson(payload),
      };
    },
    parse(event) {
      if (event.topic !== topic || event.type !== type)
        throw new Error(`expected an outbox event ${topic}/${type}, got ${event.topic}/${event.type}`);
      const cached = parsedOf.get(event);
      if (cached !== undefined) return cached;
      const parsed = schema.safeParse(event.payload);
      if (!parsed.success)
        throw new Error(`outbox event ${topic}/${type}: stored payload does not match its schema: ${describe(parsed.error)}`);
      parsedOf.set(event, parsed.data);
      return parsed.data;
    },
    is: (event) => event.topic === topic && event.type === type,
  };
}

/**
 * Boot check: a topic belongs to one feature (its subscribers authorise and render
 * every event of it), and a (topic, type) is defined once.
 */
export function checkEventOwnership(owners: ReadonlyArray<{ name: string; events?: readonly EventKind[] | undefined }>): void {
  const topicOwner = new Map<string, string>();
  const kinds = new Set<string>();
  for (const owner of owners) {
    for (const def of owner.events ?? []) {
      const claimed = topicOwner.get(def.topic);
      if (claimed && claimed !== owner.name)
        throw new Error(`outbox topic "${def.topic}" is claimed by modules "${claimed}" and "${owner.name}"`);
      topicOwner.set(def.topic, owner.name);
      const kind = `${def.topic}/${def.type}`;
      if (kinds.has(kind)) throw new Error(`outbox event ${kind} is defined twice`);
      kinds.add(kind);
    }
  }
}
