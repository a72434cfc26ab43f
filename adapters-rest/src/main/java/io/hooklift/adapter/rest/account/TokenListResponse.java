package io.hooklift.adapter.rest.account;

import java.util.List;

/** {@code {"tokens":[…]}}. */
public record TokenListResponse(List<TokenResponse> tokens) {}
