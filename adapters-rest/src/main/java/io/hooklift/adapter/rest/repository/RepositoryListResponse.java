package io.hooklift.adapter.rest.repository;

import java.util.List;

/** {@code {"repositories":[…]}}. */
public record RepositoryListResponse(List<RepositoryResponse> repositories) {}
