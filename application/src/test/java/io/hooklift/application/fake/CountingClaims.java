package io.hooklift.application.fake;

import io.hooklift.application.port.Deliveries;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;

/** A {@link Deliveries} that shows a test what each of its claims returned. */
public final class CountingClaims {

  private CountingClaims() {}

  public static Deliveries of(Deliveries store, Consumer<List<?>> claimed) {
    return (Deliveries)
        Proxy.newProxyInstance(
            Deliveries.class.getClassLoader(),
            new Class<?>[] {Deliveries.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (method.getName().startsWith("claim") && result instanceof List<?> list) {
                claimed.accept(list);
              }
              return result;
            });
  }
}
