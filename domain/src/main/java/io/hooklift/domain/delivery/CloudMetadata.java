package io.hooklift.domain.delivery;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The well-known addresses and names of cloud instance-metadata services, which hand out
 * credentials to whoever asks from inside the instance. Never reachable, whatever the operator's
 * allow-list says. docs/security.md lists them with their providers.
 */
public final class CloudMetadata {

  /** Literal addresses, by provider; several lie in ranges an operator may otherwise allow. */
  static final List<String> ADDRESSES =
      List.of(
          "169.254.169.254", // AWS, GCP, Azure, OCI, DigitalOcean, OpenStack...
          "169.254.170.2", // AWS ECS task metadata and credentials
          "169.254.170.23", // AWS EKS Pod Identity agent
          "fd00:ec2::254", // AWS IMDS over IPv6 (inside the ULA range otherwise allowed)
          "fd00:ec2::23", // AWS EKS Pod Identity agent over IPv6
          "fd20:ce::254", // GCP metadata over IPv6
          "100.100.100.200", // Alibaba Cloud (inside CGNAT, which an operator may allow)
          "192.0.0.192", // Oracle Cloud classic metadata
          "168.63.129.16"); // Azure WireServer (a public address)

  /** Host names that resolve to a metadata service inside the cloud. */
  static final Set<String> NAMES =
      Set.of(
          "metadata.google.internal",
          "metadata.goog",
          "instance-data",
          "instance-data.ec2.internal",
          "metadata.azure.com");

  private static final List<byte[]> RAW = ADDRESSES.stream().map(CloudMetadata::literal).toList();

  private CloudMetadata() {}

  public static boolean isMetadataAddress(byte[] address) {
    return RAW.stream().anyMatch(m -> Arrays.equals(m, address));
  }

  /** Whether {@code host} (a name, any case, trailing dot allowed) is a metadata service's name. */
  public static boolean isMetadataName(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return NAMES.contains(h.endsWith(".") ? h.substring(0, h.length() - 1) : h);
  }

  private static byte[] literal(String text) {
    try {
      return InetAddress.getByName(text).getAddress(); // literals only: nothing is resolved
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(text, e);
    }
  }
}
