/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { Neighbourhood, Signal, SignalTextOverride, SignalUpdate } from "../../generated/prisma/client.js";
import type { AlertFeedItem, AlertWithSignal, ReportSignalResult, SignalFeedItem, SignalPage } from "./signal.types.js";

export type NeighbourhoodMapper = Neighbourhood;
export type SignalMapper = Signal;
export type SignalUpdateMapper = SignalUpdate;
export type SignalTextOverrideMapper = SignalTextOverride;
export type AlertMapper = AlertWithSignal;
export type SignalFeedEventMapper = SignalFeedItem;
export type AlertFeedEventMapper = AlertFeedItem;
export type ReportSignalPayloadMapper = ReportSignalResult;
export type SignalConnectionMapper = SignalPage;
