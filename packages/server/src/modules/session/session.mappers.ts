/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { Invitation, Registration, ThemeSession } from "../../generated/prisma/client.js";
import type { MessageDeliveryRow } from "../notification/notification.service.js";
import type { InvitationLinkModel, PublicInvitationModel, SessionCountsView, ThemeSessionConnectionModel } from "./session.service.js";

export type ThemeSessionMapper = ThemeSession;
export type PublicSessionMapper = ThemeSession;
export type InvitationMapper = Invitation;
export type RegistrationMapper = Registration;
export type OwnRegistrationMapper = Registration;
export type SessionCountsMapper = SessionCountsView;
export type InvitationLinkMapper = InvitationLinkModel;
export type ThemeSessionConnectionMapper = ThemeSessionConnectionModel;
export type PublicInvitationMapper = PublicInvitationModel;
export type MessageDeliveryMapper = MessageDeliveryRow;
