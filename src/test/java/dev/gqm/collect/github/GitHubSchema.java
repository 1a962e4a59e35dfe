package dev.gqm.collect.github;

import graphql.TypeResolutionEnvironment;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * GitHub's published GraphQL schema ({@code src/test/resources/github-graphql/schema.graphql})
 * made executable for a stand-in server: custom scalars travel as the strings they are on the
 * wire, an interface or union resolves to the object type its data map names in
 * {@code __typename}, and the stand-in gives the data fetchers. Queries are then checked against
 * GitHub's real types, whichever stand-in serves them.
 */
public final class GitHubSchema {
    private static Document document;

    private GitHubSchema() {
    }

    /** GitHub's limit on the nodes one query may ask for. */
    public static final long NODE_LIMIT = 500_000;
    /** How deep gqm nests connections: the items, and their lists. */
    public static final int NESTING_LIMIT = 2;

    /**
     * What GitHub (or gqm's own rule) would refuse in {@code query}: a connection without
     * {@code first} or with more than 100; more than {@value #NODE_LIMIT} nodes, counted as
     * GitHub documents it (each connection's {@code first} times the {@code first} of every
     * connection above it, summed); connections nested deeper than {@value #NESTING_LIMIT}.
     * Empty when none.
     */
    public static List<String> limits(String query, Map<String, Object> variables) {
        List<String> problems = new ArrayList<>();
        long nodes = 0;
        for (Definition<?> definition : Parser.parse(query).getDefinitions()) {
            if (definition instanceof graphql.language.OperationDefinition operation) {
                nodes += nodes(operation.getSelectionSet(), 1, 0, variables, problems);
            }
        }
        if (nodes > NODE_LIMIT) {
            problems.add("the query asks for up to " + nodes + " nodes, over GitHub's " + NODE_LIMIT);
        }
        return problems;
    }

    private static long nodes(graphql.language.SelectionSet set, long parents, int depth,
                              Map<String, Object> variables, List<String> problems) {
        if (set == null) {
            return 0;
        }
        long nodes = 0;
        for (graphql.language.Selection<?> selection : set.getSelections()) {
            if (selection instanceof graphql.language.Field field) {
                graphql.language.Argument first = field.getArguments().stream()
                        .filter(a -> a.getName().equals("first") || a.getName().equals("last")).findFirst().orElse(null);
                boolean connection = first != null || field.getSelectionSet() != null
                        && field.getSelectionSet().getSelections().stream().anyMatch(
                                f -> f instanceof graphql.language.Field n && n.getName().equals("nodes"));
                if (!connection) {
                    nodes += nodes(field.getSelectionSet(), parents, depth, variables, problems);
                    continue;
                }
                long size = first == null ? -1 : size(first.getValue(), variables);
                if (size < 1 || size > 100) {
                    problems.add(field.getName() + ": a connection needs first (or last) of 1 to 100, not "
                            + (first == null ? "none" : size));
                    size = 100;
                }
                if (depth + 1 > NESTING_LIMIT) {
                    problems.add(field.getName() + ": connections nested " + (depth + 1) + " deep");
                }
                nodes += parents * size;
                nodes += nodes(field.getSelectionSet(), parents * size, depth + 1, variables, problems);
            } else if (selection instanceof graphql.language.InlineFragment fragment) {
                nodes += nodes(fragment.getSelectionSet(), parents, depth, variables, problems);
            }
        }
        return nodes;
    }

    private static long size(graphql.language.Value<?> value, Map<String, Object> variables) {
        if (value instanceof graphql.language.IntValue i) {
            return i.getValue().longValue();
        }
        if (value instanceof graphql.language.VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
            return n.longValue();
        }
        return -1;
    }

