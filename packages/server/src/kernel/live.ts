import type { LiveFeed } from "../platform/realtime/live-feed.js";
import type { Context } from "./context.js";

type FeedOf<Args> = (args: Args, ctx: Context) => LiveFeed | Promise<LiveFeed>;

const FEED_OF = Symbol("wijknet.liveField");

/**
 * A subscription field served from the event outbox. The module says *what* the feed
 * is (a LiveFeed from its service: topic, cursor, authorisation per event, rendering
 * root); the GraphQL layer (graphql/live.ts) says *how* it reaches sockets — so no
 * module imports the transport. `buildSchema` swaps the marked `subscribe` for the
 * real one; calling it unswapped is a wiring mistake and says so.
 *
 *   Subscription: { signalFeed: liveField<SubscriptionSignalFeedArgs>(({ after }, ctx) => ctx.services.signals.feed(ctx.viewer, after)) }
 */
export function liveField<Args>(feedOf: FeedOf<Args>): { subscribe: never; resolve: (item: unknown) => never } {
  const subscribe = Object.assign(
    () => {
      throw new Error("liveField: this subscription must be served by graphql/live.ts (buildSchema wires it)");
    },
    { [FEED_OF]: feedOf },
  );
  return { subscribe: subscribe as never, resolve: (item: unknown) => item as never };
}

/** The feed factory behind a `liveField`'s `subscribe`, or null for any other function. */
export function feedFactoryOf(subscribe: unknown): FeedOf<Record<string, unknown>> | null {
  if (typeof subscribe !== "function" || !(FEED_OF in subscribe)) return null;
  return (subscribe as unknown as { [FEED_OF]: FeedOf<Record<string, unknown>> })[FEED_OF];
}
