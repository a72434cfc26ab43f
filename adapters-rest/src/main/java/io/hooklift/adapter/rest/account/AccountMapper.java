package io.hooklift.adapter.rest.account;

import io.hooklift.application.account.TokenUseCases.IssuedToken;
import io.hooklift.domain.account.AccessToken;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.Timestamps;
import java.time.Instant;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Accounts and tokens → JSON records. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface AccountMapper {

  AccountMapper INSTANCE = Mappers.getMapper(AccountMapper.class);

  @Mapping(target = "isOrg", expression = "java(account.isOrganization())")
  @Mapping(target = "isAdmin", source = "systemAdmin")
  AccountResponse toResponse(Account account);

  TokenResponse toResponse(AccessToken token);

  @Mapping(target = "id", source = "token.id")
  @Mapping(target = "label", source = "token.label")
  @Mapping(target = "createdAt", source = "token.createdAt")
  @Mapping(target = "token", source = "secret")
  CreatedTokenResponse toResponse(IssuedToken issued);

  default String name(NamespaceName name) {
    return name.value();
  }

  default String type(AccountType type) {
    return type.wire();
  }

  default String time(Instant instant) {
    return Timestamps.format(instant);
  }
}
