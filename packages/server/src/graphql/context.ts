import { requestLanguage } from "../core/language.js";
import type { Viewer } from "../core/viewer.js";
import type { Context, LoaderRegistry, ServiceRegistry, WsOperation } from "../kernel/context.js";

export type BuildContext = (
  viewer: Viewer | null,
  requestId: string,
  transport: Context["transport"],
  clientAddress: string | null,
  acceptLanguage: string | null,
  op?: Omit<WsOperation, "fork">,
) => Context;

/** Makes the per-request (per WebSocket operation) context. */
export function contextFactory(services: ServiceRegistry, createLoaders: () => LoaderRegistry): BuildContext {
  const build: BuildContext = (viewer, requestId, transport, clientAddress, acceptLanguage, op) => {
    // Loaders are built on first use: a live subscription's context (held for the
    // subscription's lifetime) never needs them, and thousands of idle ones add up.
    let loaders: LoaderRegistry | undefined;
    return {
      viewer,
      requestId,
      clientAddress,
      transport,
      language: requestLanguage(viewer?.language, acceptLanguage),
      services,
      get loaders() {
        return (loaders ??= createLoaders());
      },
      ...(op ? { ws: { ...op, fork: () => build(viewer, requestId, transport, clientAddress, acceptLanguage) } } : {}),
    };
  };
  return build;
}