    /** The schema with {@code fetchers} giving each field its data fetcher (null: the default, a map's entry). */
    public static GraphQLSchema executable(Function<FieldWiringEnvironment, DataFetcher<?>> fetchers)
            throws IOException {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new Wiring(fetchers)).build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().buildRegistry(document()), wiring);
    }

    /**
     * One page of a connection over {@code all}: {@code first} (1 to 100, as GitHub allows) after
     * the cursor {@code after} ("c" and an index), with its pageInfo and totalCount.
     */
    public static Map<String, Object> page(List<?> all, String field, Integer first, String after) {
        if (first == null || first < 1 || first > 100) {
            throw new IllegalArgumentException("first must be within 1 to 100 on " + field);
        }
        int from = after == null ? 0 : Integer.parseInt(after.substring(1)) + 1;
        int to = Math.min(all.size(), from + first);
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", to < all.size());
        pageInfo.put("endCursor", to > from ? "c" + (to - 1) : after);
        pageInfo.put("hasPreviousPage", from > 0);
        pageInfo.put("startCursor", to > from ? "c" + from : null);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("nodes", all.subList(Math.min(from, to), to));
        c.put("totalCount", all.size());
        c.put("pageInfo", pageInfo);
        return c;
    }

    /** A timeline's item type as its node's {@code __typename}: CLOSED_EVENT → ClosedEvent. */
    public static String typename(String itemType) {
        StringBuilder name = new StringBuilder();
        for (String part : itemType.toLowerCase(Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    private record Wiring(Function<FieldWiringEnvironment, DataFetcher<?>> fetchers) implements WiringFactory {
        @Override
        public boolean providesScalar(ScalarWiringEnvironment env) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(env.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment env) {
            return GraphQLScalarType.newScalar().name(env.getScalarTypeDefinition().getName())
                    .coercing(new PassThrough()).build();
        }

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment env) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment env) {
            return GitHubSchema::resolve;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment env) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment env) {
            return GitHubSchema::resolve;
        }

        @Override
        public boolean providesDataFetcher(FieldWiringEnvironment env) {
            return fetchers.apply(env) != null;
        }

        @Override
        public DataFetcher<?> getDataFetcher(FieldWiringEnvironment env) {
            return fetchers.apply(env);
        }
    }

    private static GraphQLObjectType resolve(TypeResolutionEnvironment env) {
        Map<String, Object> object = env.getObject();
        return env.getSchema().getObjectType(String.valueOf(object.get("__typename")));
    }

    /** Custom scalars (DateTime, URI, BigInt…) travel as the strings they are on the wire. */
    private static final class PassThrough implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value) {
            return value;
        }

        @Override
        public Object parseValue(Object input) {
            return input;
        }

        @Override
        public Object parseLiteral(Object input) {
            return input instanceof StringValue s ? s.getValue() : input;
        }
    }

    /** GitHub's schema, parsed once; the two fields it defines twice are kept once. */
    private static synchronized Document document() throws IOException {
        if (document != null) {
            return document;
        }
        String sdl;
        try (InputStream in = GitHubSchema.class.getResourceAsStream("/github-graphql/schema.graphql")) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document parsed = Parser.parse(ParserEnvironment.newParserEnvironment().document(sdl)
                .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
        List<Definition> definitions = new ArrayList<>();
        for (Definition<?> d : parsed.getDefinitions()) {
            if (d.getClass() == ObjectTypeDefinition.class) {
                ObjectTypeDefinition o = (ObjectTypeDefinition) d;
                definitions.add(o.transform(b -> b.fieldDefinitions(distinct(o.getFieldDefinitions()))));
            } else if (d.getClass() == InterfaceTypeDefinition.class) {
                InterfaceTypeDefinition i = (InterfaceTypeDefinition) d;
                definitions.add(i.transform(b -> b.definitions(distinct(i.getFieldDefinitions()))));
            } else {
                definitions.add(d);
            }
        }
        document = parsed.transform(b -> b.definitions(definitions));
        return document;
    }

    private static List<FieldDefinition> distinct(List<FieldDefinition> fields) {
        Set<String> seen = new HashSet<>();
        return fields.stream().filter(f -> seen.add(f.getName())).collect(Collectors.toList());
    }
}
