package io.hooklift.adapter.rest.openapi;

import java.util.List;

/** The resource classes that make up the API, as registered: what the document describes. */
public record ApiResources(List<Class<?>> classes) {

  public ApiResources {
    classes = List.copyOf(classes);
  }
}
