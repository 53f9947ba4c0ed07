/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { PushDevice } from "../../generated/prisma/client.js";
import type { AlertReceiptView } from "./alert-delivery.loaders.js";
import type { NotificationRulesView } from "./alert-delivery.service.js";

export type PushDeviceMapper = PushDevice;
export type AlertReceiptMapper = AlertReceiptView;
export type NotificationRulesMapper = NotificationRulesView;
