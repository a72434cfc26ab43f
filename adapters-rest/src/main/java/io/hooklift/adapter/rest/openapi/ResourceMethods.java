package io.hooklift.adapter.rest.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations JAX-RS resource classes declare: each public method with an HTTP method
 * annotation, with the path its class and method {@code @Path}s make. What the OpenAPI document
 * must cover. JAX-RS may serve one path and verb from several methods, one per media type they
 * produce, where OpenAPI has one operation: those are one operation here, declared by the method
 * that is not {@link Hidden} (the others are described by its annotations).
 */
public final class ResourceMethods {

  /** One operation: {@code get /api/v0/webhooks/{id}}, declared by {@code method}. */
  public record Operation(String httpMethod, String path, Class<?> resource, Method method) {
    @Override
    public String toString() {
      return httpMethod.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  private ResourceMethods() {}

  public static List<Operation> of(List<Class<?>> resources) {
    Map<String, Operation> operations = new LinkedHashMap<>();
    for (Class<?> resource : resources) {
      Path classPath = resource.getAnnotation(Path.class);
      for (Method method : resource.getDeclaredMethods()) {
        String verb = httpMethod(method);
        if (verb != null && Modifier.isPublic(method.getModifiers())) {
          Path methodPath = method.getAnnotation(Path.class);
          String path =
              join(
                  classPath == null ? "" : classPath.value(),
                  methodPath == null ? "" : methodPath.value());
          Operation operation =
              new Operation(verb.toLowerCase(Locale.ROOT), path, resource, method);
          operations.merge(operation.toString(), operation, ResourceMethods::visible);
        }
      }
    }
    List<Operation> sorted = new ArrayList<>(operations.values());
    sorted.sort(Comparator.comparing(Operation::path).thenComparing(Operation::httpMethod));
    return List.copyOf(sorted);
  }

  private static Operation visible(Operation one, Operation other) {
    return one.method().isAnnotationPresent(Hidden.class) ? other : one;
  }

  private static String httpMethod(Method method) {
    return Arrays.stream(method.getAnnotations())
        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
        .filter(m -> m != null)
        .map(HttpMethod::value)
        .findFirst()
        .orElse(null);
  }

  /** Joins and normalises as OpenAPI writes paths: one leading slash, none trailing. */
  static String join(String classPath, String methodPath) {
    String joined =
        "/" + strip(classPath) + (strip(methodPath).isEmpty() ? "" : "/" + strip(methodPath));
    return joined.equals("/") ? joined : joined.replaceAll("/+$", "");
  }

  private static String strip(String path) {
    return path.replaceAll("^/+", "").replaceAll("/+$", "");
  }
}
