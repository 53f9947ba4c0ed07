import type { AlgorithmSetting } from "./algorithm.rules.js";

export type AlgorithmSettingMapper = AlgorithmSetting;
