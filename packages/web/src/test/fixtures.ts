import type { MockLink } from "@apollo/client/testing";
import { GraphQLError } from "graphql";
import {
  DistrictsDocument,
  LoginDocument,
  LogoutDocument,
  ViewerDocument,
  type DistrictsQuery,
  type LoginMutation,
  type ViewerQuery,
} from "../generated/gql/graphql";

export const FUTURE = "2999-01-01T00:00:00.000Z";

export const anna: NonNullable<ViewerQuery["viewer"]> = {
  __typename: "User",
  id: "u1",
  email: "anna@example.nl",
  displayName: "Anna de Vries",
  role: "COORDINATOR",
  districts: [],
  municipality: { __typename: "Municipality", id: "m1", name: "Utrecht" },
};

export function loginMock(
  variables: { email: string; password: string },
  outcome: { token: string } | { errorCode: string; field?: string } | { networkError: Error },
  delay = 20,
): MockLink.MockedResponse<LoginMutation> {
  const request = { query: LoginDocument, variables };
  if ("networkError" in outcome) return { request, error: outcome.networkError, delay };
  if ("errorCode" in outcome) {
    return {
      request,
      delay,
      result: {
        data: null,
        errors: [
          new GraphQLError("Login failed", {
            extensions: { code: outcome.errorCode, ...(outcome.field ? { field: outcome.field } : {}) },
          }),
        ],
      },
    };
  }
  return {
    request,
    delay,
    result: {
      data: { login: { __typename: "AuthPayload", token: outcome.token, expiresAt: FUTURE, next: "DONE", user: anna } },
    },
  };
}

export function viewerMock(viewer: ViewerQuery["viewer"]): MockLink.MockedResponse<ViewerQuery> {
  return { request: { query: ViewerDocument }, result: { data: { viewer } } };
}

export function districtsMock(names: Array<[code: string, name: string]>): MockLink.MockedResponse<DistrictsQuery> {
  return {
    request: { query: DistrictsDocument },
    result: {
      data: {
        districts: names.map(([code, name]) => ({ __typename: "District" as const, id: code, code, name })),
      },
    },
  };
}

export const logoutMock: MockLink.MockedResponse = {
  request: { query: LogoutDocument },
  result: { data: { logout: true } },
};
