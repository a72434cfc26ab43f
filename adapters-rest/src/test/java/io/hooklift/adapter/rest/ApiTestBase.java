package io.hooklift.adapter.rest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One server and seed world per test class; tests that change state say so in their names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase {

  protected TestServer server;
  protected SeedWorld world;

  @BeforeAll
  void startServer() {
    server = TestServer.start();
    world = new SeedWorld(server);
  }

  @AfterAll
  void stopServer() {
    server.close();
  }
}
