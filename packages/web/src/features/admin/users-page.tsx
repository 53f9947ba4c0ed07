import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId, useState, type FormEvent } from "react";
import type { Role } from "../../generated/gql/graphql";
import { SelectField, TextField } from "../../kit/fields";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { useI18n } from "../../i18n/i18n-provider";
import { roleMessageKey } from "../auth/role-label";
import { useUsers } from "./use-users";

const ROLES: readonly Role[] = ["COORDINATOR", "POLICE_LIAISON", "ALLY", "ADMIN"];

/** `/beheer/gebruikers`: every account of the municipality, by name; search, role filter, "Meer laden". */
export function UsersPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState("");
  const [filter, setFilter] = useState<{ search?: string; role?: Role }>({});
  const { users, hasMore, loadMore, loaded, loading, error, refetch } = useUsers(filter);
  const tableId = useId();

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...(search.trim() ? { search: search.trim() } : {}), ...(role ? { role: role as Role } : {}) });
  };

  return (
    <>
      <PageHeading title={t("users.title")}>{t("users.title")}</PageHeading>
      <Paragraph>{t("users.intro")}</Paragraph>
      <ButtonGroup>
        <RouteLink to={{ name: "userNew" }}>{t("users.new")}</RouteLink>
      </ButtonGroup>
      <form className="wijknet-form" role="search" onSubmit={onSearch}>
        <TextField name="search" type="search" label={t("users.search")} value={search} onChange={setSearch} />
        <SelectField
          name="role"
          label={t("users.role")}
          value={role}
          onChange={setRole}
          options={[{ value: "", label: t("users.allRoles") }, ...ROLES.map((r) => ({ value: r, label: t(roleMessageKey(r)) }))]}
        />
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="submit">
            {t("users.searchButton")}
          </Button>
        </ButtonGroup>
      </form>
      <LoadState
        loading={loading && !loaded}
        error={error}
        loadingText={t("users.loading")}
        errorText={t("users.error")}
        onRetry={() => void refetch()}
      />
      <div aria-live="polite">{loaded && <Paragraph id={tableId}>{t("users.count", { count: users.length })}</Paragraph>}</div>
      {users.length > 0 && (
        <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={tableId}>
          <Table aria-labelledby={tableId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("users.col.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.col.email")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.col.role")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.col.districts")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.col.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.col.lastSignIn")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((user) => (
                <TableRow key={user.id}>
                  <TableHeaderCell scope="row">
                    <RouteLink to={{ name: "user", id: user.id }}>{user.displayName}</RouteLink>
                  </TableHeaderCell>
                  <TableCell>{user.email}</TableCell>
                  <TableCell>{t(roleMessageKey(user.role))}</TableCell>
                  <TableCell>
                    {user.districtAssignments
                      .map((a) => (a.backup ? t("users.backupOf", { district: a.district.name }) : a.district.name))
                      .join(", ")}
                  </TableCell>
                  <TableCell>
                    {user.status === "DISABLED"
                      ? t("users.status.disabled")
                      : user.passwordSet
                        ? t("users.status.active")
                        : t("users.status.invited")}
                  </TableCell>
                  <TableCell>{user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t("users.never")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
      {hasMore && (
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" disabled={loading} onClick={() => void loadMore()}>
            {t("users.more")}
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}
