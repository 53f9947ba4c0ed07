import { useQuery } from "@apollo/client/react";
import { useMemo } from "react";
import { DistrictsDocument } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";

/**
 * The municipality's districts, sorted by name for the current language. The
 * server sorts too, but with database collation; Intl.Collator sorts the way
 * people expect ("IJsselbuurt" with the I's, numbers in numeric order).
 */
export function useDistricts() {
  const { language } = useI18n();
  const { data, loading, error, refetch } = useQuery(DistrictsDocument);
  const districts = useMemo(() => {
    const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
    return [...(data?.districts ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  }, [data, language]);
  return { districts, loading: loading && !data, error, refetch };
}
