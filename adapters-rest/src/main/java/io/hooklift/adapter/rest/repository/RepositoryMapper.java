package io.hooklift.adapter.rest.repository;

import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.Visibility;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** CodeRepository → MSR repository JSON; enums in their wire spelling. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface RepositoryMapper {

  RepositoryMapper INSTANCE = Mappers.getMapper(RepositoryMapper.class);

  @Mapping(target = "namespace", source = "path.namespace.value")
  @Mapping(target = "name", source = "path.name.value")
  @Mapping(target = "shortDescription", source = "settings.shortDescription")
  @Mapping(target = "longDescription", source = "settings.longDescription")
  @Mapping(target = "visibility", source = "settings.visibility")
  @Mapping(target = "scanOnPush", source = "settings.scanOnPush")
  @Mapping(target = "immutableTags", source = "settings.immutableTags")
  @Mapping(target = "enableManifestLists", source = "settings.enableManifestLists")
  @Mapping(target = "tagLimit", source = "settings.tagLimit")
  RepositoryResponse toResponse(CodeRepository repository);

  default String namespaceType(AccountType type) {
    return type.wire();
  }

  default String visibility(Visibility visibility) {
    return visibility.wire();
  }
}
