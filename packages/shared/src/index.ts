export {
  backoffDelay,
  createResumableWsClient,
  subscribeResumable,
  type BackoffOptions,
  type ResumableSubscription,
  type ResumableSubscriptionOptions,
  type ResumableWsClient,
  type ResumableWsClientOptions,
  type WsStatus,
} from "./ws-client.js";
export { SPECIAL_CATEGORY_TERMS, identifierWords, specialCategoryTerm } from "./privacy/special-category.js";
export {
  SITUATION_TEXT_SETTINGS,
  findSituationTextTerms,
  type SituationTextCategory,
  type SituationTextMatch,
  type SituationTextOptions,
  type SituationTextRange,
} from "./privacy/situation-text.js";
