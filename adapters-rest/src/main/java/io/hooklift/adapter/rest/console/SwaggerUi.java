package io.hooklift.adapter.rest.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;

/**
 * Where swagger-ui's files are in its WebJar. The version comes from the WebJar's own Maven
 * metadata, so upgrading it is a change to the parent POM only. Only the bundle and its stylesheet
 * are served: the WebJar's own page and initializer would load the public petstore example.
 */
final class SwaggerUi {

  static final Set<String> SERVED = Set.of("swagger-ui-bundle.js", "swagger-ui.css");

  private static final String POM_PROPERTIES =
      "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private SwaggerUi() {}

  static String location(String file, String version) {
    return "META-INF/resources/webjars/swagger-ui/" + version + "/" + file;
  }

  static String version() {
    try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return "missing";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "missing");
    } catch (IOException e) {
      return "missing";
    }
  }
}
