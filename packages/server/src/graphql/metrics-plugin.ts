import type { ApolloServerPlugin } from "@apollo/server";
import type { Metrics } from "../platform/metrics.js";

/** Counts and times every GraphQL operation over HTTP by name and type (WebSocket: graphql/ws.ts). */
export function metricsPlugin(metrics: Pick<Metrics, "operation">): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, errors, response }) {
          const failed =
            (errors?.length ?? 0) > 0 || (response.body.kind === "single" && (response.body.singleResult.errors?.length ?? 0) > 0);
          metrics.operation(
            operationName,
            operation?.operation ?? "unknown",
            "http",
            failed ? "error" : "ok",
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
