package io.hooklift.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

  @Test
  void onlyTheCanonicalFormIsAnId() {
    UUID id = UUID.fromString("01a20a1e-0cfb-76df-9b8e-1500c4201d5e");
    assertThat(Uuids.parseCanonical("01a20a1e-0cfb-76df-9b8e-1500c4201d5e")).contains(id);
    assertThat(Uuids.parseCanonical("1-2-3-4-5")).isEmpty();
    assertThat(Uuids.parseCanonical("01A20A1E-0CFB-76DF-9B8E-1500C4201D5E")).isEmpty();
    assertThat(Uuids.parseCanonical("not-a-uuid")).isEmpty();
    assertThat(Uuids.parseCanonical(null)).isEmpty();
  }
}
