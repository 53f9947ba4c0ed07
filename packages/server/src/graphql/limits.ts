/**
 * Limits on what one GraphQL document may ask, applied on both paths: Apollo (HTTP)
 * through `validationRules` and `parseOptions`, graphql-ws through its own `parse` and
 * `validate` (Apollo's rules do not reach it). A document over a limit is refused
 * before anything runs, with a plain message and code GRAPHQL_VALIDATION_FAILED.
 */
import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse as graphqlParse,
  specifiedRules,
  validate as graphqlValidate,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type Source,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

export const QUERY_LIMITS = {
  /** Lexical tokens per document: stops huge documents before they become an AST. */
  maxTokens: 3_000,
  /** Nesting of selections (fragments followed). */
  maxDepth: 12,
  /** Aliased fields per document: aliases are how one request asks for the same thing 1,000 times. */
  maxAliases: 30,
  /** Directives per document. */
  maxDirectives: 20,
  /** Estimated cost: every field 1, multiplied by the page size of the lists above it. */
  maxCost: 25_000,
  /** The page size assumed for `first: $variable` (the default page). */
  assumedPageSize: 25,
  /** The length assumed for a list without `first` (roles, districts, members …). */
  assumedListSize: 10,
} as const;

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
}

/** Walks the operations with fragments inlined, once per document. */
function analyse(context: ValidationContext) {
  const doc = context.getDocument();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const schema = context.getSchema();

  let maxDepth = 0;
  let aliases = 0;
  let directives = 0;
  // A fragment cycle is reported by graphql's own rule; the walk just must not loop.
  const visit = (set: SelectionSetNode, type: GraphQLOutputType | null, depth: number, seen: Set<string>): number => {
    maxDepth = Math.max(maxDepth, depth);
    if (maxDepth > QUERY_LIMITS.maxDepth * 4) return 0;
    let cost = 0;
    for (const sel of set.selections) {
      directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        cost += fieldCost(sel, type, depth, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? ((schema.getType(sel.typeCondition.name.value) as GraphQLOutputType | undefined) ?? null) : type;
        cost += visit(sel.selectionSet, t, depth, seen);
      } else {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const t = (schema.getType(frag.typeCondition.name.value) as GraphQLOutputType | undefined) ?? null;
        cost += visit(frag.selectionSet, t, depth, new Set([...seen, frag.name.value]));
      }
    }
    return cost;
  };
  const fieldCost = (field: FieldNode, parent: GraphQLOutputType | null, depth: number, seen: Set<string>): number => {
    if (field.alias) aliases++;
    const named = parent ? getNamedType(parent) : null;
    const def = named && "getFields" in named ? named.getFields()[field.name.value] : undefined;
    const fieldType = def?.type ?? null;
    if (!field.selectionSet) return 1;
    let multiplier = 1;
    const unwrapped = fieldType && isNonNullType(fieldType) ? fieldType.ofType : fieldType;
    const firstArg = field.arguments?.find((a) => a.name.value === "first");
    if (firstArg) {
      multiplier = firstArg.value.kind === Kind.INT ? Math.max(1, Number(firstArg.value.value)) : QUERY_LIMITS.assumedPageSize;
    } else if (unwrapped && isListType(unwrapped) && field.name.value !== "edges" && field.name.value !== "nodes") {
      // A connection's `edges` is the page its parent's `first` already counted.
      multiplier = QUERY_LIMITS.assumedListSize;
    }
    return 1 + multiplier * visit(field.selectionSet, fieldType as GraphQLOutputType | null, depth + 1, seen);
  };

  let cost = 0;
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    directives += def.directives?.length ?? 0;
    const root =
      def.operation === "query"
        ? schema.getQueryType()
        : def.operation === "mutation"
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    cost += visit(def.selectionSet, root ?? null, 1, new Set());
  }
  return { maxDepth, aliases, directives, cost };
}

/** One rule that reports every limit the document breaks. */
export const QueryLimitsRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Document: {
    leave() {
      const a = analyse(context);
      if (a.maxDepth > QUERY_LIMITS.maxDepth)
        context.reportError(limitError(`The query is nested too deeply (${a.maxDepth} levels; at most ${QUERY_LIMITS.maxDepth}).`));
      if (a.aliases > QUERY_LIMITS.maxAliases)
        context.reportError(limitError(`The query uses too many aliases (${a.aliases}; at most ${QUERY_LIMITS.maxAliases}).`));
      if (a.directives > QUERY_LIMITS.maxDirectives)
        context.reportError(limitError(`The query uses too many directives (${a.directives}; at most ${QUERY_LIMITS.maxDirectives}).`));
      if (a.cost > QUERY_LIMITS.maxCost)
        context.reportError(
          limitError(
            `The query asks for too much at once (estimated cost ${a.cost}; at most ${QUERY_LIMITS.maxCost}). Ask for smaller pages.`,
          ),
        );
    },
  },
});

/** Production only: "did you mean …?" suggestions would reveal the schema to an outsider. */
export function withoutSuggestions(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((e) =>
    / Did you mean /.test(e.message)
      ? new GraphQLError(e.message.replace(/ Did you mean .*$/, ""), { nodes: e.nodes, extensions: e.extensions })
      : e,
  );
}

export const PARSE_OPTIONS = { maxTokens: QUERY_LIMITS.maxTokens } as const;

/** graphql-ws's `parse`: the same token limit as HTTP. */
export function parseWithLimits(source: string | Source): DocumentNode {
  return graphqlParse(source, PARSE_OPTIONS);
}

/** graphql-ws's `validate`: graphql's rules plus ours (and, in production, no suggestions). */
export function createValidate(production: boolean) {
  return (schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] => {
    // Production: no introspection on this path either (Apollo's `introspection: false` covers HTTP only).
    const rules = production ? [...specifiedRules, QueryLimitsRule, NoSchemaIntrospectionCustomRule] : [...specifiedRules, QueryLimitsRule];
    const errors = graphqlValidate(schema, document, rules, { maxErrors: 20 });
    return production ? withoutSuggestions(errors) : errors;
  };
}
