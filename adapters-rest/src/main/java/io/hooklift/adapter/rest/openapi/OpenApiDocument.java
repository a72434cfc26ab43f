package io.hooklift.adapter.rest.openapi;

import io.hooklift.adapter.rest.error.ErrorBody;
import io.hooklift.adapter.rest.paging.Paging;
import io.hooklift.adapter.rest.registry.RegistryTokenFilter;
import io.hooklift.adapter.rest.security.PublicEndpoint;
import io.hooklift.application.port.PageRequest;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the OpenAPI 3 document from the resource classes: swagger-core reads paths, parameters,
 * request bodies and the declared responses; then each operation gets what holds for every
 * operation of this API alike, taken from the code rather than written by hand — its security (from
 * {@link PublicEndpoint} and the registry's bearer token), the MSR error body, the paging header
 * where the operation pages, a tag per feature and a stable operation id.
 */
public final class OpenApiDocument {

  static final String BASIC = "basic";
  static final String REGISTRY_TOKEN = "registryToken";
  static final String ERROR_SCHEMA = "ErrorBody";

  private static final Map<String, String> TAGS =
      Map.of(
          "webhook", "Webhooks",
          "delivery", "Deliveries",
          "repository", "Repositories",
          "account", "Accounts",
          "event", "Events",
          "feed", "Events",
          "registry", "Registry notifications",
          "session", "Console sessions",
          "system", "System",
          "openapi", "System");

  private OpenApiDocument() {}

  /** The document as pretty-printed JSON. */
  public static String json(List<Class<?>> resources, String version) {
    return Json.pretty(generate(resources, version));
  }

  static OpenAPI generate(List<Class<?>> resources, String version) {
    OpenAPI base =
        new OpenAPI()
            .info(info(version))
            .components(
                new Components()
                    .addSecuritySchemes(
                        BASIC,
                        new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("basic")
                            .description(
                                "User name and password, or user name and personal access token"))
                    .addSecuritySchemes(
                        REGISTRY_TOKEN,
                        new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description(
                                "The token configured as HOOKLIFT_REGISTRY_TOKEN; registries only")))
            .addSecurityItem(new SecurityRequirement().addList(BASIC));
    OpenAPI api =
        new Reader(new SwaggerConfiguration().openAPI(base)).read(new LinkedHashSet<>(resources));
    ModelConverters.getInstance().readAll(ErrorBody.class).forEach(api.getComponents()::addSchemas);
    for (ResourceMethods.Operation declared : ResourceMethods.of(resources)) {
      complete(api, declared);
    }
    api.setTags(
        new LinkedHashSet<>(TAGS.values()).stream().sorted().map(n -> new Tag().name(n)).toList());
    api.getComponents().setSchemas(new TreeMap<>(api.getComponents().getSchemas()));
    Paths sorted = new Paths();
    new TreeMap<>(api.getPaths()).forEach(sorted::addPathItem);
    api.setPaths(sorted);
    return api;
  }

  private static Info info(String version) {
    return new Info()
        .title("Hooklift API")
        .version(version)
        .description(
            "Webhooks for container registries, compatible with Mirantis Secure Registry's webhook"
                + " API. Authenticate with HTTP Basic (a password or a personal access token). Every"
                + " error has the body {\"errors\":[{\"code\",\"message\",\"detail\"}]}. Lists take"
                + " pageStart and pageSize and name the next page in the X-Next-Page-Start header.");
  }

  private static void complete(OpenAPI api, ResourceMethods.Operation declared) {
    PathItem item = api.getPaths() == null ? null : api.getPaths().get(declared.path());
    if (item == null) {
      return; // the coverage test names what is missing
    }
    Operation operation =
        item.readOperationsMap()
            .get(PathItem.HttpMethod.valueOf(declared.httpMethod().toUpperCase(Locale.ROOT)));
    if (operation == null) {
      return;
    }
    operation.setOperationId(operationId(declared));
    operation.setTags(List.of(tag(declared.resource())));
    if (declared.resource().isAnnotationPresent(RegistryTokenFilter.Required.class)) {
      operation.setSecurity(List.of(new SecurityRequirement().addList(REGISTRY_TOKEN)));
    } else if (declared.resource().isAnnotationPresent(PublicEndpoint.class)) {
      operation.setSecurity(List.of());
    }
    // swagger-core files the answer of a method with no declared status under "default"; these
    // methods answer 200, and "default" is kept for the error shape.
    ApiResponse generated = operation.getResponses().remove("default");
    if (generated != null
        && operation.getResponses().keySet().stream().noneMatch(code -> code.startsWith("2"))) {
      operation.getResponses().addApiResponse("200", generated.description("OK"));
    }
    operation
        .getResponses()
        .addApiResponse(
            "default",
            new ApiResponse()
                .description("An error, in the MSR error shape")
                .content(
                    new Content()
                        .addMediaType(
                            "application/json",
                            new MediaType()
                                .schema(
                                    new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)))));
    if (pages(operation)) {
      describePaging(operation);
    }
  }

  private static boolean pages(Operation operation) {
    return operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "pageSize".equals(p.getName()));
  }

  private static void describePaging(Operation operation) {
    for (Parameter parameter : operation.getParameters()) {
      if ("pageSize".equals(parameter.getName())) {
        parameter.description(
            "How many items per page, from 1 to "
                + PageRequest.MAX_SIZE
                + " (default "
                + PageRequest.DEFAULT_SIZE
                + ")");
      } else if ("pageStart".equals(parameter.getName())) {
        parameter.description(
            "Where the page starts: the " + Paging.NEXT_PAGE_HEADER + " of the previous page");
      }
    }
    operation.getResponses().entrySet().stream()
        .filter(e -> e.getKey().startsWith("2"))
        .forEach(
            e ->
                e.getValue()
                    .addHeaderObject(
                        Paging.NEXT_PAGE_HEADER,
                        new Header()
                            .description(
                                "Present when more items follow: pass it as pageStart for the next page")
                            .schema(new StringSchema())));
  }

  private static String operationId(ResourceMethods.Operation declared) {
    String resource = declared.resource().getSimpleName().replaceFirst("Resource$", "");
    String method = declared.method().getName();
    return Character.toLowerCase(resource.charAt(0))
        + resource.substring(1)
        + Character.toUpperCase(method.charAt(0))
        + method.substring(1);
  }

  private static String tag(Class<?> resource) {
    String pkg = resource.getPackageName();
    return TAGS.getOrDefault(pkg.substring(pkg.lastIndexOf('.') + 1), "Other");
  }
}
