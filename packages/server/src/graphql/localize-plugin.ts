import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../kernel/context.js";
import { localizeError } from "../core/error-messages/index.js";

/**
 * Puts HTTP error messages in the caller's language (`Context.language`) after Apollo has
 * formatted and masked them; graphql/ws.ts does the same for WebSocket operations.
 */
export function localizeErrorsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length) return;
          response.body.singleResult.errors = errors.map((e) => localizeError(e, contextValue.language));
        },
      };
    },
  };
}
