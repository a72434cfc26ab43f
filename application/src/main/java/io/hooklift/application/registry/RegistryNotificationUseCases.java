package io.hooklift.application.registry;

import io.hooklift.domain.registry.RegistryNotification;
import java.util.List;

/** A registry's notifications in, TAG_* and MANIFEST_* webhooks out. */
public interface RegistryNotificationUseCases {

  /**
   * Checks the bearer token a registry sent, before its body is read.
   *
   * @throws io.hooklift.domain.shared.NotFound if no token is configured
   * @throws io.hooklift.domain.shared.Unauthenticated if the token is wrong
   */
  void authenticate(String presentedToken);

  /**
   * Stores the webhooks the notifications become and returns once they are durable. Noise (blob
   * traffic, mounts, HEAD requests, Hooklift's own look-ups) and ids handled before are
   * acknowledged and dropped, because a registry resends anything it was not given a 2xx for.
   *
   * @param presentedToken the bearer token that came with the request, empty if none did
   * @throws io.hooklift.domain.shared.NotFound if no token is configured
   * @throws io.hooklift.domain.shared.Unauthenticated if the token is wrong
   */
  Receipt receive(String presentedToken, List<RegistryNotification> notifications);

  /**
   * What became of the notifications.
   *
   * @param events webhook events stored
   * @param dropped notifications that were noise
   * @param duplicates notifications whose id had been handled before
   */
  record Receipt(int events, int dropped, int duplicates) {}
}
