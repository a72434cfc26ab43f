package io.hooklift.bootstrap.registry;

import io.hooklift.bootstrap.registry.DistributionRegistry.Endpoint;
import io.hooklift.bootstrap.registry.DistributionRegistry.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hooklift listening to a real Distribution registry that notifies it, started on free loopback
 * ports (new ones when another process took a port meanwhile).
 */
record RegistryPair(HookliftUnderTest hooklift, DistributionRegistry registry) {

  static RegistryPair start(Path work, List<User> users, String timeZone)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      int registryPort = LoopbackPorts.free();
      int debugPort = LoopbackPorts.free();
      HookliftUnderTest hooklift =
          HookliftUnderTest.start(
              work.resolve("hooklift-" + attempt),
              "http://" + LoopbackPorts.HOST + ":" + registryPort);
      Path registryDir = work.resolve("registry");
      try {
        DistributionRegistry registry =
            DistributionRegistry.start(
                registryDir,
                registryPort,
                debugPort,
                users,
                new Endpoint(hooklift.notificationEndpoint().toString(), hooklift.token()),
                timeZone);
        return new RegistryPair(hooklift, registry);
      } catch (DistributionRegistry.PortClash clash) {
        hooklift.close();
        if (attempt >= 3) {
          throw clash;
        }
        Files.move(registryDir, work.resolve("registry-clash-" + attempt));
      }
    }
  }
}
