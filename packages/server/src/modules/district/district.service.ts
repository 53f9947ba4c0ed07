import type { Db } from "../../platform/db/prisma.js";
import type { District } from "../../generated/prisma/client.js";
import type { Viewer } from "../../core/viewer.js";
import { districtRepository as repo } from "./district.repository.js";

export interface DistrictServiceDeps {
  db: Db;
  /** The municipality anonymous callers see. */
  defaultMunicipalityCode: string;
}

/**
 * District names are public information (the municipality publishes them), so
 * anonymous callers may list them; everyone sees only one municipality's districts.
 */
export class DistrictService {
  constructor(private readonly deps: DistrictServiceDeps) {}

  private async municipalityIdFor(viewer: Viewer | null): Promise<string | null> {
    if (viewer) return viewer.municipalityId;
    const m = await repo.findMunicipalityByCode(this.deps.db, this.deps.defaultMunicipalityCode);
    return m?.id ?? null;
  }

  async listDistricts(viewer: Viewer | null): Promise<District[]> {
    const municipalityId = await this.municipalityIdFor(viewer);
    return municipalityId ? repo.findDistricts(this.deps.db, municipalityId) : [];
  }

  /** One district of the caller's municipality; null when it does not exist there. */
  async findDistrict(viewer: Viewer | null, id: string, load: (id: string) => Promise<District | null>): Promise<District | null> {
    const municipalityId = await this.municipalityIdFor(viewer);
    const district = await load(id);
    return district && district.municipalityId === municipalityId ? district : null;
  }
}
