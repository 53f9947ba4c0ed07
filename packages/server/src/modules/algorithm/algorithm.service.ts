import type { Viewer } from "../../core/viewer.js";
import type { Config } from "../../platform/config.js";
import { type AlgorithmSetting, algorithmSettings } from "./algorithm.rules.js";

/**
 * The rule sets' settings for the public page. Public on purpose (like district names):
 * the algorithm register is published, and these are the values this deployment runs
 * with, so the page cannot show a figure that differs from what runs.
 */
export class AlgorithmService {
  private readonly settings: readonly AlgorithmSetting[];

  constructor(config: Config) {
    this.settings = algorithmSettings(config);
  }

  listSettings(_viewer: Viewer | null): readonly AlgorithmSetting[] {
    return this.settings;
  }
}
