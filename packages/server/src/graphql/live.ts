import { randomUUID } from "node:crypto";
import { execute, type GraphQLError, Kind, parse, type DocumentNode, type GraphQLResolveInfo } from "graphql";
import { WebSocket } from "ws";
import type { OutboxEvent } from "../platform/realtime/outbox.js";
import type { Context } from "../kernel/context.js";
import type { LiveFeed } from "../platform/realtime/live-feed.js";
import { AppError } from "../core/errors.js";
import { maskError } from "./errors.js";
import { WS_CLOSE } from "./ws.js";

/**
 * A slow or stuck client must not make the server buffer without bound: past this it
 * is disconnected (1013, "try again later") and resumes from its last cursor.
 */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

const CLOSE_BRACE = Buffer.from("}");

const documents = new Map<string, DocumentNode>();
function documentOf(query: string): DocumentNode {
  let doc = documents.get(query);
  if (!doc) {
    doc = parse(query);
    if (documents.size > 1_000) documents.clear();
    documents.set(query, doc);
  }
  return doc;
}

/** The name of the variable the client passes as the field's `after` argument, if any. */
function cursorVariableName(info: GraphQLResolveInfo): string | null {
  const arg = info.fieldNodes[0]?.arguments?.find((a) => a.name.value === "after");
  return arg?.value.kind === Kind.VARIABLE ? arg.value.name.value : null;
}

/**
 * Serves a subscription field from the outbox fan-out.
 *
 * graphql-ws would execute the selection set and serialise the result once per
 * subscriber per event; at thousands of subscribers that dominates the cost. Here the
 * operation is executed once per (document, variables, audience, variant) and the
 * same JSON is written to every socket in that group, wrapped in a graphql-ws `next`
 * message for the subscriber's operation id. The returned iterator never yields: it
 * only exists so graphql-ws can end the subscription (client `complete`, socket
 * close), which detaches it from the fan-out.
 *
 * A live-only feed with `initial` first gets the field's current value (read after it
 * is attached, live events held back until it went out); `distinct` drops a frame equal
 * to the previous one on that subscription.
 */
export function serveLive(ctx: Context, info: GraphQLResolveInfo, feed: LiveFeed): AsyncIterableIterator<never> {
  const op = ctx.ws;
  if (!op || !ctx.viewer) throw new AppError("BAD_USER_INPUT", "Subscriptions are served over WebSocket (graphql-ws) only.");
  const viewer = ctx.viewer;
  const socket = op.socket;
  const cursorVar = cursorVariableName(info);
  const variables = { ...op.variables };
  if (cursorVar) delete variables[cursorVar];
  const groupKey = JSON.stringify([feed.audienceKey, op.query, op.operationName, variables]);
  const document = documentOf(op.query);
  const prefix = Buffer.from(`{"id":${JSON.stringify(op.operationId)},"type":"next","payload":`);

  const renderRoot = async (rootValue: unknown): Promise<string> => {
    const result = await execute({
      schema: info.schema,
      document,
      operationName: op.operationName,
      variableValues: op.variables,
      // The field's resolver returns its parent as is, exactly as graphql-js does for a
      // value yielded by a subscription stream.
      rootValue,
      contextValue: op.fork(),
    });
    if (!result.errors) return JSON.stringify({ data: result.data });
    const errors = result.errors.map((e: GraphQLError) => maskError(e.toJSON(), () => randomUUID()));
    return JSON.stringify({ data: result.data, errors });
  };
  const render = (event: OutboxEvent, variant: string): Promise<string> => renderRoot(feed.toRoot(event, variant));

  /** The last frame sent (the group's shared buffer), for `distinct` feeds. */
  let lastJson: Buffer | null = null;
  const send = (json: Buffer): boolean => {
    if (socket.readyState !== WebSocket.OPEN) return false;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(1013, "Too far behind; resume from your last cursor");
      return false;
    }
    if (feed.distinct) {
      if (lastJson !== null && (lastJson === json || lastJson.equals(json))) return false;
      lastJson = json;
    }
    // One copy into a pooled buffer, no UTF-8 encoding per socket; sent as a text frame.
    socket.send(Buffer.concat([prefix, json, CLOSE_BRACE], prefix.length + json.length + 1), { binary: false });
    return true;
  };
  const initial = feed.initial;
  const prelude =
    initial && feed.after === null
      ? async () => {
          const { seq, value } = await op.fanout.snapshotAt((tx) => initial(tx));
          send(Buffer.from(await renderRoot(value)));
          return seq;
        }
      : undefined;

  const detach = op.fanout.attach(
    {
      municipalityId: feed.municipalityId,
      topic: feed.topic,
      userId: feed.userId,
      groupKey,
      authorize(event) {
        // The socket layer closes at expiry with a timer; this is the last line of
        // defence should an event race that timer.
        if (viewer.expiresAt.getTime() <= Date.now()) {
          socket.close(WS_CLOSE.UNAUTHORIZED, "Token expired");
          return null;
        }
        if (event.municipalityId !== viewer.municipalityId) return null;
        return feed.authorize(event);
      },
      render,
      deliver(event, json, variant) {
        if (send(json)) feed.onDelivered?.(event, variant);
      },
      // 1011: the client retries and resubscribes with its last cursor; the replay
      // then delivers what this subscription could not.
      fail: (reason) => socket.close(1011, reason),
    },
    feed.after,
    prelude,
  );

  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const end = async (): Promise<IteratorResult<never>> => {
    detach();
    finish();
    return { done: true, value: undefined };
  };
  // graphql-ws calls return() on every open subscription when the socket closes.
  return {
    next: () => finished.then(() => ({ done: true as const, value: undefined })),
    return: end,
    throw: async (err: unknown) => {
      await end();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
